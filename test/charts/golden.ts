/**
 * Golden SVG files for the chart kit, in the manner of Observable Plot's test/plot-snapshot.js:
 * a chart drawn from a small fixture is normalised (generated ids renumbered in order of
 * appearance, long decimals cut, one element a line so a diff reads well) and compared with
 * test/charts/output/<name>.svg.
 *
 * - golden missing, or UPDATE_GOLDENS=1: the file is written (and the test passes), except in
 *   CI (CI=true), where a missing golden fails: the committed set must be complete;
 * - golden differs: the test fails naming the file and the first differing line, and the new
 *   drawing is written beside it as <name>-changed.svg (git-ignored) to view or diff.
 *
 * Accept an intended change with `UPDATE_GOLDENS=1 npx vitest run test/charts`, then look at the
 * changed goldens (`git diff test/charts/output`) and name the change in the commit.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tidySvg } from '../../src/charts/render.ts';

export const OUTPUT_DIR = join(import.meta.dirname, 'output');
const ROOT = join(import.meta.dirname, '../..');

/**
 * Deterministic text for a drawing. tidySvg renames Plot's counters (plot-clip-7 → c-1); any
 * id left (a hand-drawn SVG's own) is renumbered here in order of first appearance, with every
 * reference to it (url(#…), href="#…"), so two drawings that differ only in id counters match.
 */
export function normaliseSvg(svg: string): string {
  const tidy = tidySvg(svg, 'id');
  const ids = new Map<string, string>();
  for (const m of tidy.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `id-${ids.size + 1}`);
  let out = tidy;
  if (ids.size) {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const any = new RegExp(`(\\bid="|url\\(#|href="#)(${[...ids.keys()].map(esc).join('|')})(?=[")])`, 'g');
    out = tidy.replace(any, (_m, pre: string, id: string) => `${pre}${ids.get(id)}`);
  }
  return `${out.replace(/>\s*</g, '>\n<').trim()}\n`;
}

export type GoldenResult = 'same' | 'written';

/** Compare `svg` with the golden `<dir>/<name>.svg` (see the file comment); throws on a difference. */
export function checkGolden(name: string, svg: string, dir = OUTPUT_DIR): GoldenResult {
  const actual = normaliseSvg(svg);
  const file = join(dir, `${name}.svg`);
  const changed = join(dir, `${name}-changed.svg`);
  const shown = (p: string) => relative(ROOT, p);
  const update = process.env.UPDATE_GOLDENS === '1';
  if (update || !existsSync(file)) {
    if (!update && process.env.CI === 'true') {
      throw new Error(`${shown(file)} is missing: run \`UPDATE_GOLDENS=1 npx vitest run test/charts\`, look at the new file and commit it`);
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return 'written';
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return 'same';
  }
  writeFileSync(changed, actual);
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < Math.max(a.length, e.length) && a[i] === e[i]) i++;
  const cut = (s: string | undefined) => (s === undefined ? '(end of file)' : s.length > 160 ? `${s.slice(0, 160)}…` : s);
  throw new Error(
    `${shown(file)}: the chart's drawing has changed (first difference at line ${i + 1}).\n` +
      `  golden: ${cut(e[i])}\n  now:    ${cut(a[i])}\n` +
      `The new drawing is in ${shown(changed)}. If the change is intended, run \`UPDATE_GOLDENS=1 npx vitest run test/charts\` and review the diff.`,
  );
}

/** Check a chart's desktop and phone drawings against `<type>.<name>.svg` and `<type>.<name>.phone.svg`. */
export function checkGoldenPair(type: string, name: string, d: { desktop: string; phone: string }): { desktop: string; phone: string } {
  checkGolden(`${type}.${name}`, d.desktop);
  checkGolden(`${type}.${name}.phone`, d.phone);
  return d;
}
