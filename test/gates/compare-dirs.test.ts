import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/gates/config.ts';
import { compareDirs, isSame } from '../../scripts/gates/compare.ts';
import { GOOD } from './helpers.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'compare-dirs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reproducible-build comparison', () => {
  it('finds two copies of a tree identical', () => {
    const a = path.join(tmp, 'same-a');
    const b = path.join(tmp, 'same-b');
    cpSync(GOOD, a, { recursive: true });
    cpSync(GOOD, b, { recursive: true });
    expect(isSame(compareDirs(a, b))).toBe(true);
  });

  it('lists changed, missing and extra files', () => {
    const a = path.join(tmp, 'diff-a');
    const b = path.join(tmp, 'diff-b');
    cpSync(GOOD, a, { recursive: true });
    cpSync(GOOD, b, { recursive: true });
    writeFileSync(path.join(b, 'index.html'), 'changed');
    rmSync(path.join(b, 'data/ehcp.csv'));
    writeFileSync(path.join(b, 'extra.txt'), 'x');
    expect(compareDirs(a, b)).toEqual({ onlyInA: ['data/ehcp.csv'], onlyInB: ['extra.txt'], different: ['index.html'] });
  });

  it('the CLI exits 0 for identical trees and 1 (listing files) for different ones', () => {
    const run = (x: string, y: string) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/compare-dirs.ts'), x, y], { encoding: 'utf8' }) };
      } catch (e) {
        const err = e as { status: number; stdout: string };
        return { code: err.status, out: err.stdout };
      }
    };
    expect(run(path.join(tmp, 'same-a'), path.join(tmp, 'same-b')).code).toBe(0);
    const r = run(path.join(tmp, 'diff-a'), path.join(tmp, 'diff-b'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('differs: index.html');
    expect(r.out).toContain('only in');
  });
});
