/** The golden-file harness itself: it writes a missing golden, passes an unchanged drawing and fails a changed one. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { checkGolden, normaliseSvg } from './golden.ts';

const dir = mkdtempSync(join(tmpdir(), 'goldens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const drawing = '<svg width="100" height="50"><defs><clipPath id="plot-clip-7"><rect width="10"></rect></clipPath></defs><rect x="1.234567" y="2" clip-path="url(#plot-clip-7)" fill="#12436D"></rect></svg>';

describe('golden SVG harness', () => {
  it('renumbers generated ids, cuts long decimals and puts one element on a line', () => {
    const a = normaliseSvg(drawing);
    expect(a).toBe(normaliseSvg(drawing.replaceAll('plot-clip-7', 'plot-clip-12')));
    expect(a).toContain('id="id-1"');
    expect(a).toContain('clip-path="url(#id-1)"');
    expect(a).not.toContain('plot-clip');
    expect(a).toContain('x="1.2"');
    expect(a.split('\n').length).toBeGreaterThan(4);
    // Hand-drawn ids (not Plot's) are renumbered with their references too.
    expect(normaliseSvg('<svg><pattern id="dots-3"></pattern><rect fill="url(#dots-3)"></rect></svg>')).toContain('fill="url(#id-1)"');
  });

  it('writes a missing golden (outside CI), then passes the same drawing', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('UPDATE_GOLDENS', '');
    expect(checkGolden('harness', drawing, dir)).toBe('written');
    expect(readFileSync(join(dir, 'harness.svg'), 'utf8')).toBe(normaliseSvg(drawing));
    expect(checkGolden('harness', drawing, dir)).toBe('same');
  });

  it('fails on a changed drawing, naming the golden file and the first differing line, and keeps the golden', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('UPDATE_GOLDENS', '');
    checkGolden('harness-2', drawing, dir);
    const moved = drawing.replace('y="2"', 'y="0"');
    expect(() => checkGolden('harness-2', moved, dir)).toThrow(/harness-2\.svg: the chart's drawing has changed \(first difference at line \d+\)[^]*golden: .*y="2"[^]*now: .*y="0"/);
    expect(readFileSync(join(dir, 'harness-2.svg'), 'utf8')).toBe(normaliseSvg(drawing));
    expect(readFileSync(join(dir, 'harness-2-changed.svg'), 'utf8')).toBe(normaliseSvg(moved));
    // A colour change alone is a change too.
    expect(() => checkGolden('harness-2', drawing.replace('#12436D', '#28A197'), dir)).toThrow(/harness-2\.svg/);
    // Back to the golden drawing: passes and clears the -changed file.
    expect(checkGolden('harness-2', drawing, dir)).toBe('same');
    expect(existsSync(join(dir, 'harness-2-changed.svg'))).toBe(false);
  });

  it('UPDATE_GOLDENS=1 accepts the new drawing', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('UPDATE_GOLDENS', '');
    checkGolden('harness-3', drawing, dir);
    vi.stubEnv('UPDATE_GOLDENS', '1');
    expect(checkGolden('harness-3', drawing.replace('y="2"', 'y="0"'), dir)).toBe('written');
    vi.stubEnv('UPDATE_GOLDENS', '');
    expect(checkGolden('harness-3', drawing.replace('y="2"', 'y="0"'), dir)).toBe('same');
  });

  it('in CI a missing golden fails rather than being written', () => {
    vi.stubEnv('CI', 'true');
    vi.stubEnv('UPDATE_GOLDENS', '');
    expect(() => checkGolden('never-written', drawing, dir)).toThrow(/never-written\.svg is missing: run `UPDATE_GOLDENS=1/);
    expect(existsSync(join(dir, 'never-written.svg'))).toBe(false);
  });
});
