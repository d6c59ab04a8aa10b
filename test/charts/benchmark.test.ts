/**
 * The neighbour benchmark chart (benchmarkSpec), drawn from a fixture MeasureDef and its points:
 * golden SVGs, desktop and phone, for normal, suppressed, reorganised and all-missing cases.
 */
import { describe, expect, it } from 'vitest';
import { checkGoldenPair } from './golden.ts';
import { area, barsIn, benchmarkMeasure, benchmarkSpec, checkSpec, drawings, neighbourhoodPoints, NEIGHBOUR_SERIES, points, ENGLAND_SERIES, REGION_SERIES } from './fixtures.ts';

const golden = (name: string, spec: ReturnType<typeof benchmarkSpec>) => checkGoldenPair('benchmark', name, drawings(checkSpec(spec)));

describe('benchmark chart goldens', () => {
  it('normal: the area and 10 neighbours as bars, England and the region as lines, a small rate with its counts', () => {
    const cov = area('coventry');
    const small = cov.neighbours[5]!.laCode;
    const m = benchmarkMeasure({ id: 'fixture-normal', points: neighbourhoodPoints('coventry', [30.5, 41.2, 55.0, 62.3, 58.8, 70.1]), england: points(ENGLAND_SERIES), region: points(REGION_SERIES), counts: { [small]: [3, 4] } });
    const spec = benchmarkSpec(m, 'coventry');
    const { desktop, phone } = golden('normal', spec);
    expect(barsIn(desktop)).toBe(11);
    expect(barsIn(phone)).toBe(11);
    expect(spec.title).toBe('20-week timeliness: better than 9 of 10 neighbours');
    expect(spec.summary).toContain("In 2024, Coventry's 20-week timeliness was 70.1%.");
    // A rate from 4 cases carries its counts (the small-numbers rule), in the bar label and a note.
    expect(spec.notes).toContain(`Fewer than 20 new plans behind the rate for ${area(small).name} (3 of 4): a figure from so few cases can swing widely from year to year.`);
    expect(desktop).toContain('(3 of 4)');
  });

  it('suppressed: the area and two neighbours have symbols: named by their meaning, no bar drawn, never 0', () => {
    const own: (number | 'c' | 'x' | null)[] = [30.5, 41.2, 55.0, 62.3, 58.8, 'c'];
    const neighbours = NEIGHBOUR_SERIES.map((s, i) => (i === 0 ? [...s.slice(0, 5), 'c' as const] : i === 1 ? [...s.slice(0, 5), 'x' as const] : s));
    const m = benchmarkMeasure({ id: 'fixture-suppressed', points: neighbourhoodPoints('coventry', own, neighbours), england: points(ENGLAND_SERIES), region: points(REGION_SERIES) });
    const spec = benchmarkSpec(m, 'coventry');
    const { desktop, phone } = golden('suppressed', spec);
    expect(barsIn(desktop)).toBe(8);
    expect(barsIn(phone)).toBe(8);
    const cov = area('coventry');
    const [n1, n2] = [area(cov.neighbours[0]!.laCode).name, area(cov.neighbours[1]!.laCode).name];
    expect(spec.summary).toContain('In 2024, Coventry has no figure: suppressed.');
    expect(spec.summary).toContain(`No figure for ${n1} (suppressed) and ${n2} (not available).`);
    expect(spec.title).toBe('20-week timeliness: suppressed'); // the title says why the area has no figure
    const areaRow = spec.rows.find((r) => r.role === 'This area')!;
    expect(areaRow.value).toEqual({ kind: 'symbol', code: 'c' });
    // In the drawing: each gap is labelled in words where its bar would be.
    for (const svg of [desktop, phone]) {
      expect(svg.match(/>Suppressed</g)).toHaveLength(2);
      expect(svg.match(/>Not available</g)).toHaveLength(1);
    }
  });

  it('reorganised: North Northamptonshire had no row in the year compared (it began in 2021)', () => {
    const years = [2018, 2019, 2020];
    const m = benchmarkMeasure({
      id: 'fixture-reorganised',
      // The neighbours' fixture points are for 2019–2024: keep 2019 and 2020, the measure's latest year being 2020.
      points: Object.fromEntries(Object.entries(neighbourhoodPoints('north-northamptonshire', [])).map(([k, p]) => [k, p.filter((x) => years.includes(Number(x.period)))])),
      england: points([60.1, 58.0, 58.1], years),
      region: points([57.3, 55.2, 60.3], years),
      whyNone: 'the area did not exist in its present form in 2020',
    });
    const spec = benchmarkSpec(m, 'north-northamptonshire');
    const { desktop } = golden('reorganised', spec);
    expect(spec.summary).toContain('In 2020, North Northamptonshire has no figure: the area did not exist in its present form in 2020.');
    const areaRow = spec.rows.find((r) => r.role === 'This area')!;
    expect(areaRow.value).toEqual({ kind: 'blank' });
    expect(areaRow.note).toBe('the area did not exist in its present form in 2020');
    expect(barsIn(desktop)).toBeGreaterThan(0);
  });

  it('all missing: no bars, no reference lines, and the words say there are no figures', () => {
    const m = benchmarkMeasure({ id: 'fixture-all-missing', points: {}, england: null, region: null });
    const spec = benchmarkSpec(m, 'coventry');
    const { desktop, phone } = golden('all-missing', spec);
    expect(barsIn(desktop)).toBe(0);
    expect(barsIn(phone)).toBe(0);
    expect(spec.title).toBe('20-week timeliness: no figure published');
    // No year has a figure, so no sentence, note or subtitle names one (it read "In no year").
    expect(JSON.stringify({ s: spec.subtitle, m: spec.summary, n: spec.notes })).not.toMatch(/no year/i);
    expect(spec.notes.filter((n) => /^No (England|West Midlands) figure/.test(n))).toHaveLength(2);
    // Neighbours with the same reason are listed once, with it.
    expect(spec.summary).toContain('Coventry has no figure: no figure published. No figure for Derby, Southampton, Peterborough, Bolton, Wolverhampton, Hillingdon, Rochdale, Walsall, Luton and Stoke-on-Trent (no figure published).');
  });
});
