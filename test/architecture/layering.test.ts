/**
 * Layering: dependencies point one way.
 *
 *   lib ← datasets ← read ← charts ← facts ← components ← layouts ← pages
 *
 * src/lib is generic library code (cells, CSV, geography, formatting, the
 * pipeline contract) and imports nothing from the rest of src/ — only its own
 * modules, node: builtins and npm packages. src/datasets (parse → validate →
 * derive) uses only lib. src/read, the read models, is the only layer that
 * loads src/generated and the manifest (data/sources.json). Charts never import
 * components, layouts or pages; facts never import components or pages. A
 * place that must break the rule would be listed in EXCEPTIONS with why (none
 * does today); a new breach fails this test with its file and line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFiles, describeViolation, layerOf, ROOT, resolveSpecifier, scanImports, violations, type ImportRef } from './imports.ts';


/** Layer → the other layers it may import from (a layer may always import from itself). */
const ALLOWED: Record<string, readonly string[]> = {
  lib: [],
  datasets: ['lib'],
  read: ['lib', 'datasets', 'generated', 'data'],
  charts: ['lib', 'datasets', 'read'],
  facts: ['lib', 'datasets', 'read', 'charts'],
  components: ['lib', 'datasets', 'read', 'charts', 'facts', 'scripts', 'styles'],
  layouts: ['lib', 'datasets', 'read', 'charts', 'facts', 'components', 'scripts', 'styles'],
  pages: ['lib', 'datasets', 'read', 'charts', 'facts', 'components', 'layouts', 'scripts', 'styles'],
  // Client-side scripts bundled into pages.
  scripts: ['lib'],
};

/** Folders of src/ that hold no layered code: build output and styles. */
const NOT_CODE = new Set(['generated', 'styles']);

/** Known breaches, "from -> to": each to be removed when its module moves (issue 12). */
const EXCEPTIONS = new Set<string>([]);

const files = codeFiles('src');
const refs: ImportRef[] = files.flatMap((f) => scanImports(f, readFileSync(path.join(ROOT, f), 'utf8')));

describe('the import scanner', () => {
  it('reports a deliberately wrong import in a src/lib file with its file and line', () => {
    const text = ["import { value } from './cell.ts';", "import fs from 'node:fs';", "import x from '../charts/render.ts';", "import * as d3 from 'd3';"].join('\n');
    const found = violations(scanImports('src/lib/virtual.ts', text), ALLOWED);
    expect(found.map(describeViolation)).toEqual(["src/lib/virtual.ts:3: src/lib may not import from charts ('../charts/render.ts')"]);
  });

  it('finds multi-line, type, export-from, side-effect and dynamic imports, each on its own line', () => {
    const text = [
      '/** A module. */', // 1
      'import {', // 2
      '  type BandsJson,', // 3
      '  type LaitJson,', // 4
      "} from '../datasets/absence.ts';", // 5
      "export * from '../../data/sources.json';", // 6
      "import '../components/Figure.astro';", // 7
      'const map = await import("../generated/map.json");', // 8
      "export { geo } from '../read/site.ts';", // 9
      "import { formatNumber } from './format.ts';", // 10
    ].join('\n');
    const found = violations(scanImports('src/lib/virtual.ts', text), ALLOWED);
    expect(found.map((v) => [v.line, v.toLayer])).toEqual([
      [5, 'datasets'],
      [6, 'data'],
      [7, 'components'],
      [8, 'generated'],
      [9, 'read'],
    ]);
  });

  it('treats an absolute or out-of-tree path from src/lib as outside it', () => {
    const text = "import a from '/work/elsewhere/x.ts';\nimport b from '../../../other/y.ts';";
    expect(violations(scanImports('src/lib/virtual.ts', text), ALLOWED).map((v) => v.line)).toEqual([1, 2]);
  });

  it('holds the other layers to their direction (charts may not import components; datasets may not import charts)', () => {
    expect(violations(scanImports('src/charts/virtual.ts', "import F from '../components/Figure.astro';"), ALLOWED)).toHaveLength(1);
    expect(violations(scanImports('src/datasets/virtual.ts', "import { spec } from '../charts/ehcp.ts';"), ALLOWED)).toHaveLength(1);
    expect(violations(scanImports('src/facts/virtual.ts', "import { x } from '../pages/index.astro';"), ALLOWED)).toHaveLength(1);
    expect(violations(scanImports('src/facts/virtual.ts', "import { x } from '../charts/ehcp.ts';"), ALLOWED)).toHaveLength(0);
  });
});

describe('layering of src/', () => {
  it('scans the source tree', () => {
    expect(files.filter((f) => f.startsWith('src/lib/')).length).toBeGreaterThan(20);
    expect(refs.length).toBeGreaterThan(300);
  });

  it('src/lib imports nothing outside src/lib (only its own modules, node: builtins and npm packages)', () => {
    const bad = violations(refs.filter((r) => r.file.startsWith('src/lib/')), { lib: [] });
    expect(bad.map(describeViolation)).toEqual([]);
  });

  it('every other layer imports only from the layers below it', () => {
    expect(violations(refs, ALLOWED, EXCEPTIONS).map(describeViolation)).toEqual([]);
  });

  it('every folder of src/ holding code has a place in the layering', () => {
    const layers = new Set(files.map(layerOf).filter((l) => !NOT_CODE.has(l) && l !== 'src'));
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it('every listed exception still exists (remove it from the list once fixed)', () => {
    const present = new Set(refs.map((r) => `${r.file} -> ${resolveSpecifier(r)}`));
    expect([...EXCEPTIONS].filter((e) => !present.has(e))).toEqual([]);
  });
});
