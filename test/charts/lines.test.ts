/**
 * The area line chart (areaComparisonChart: the area against England, its region and the median
 * of its statistical neighbours), from fixture series: golden SVGs, desktop and phone, for a
 * normal area, one with suppressed years, a reorganised area and one with no figures at all.
 */
import { describe, expect, it } from 'vitest';
import { checkGoldenPair } from './golden.ts';
import { area, dotsIn, drawings, lineChart, wordsIn } from './fixtures.ts';
import { COMPARISON_STYLE } from '../../src/charts/series-style.ts';

const AREA = COMPARISON_STYLE.area.stroke;
const ENG = COMPARISON_STYLE.england.stroke;

/** Hollow rings marking named gaps (under the year labels, and the one in the key). */
const ringsIn = (svg: string) => [...svg.matchAll(/<g\b[^>]*fill="white" aria-label="dot">([^]*?)<\/g>/g)].reduce((n, m) => n + (m[1]!.match(/<circle/g) ?? []).length, 0);

const golden = (name: string, spec: ReturnType<typeof lineChart>) => checkGoldenPair('lines', name, drawings(spec));

describe('area line chart goldens', () => {
  it('normal: every year drawn for the area and England, with a title against England', () => {
    const spec = lineChart('coventry', [30.5, 41.2, 55.0, 62.3, 58.8, 70.1]);
    const { desktop, phone } = golden('normal', spec);
    expect(spec.title).toBe('Above England on 20-week timeliness, 2024');
    for (const svg of [desktop, phone]) {
      expect(dotsIn(svg, AREA)).toBe(6);
      expect(dotsIn(svg, ENG)).toBe(6);
      expect(ringsIn(svg)).toBe(0);
    }
    // Two neighbours are suppressed in some years: the median says how many it uses.
    expect(spec.notes.join(' ')).toContain('Statistical neighbours: the median uses only the neighbours with a figure (9 of 10 in 2019 and 8 of 10 in 2020).');
  });

  it('suppressed: "c" and "x" years are gaps named by their meaning, never drawn as 0', () => {
    const spec = lineChart('rutland', ['c', 80.0, 'x', 75.0, 'c', 66.7]);
    const { desktop, phone } = golden('suppressed', spec);
    for (const svg of [desktop, phone]) expect(dotsIn(svg, AREA)).toBe(3);
    expect(spec.rows.map((r) => r.area)).toEqual([{ kind: 'symbol', code: 'c' }, { kind: 'value', value: 80 }, { kind: 'symbol', code: 'x' }, { kind: 'value', value: 75 }, { kind: 'symbol', code: 'c' }, { kind: 'value', value: 66.7 }]);
    expect(spec.notes).toEqual(expect.arrayContaining(['2019: no figure for Rutland (suppressed).', '2021: no figure for Rutland (not available).', '2023: no figure for Rutland (suppressed).']));
    expect(spec.summary).toContain("In 2024, Rutland's 20-week timeliness was 66.7%");
    // The drawing says so too: a ring under each of the three years, and a key.
    for (const svg of [desktop, phone]) {
      expect(ringsIn(svg)).toBe(3 + 1);
      expect(wordsIn(svg)).toContain('No figure for Rutland: suppressed, not available');
    }
  });

  it('reorganised: North Northamptonshire from 2021, its years before named as the predecessor’s', () => {
    const spec = lineChart('north-northamptonshire', [null, null, 35.2, 40.1, 44.0, 47.5]);
    const { desktop } = golden('reorganised', spec);
    expect(dotsIn(desktop, AREA)).toBe(4);
    expect(ringsIn(desktop)).toBe(0); // years before the area existed are plain gaps, not marked
    expect(spec.notes[0]).toMatch(/^2019 to 2020: no figure for North Northamptonshire \(the area did not exist in its present form; figures for Northamptonshire \(before April 2021\) are kept separately\)\.$/);
    expect(spec.summary).toContain('In 2021 it was 35.2%.');
  });

  it('reorganised: Westmorland and Furness from 2023', () => {
    const spec = lineChart('westmorland-and-furness', [null, null, null, null, 61.0, 58.2]);
    const { desktop } = golden('reorganised-2023', spec);
    expect(dotsIn(desktop, AREA)).toBe(2);
    expect(spec.notes[0]).toMatch(/^2019 to 2022: no figure for Westmorland and Furness \(the area did not exist in its present form; figures for Cumbria \(before April 2023\)/);
  });

  it('all missing: no line for the area, the comparisons still drawn, and the title says so', () => {
    const spec = lineChart('isles-of-scilly', [null, null, 'c', 'c', 'x', 'c']);
    const { desktop, phone } = golden('all-missing', spec);
    expect(spec.title).toBe('No 20-week timeliness figures for Isles of Scilly');
    expect(spec.summary).toBe('There are no published 20-week timeliness figures for Isles of Scilly in these years.');
    for (const svg of [desktop, phone]) {
      expect(dotsIn(svg, AREA)).toBe(0);
      expect(dotsIn(svg, ENG)).toBe(6);
    }
    expect(spec.notes).toEqual(expect.arrayContaining(['2021 to 2022: no figure for Isles of Scilly (suppressed).', '2023: no figure for Isles of Scilly (not available).', '2024: no figure for Isles of Scilly (suppressed).']));
    expect(area('isles-of-scilly').name).toBe('Isles of Scilly');
    // Rings for the four years with a symbol, none for the two blank years.
    for (const svg of [desktop, phone]) expect(ringsIn(svg)).toBe(4 + 1);
  });
});
