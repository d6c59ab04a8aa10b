/**
 * The import scanner behind test/architecture/layering.test.ts: finds every
 * module specifier a source file names (import … from, export … from,
 * side-effect import, dynamic import(), in .ts and .astro alike) with its line,
 * and works out which layer of src/ a relative specifier points into.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every code file (.ts, .mts, .js, .mjs, .astro) below `dir` (relative to the root), src/generated aside. */
export function codeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return rel === 'src/generated' ? [] : codeFiles(rel);
    return /\.(ts|mts|js|mjs|astro)$/.test(e.name) ? [rel] : [];
  });
}

export interface ImportRef {
  /** The file, relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  specifier: string;
}

const PATTERNS = [
  // import x from '…', import { a,\n b } from '…', import type …, export { x } from '…', export * from '…'
  /\b(?:import|export)\s[^;'"`]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  // import('…')
  /\bimport\s*\(\s*(['"])([^'"\n]+)\1/g,
  // import '…' (side effects, e.g. a client script in an .astro file)
  /^\s*import\s*(['"])([^'"\n]+)\1/gm,
];

/** Every specifier in `text`, with the line it is on. */
export function scanImports(file: string, text: string): ImportRef[] {
  const found = new Map<number, ImportRef>();
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const at = m.index! + m[0].lastIndexOf(m[2]!);
      if (found.has(at)) continue;
      const line = text.slice(0, at).split('\n').length;
      found.set(at, { file, line, specifier: m[2]! });
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}

/** A builtin (node:fs) or an npm package (d3, @observablehq/plot): not part of the layering. */
export function isExternal(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('src/');
}

/** The repository path a relative specifier resolves to ("src/charts/render.ts"). */
export function resolveSpecifier(ref: ImportRef): string {
  if (ref.specifier.startsWith('/') || ref.specifier.startsWith('src/')) return ref.specifier;
  return path.posix.normalize(path.posix.join(path.posix.dirname(ref.file), ref.specifier));
}

/**
 * The layer a repository path belongs to: the folder under src/ ("lib",
 * "charts", "generated"…), or for a path outside src/ its top folder ("data").
 */
export function layerOf(repoPath: string): string {
  const parts = repoPath.split('/');
  if (parts[0] === 'src') return parts.length > 2 ? parts[1]! : 'src';
  return parts[0] === '..' ? '(outside the repository)' : parts[0]!;
}

export interface Violation extends ImportRef {
  target: string;
  fromLayer: string;
  toLayer: string;
}

/**
 * The imports in `refs` that break `allowed` (layer → the other layers it may
 * import from; a layer may always import from itself). `exceptions` lists
 * known breaches as "from-file -> to-file"; any other breach is reported.
 */
export function violations(refs: readonly ImportRef[], allowed: Readonly<Record<string, readonly string[]>>, exceptions: ReadonlySet<string> = new Set()): Violation[] {
  const out: Violation[] = [];
  for (const ref of refs) {
    if (isExternal(ref.specifier)) continue;
    const target = resolveSpecifier(ref);
    const fromLayer = layerOf(ref.file);
    const toLayer = layerOf(target);
    const may = allowed[fromLayer];
    if (!may || toLayer === fromLayer || may.includes(toLayer)) continue;
    if (exceptions.has(`${ref.file} -> ${target}`)) continue;
    out.push({ ...ref, target, fromLayer, toLayer });
  }
  return out;
}

export const describeViolation = (v: Violation): string => `${v.file}:${v.line}: src/${v.fromLayer} may not import from ${v.toLayer} ('${v.specifier}')`;
