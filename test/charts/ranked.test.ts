/**
 * Ranked bars (every area, one bar each; the phone form cut to the 10 lowest, the 10 highest
 * and the median): absence's rankChart over fixture values. Golden SVGs for normal and
 * suppressed rankings, and what an all-missing ranking does.
 *
 * Reorganised areas: a ranking is of one year, in which every area is a current one (here
 * Westmorland and Furness and North Northamptonshire rank like any other), so there is no
 * separate reorganised case.
 */
import { describe, expect, it } from 'vitest';
import { checkGoldenPair } from './golden.ts';
import { barsIn, checkSpec, drawings, geo, rankChart, RANK_MEASURES } from './fixtures.ts';

const EHCP = RANK_MEASURES.find((m) => m.id === 'ehcp')!;
/** 24 areas (a few from each region, the two reorganised ones included), with rates from 8.0% to 42.5%. */
const SLUGS = [
  'coventry', 'kent', 'rutland', 'westmorland-and-furness', 'north-northamptonshire', 'cumberland', 'isles-of-scilly', 'derby',
  'luton', 'bolton', 'walsall', 'hillingdon', 'rochdale', 'southampton', 'peterborough', 'wolverhampton',
  'stoke-on-trent', 'leeds', 'cornwall', 'camden', 'newcastle-upon-tyne', 'norfolk', 'surrey', 'somerset',
];
const RATES = SLUGS.map((_, i) => 8 + i * 1.5);

function ranked(values: (number | null)[]) {
  return {
    period: '202324',
    source: 'sen' as const,
    values: SLUGS.map((slug, i) => {
      const area = geo.bySlug.get(slug);
      if (!area) throw new Error(`no area ${slug}`);
      return { area, v: values[i]! };
    }),
  };
}

const golden = (name: string, spec: ReturnType<typeof rankChart>) => checkGoldenPair('ranked', name, drawings(checkSpec(spec)));

describe('ranked bar goldens', () => {
  it('normal: one bar per area on desktop; the phone shows the 10 lowest, the 10 highest and how many lie between', () => {
    const spec = rankChart(EHCP, ranked(RATES));
    const { desktop, phone } = golden('normal', spec);
    expect(barsIn(desktop)).toBe(24);
    expect(barsIn(phone)).toBe(20);
    expect(phone).toContain('4 areas in between');
    expect(phone).toContain('1. Coventry');
    expect(phone).toContain('24. Somerset');
    expect(spec.summary).toBe('In 2023/24, the share of pupils with an EHC plan who were persistently absent ranged from 8.0% in Coventry to 42.5% in Somerset. The median of all areas was 25.3%; half of areas were between 16.6% and 33.9%.');
  });

  it('suppressed: areas with no figure are left out of the bars (never drawn as 0), listed last in the table and named in a note', () => {
    const values = RATES.map((r, i) => ([2, 6, 10].includes(i) ? null : r));
    const spec = rankChart(EHCP, ranked(values));
    const { desktop, phone } = golden('suppressed', spec);
    expect(barsIn(desktop)).toBe(21);
    expect(barsIn(phone)).toBe(20);
    expect(phone).toContain('>1 area in between<');
    expect(spec.notes).toContain('Suppressed or not published for 3 areas: Rutland, Isles of Scilly and Walsall. They are left out of the chart and listed at the end of the table.');
    expect(spec.rows.slice(-3).map((r) => [r.la_name, r.rank, r.rate])).toEqual([
      ['Rutland', '', { kind: 'blank' }],
      ['Isles of Scilly', '', { kind: 'blank' }],
      ['Walsall', '', { kind: 'blank' }],
    ]);
    for (const svg of [desktop, phone]) expect(svg).not.toMatch(/>Rutland</);
  });

  it('all missing: stops (throws) rather than drawing an empty ranking', () => {
    // No golden: there is no drawing. The build stops saying what is wrong and where to look.
    expect(() => rankChart(EHCP, ranked(RATES.map(() => null)))).toThrow(/^absence ranking ehcp, .*: 0 areas with a figure \(\d+ areas suppressed or not published\); a ranking needs at least two\. Check the absence source rows/);
  });
});
