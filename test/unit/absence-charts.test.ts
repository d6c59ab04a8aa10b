/** The absence charts and key facts, over the generated data (run `npm run data:build` first). */
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';
import { timeMissed } from '../../src/lib/school-time.ts';

requireGenerated(['absence-sen', 'absence-lait', 'absence-meta', 'absence-bands', 'geography']);
const { directionOf } = await import('../../src/read/absence-data.ts');

describe('time missed', () => {
  it('turns a rate into sessions, days and hours from a 190-day, two-session year', () => {
    const t = timeMissed(10);
    expect(t.sessionsPerYear).toBe(38);
    expect(t.daysPerYear).toBe(19);
    expect(t.hoursPerYear).toBeCloseTo(19 * 6.5, 10);
    expect(t.daysPerCareer).toBe(209);
    expect(t.yearsPerCareer).toBeCloseTo(1.1, 10);
    expect(timeMissed(0).daysPerYear).toBe(0);
    expect(() => timeMissed(101)).toThrow(/not a percentage/);
    expect(() => timeMissed(Number.NaN)).toThrow(/not a percentage/);
  });
});

describe('direction of change', () => {
  it('compares at the published 1 decimal place and says unknown when a figure is missing', () => {
    expect(directionOf(30.0, 30.04)).toBe('same');
    expect(directionOf(30.0, 30.1)).toBe('up');
    expect(directionOf(30.1, 29.9)).toBe('down');
    expect(directionOf(null, 30)).toBe('unknown');
    expect(directionOf(30, null)).toBe('unknown');
    // Shown as 26.7% both years (26.65 rounds half up once): never "up" between two equal displayed figures.
    expect(directionOf(26.65, 26.7)).toBe('same');
  });
});

describe('absence charts over the generated data', async () => {
  const { chart } = await import('../../src/charts/registry.ts');
  const { checkSpec } = await import('../../src/charts/types.ts');
  const { chartSvg } = await import('../../src/charts/render.ts');
  const { geo } = await import('../../src/read/site.ts');
  const { persistentAbsenceFacts, senSeries, senLatestIndex, sen } = await import('../../src/read/absence-data.ts');
  const AREA_CHARTS = ['absence-sen-compare', 'absence-sen-gap', 'absence-trend', 'absence-suspensions'];

  it('every one of the 153 areas has its 4 absence charts, each on its area page with a summary naming the area', () => {
    expect(geo.areas).toHaveLength(153);
    for (const a of geo.areas) {
      for (const id of AREA_CHARTS) {
        const spec = checkSpec(chart(id, a.slug));
        expect(spec.page, `${id} ${a.slug}`).toBe(`/areas/${a.slug}/`);
        expect(spec.summary, `${id} ${a.slug}`).toContain(a.name);
        // Page titles are "<chart title> – SEND outcomes in England", at most 70 characters (html-validate long-title).
        expect(`${spec.title} – SEND outcomes in England`.length, `${id} ${a.slug}`).toBeLessThanOrEqual(70);
        expect(spec.summary, `${id} ${a.slug}`).not.toMatch(/NaN|undefined|null/);
      }
    }
  });

  it('never calls a median of areas "England" in the SEN-status charts', () => {
    const spec = chart('absence-sen-compare', 'camden');
    const places = new Set(spec.rows.map((r) => r.place));
    expect([...places]).toEqual(['Camden', 'Median of 10 statistical neighbours', 'Median of London areas', 'Median of all areas']);
    expect(chartSvg(spec)).not.toContain('England');
    expect(spec.notes.join(' ')).toMatch(/local areas only, not for England/);
  });

  it('computes the comparators as medians of the right groups', () => {
    const camden = geo.bySlug.get('camden')!;
    const [ehcp] = persistentAbsenceFacts(geo, camden);
    const slot = senLatestIndex('enrolments_pa_10_exact_percent');
    const vals = (areas: readonly { laCode: string }[]) =>
      areas.map((a) => senSeries('enrolments_pa_10_exact_percent', 'total', 'ehcp', a.laCode)[slot]).filter((v): v is number => v !== null).sort((x, y) => x - y);
    const median = (xs: number[]) => (xs.length % 2 ? xs[(xs.length - 1) / 2]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2);
    expect(ehcp!.period).toBe(sen.slots.enrolments_pa_10_exact_percent[slot]!.period);
    expect(ehcp!.value).toBe(senSeries('enrolments_pa_10_exact_percent', 'total', 'ehcp', camden.laCode)[slot]);
    expect(ehcp!.comparators.neighbours!.median).toBeCloseTo(median(vals(geo.neighboursOf(camden))), 10);
    expect(ehcp!.comparators.region!.median).toBeCloseTo(median(vals(geo.areasInRegion(camden.regionCode))), 10);
    expect(ehcp!.comparators.all!.median).toBeCloseTo(median(vals(geo.areas)), 10);
    expect(ehcp!.comparators.all!.n + ehcp!.comparators.all!.missing).toBe(153);
    expect(['up', 'down', 'same']).toContain(ehcp!.direction);
  });

  it('shows figures not published for a new area as such: Westmorland and Furness before 2023', () => {
    const trend = chart('absence-trend', 'westmorland-and-furness');
    const own = trend.rows.filter((r) => r.place === 'Westmorland and Furness');
    // LAIT's "-" (no value) is kept as a symbol, never 0.
    const blank = own.filter((r) => (r.rate as { kind: string }).kind !== 'value').map((r) => r.academic_year);
    for (const r of own.filter((x) => blank.includes(x.academic_year))) expect(r.rate).toEqual({ kind: 'symbol', code: '-' });
    expect(blank).toEqual(['2015/16', '2016/17', '2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23']);
    expect(trend.notes.join(' ')).toMatch(/No figure published for Westmorland and Furness in 2015\/16, .* and 2022\/23: the area did not exist yet/);
    // The predecessor is its own labelled line, never joined onto the successor's.
    const cumbria = trend.rows.filter((r) => r.place === 'Cumbria (before April 2023)');
    expect(cumbria.length).toBeGreaterThan(0);
    expect(cumbria.find((r) => r.academic_year === '2024/25')!.rate).toEqual({ kind: 'symbol', code: '-' });
    expect(cumbria.find((r) => r.academic_year === '2018/19')!.rate).toMatchObject({ kind: 'value' });
    const susp = chart('absence-suspensions', 'westmorland-and-furness');
    expect(susp.rows.some((r) => (r.rate as { kind: string }).kind === 'blank')).toBe(true);
    expect(susp.notes.join(' ')).toMatch(/No figure published for Westmorland and Furness: \d+ figures/);
  });

  it('keeps 2019/20 as a gap in the trend, never a value, and flags 2020/21', () => {
    for (const slug of ['camden', 'kent']) {
      const trend = chart('absence-trend', slug);
      const y1920 = trend.rows.filter((r) => r.academic_year === '2019/20');
      expect(y1920.every((r) => (r.rate as { kind: string }).kind !== 'value')).toBe(true);
      expect(trend.notes.join(' ')).toMatch(/no full-year figures for 2019\/20/);
      expect(trend.notes.join(' ')).toMatch(/2020\/21 figures/);
    }
  });

  it('lists suppressed special-school figures in the notes of the comparison chart', () => {
    const spec = chart('absence-sen-compare', 'camden');
    const blank = spec.rows.filter((r) => r.place === 'Camden' && (r.rate as { kind: string }).kind === 'blank');
    expect(blank.length).toBeGreaterThan(0);
    const note = spec.notes.find((n) => n.startsWith('No figure published for Camden'))!;
    for (const phase of new Set(blank.map((r) => String(r.education_phase).toLowerCase()))) expect(note).toContain(phase);
  });

  it('every region has its comparison chart with one row per area and SEN status, on its region page', () => {
    for (const r of geo.geography.regions) {
      const spec = checkSpec(chart('absence-region', r.slug));
      expect(spec.page).toBe(`/regions/${r.slug}/`);
      expect(spec.rows).toHaveLength(geo.areasInRegion(r.code).length * 3);
      expect(spec.subtitle).toContain(r.name);
    }
  });

  it('ranks every area, listing those without a figure at the end', () => {
    const spec = chart('absence-rank-ehcp', 'england');
    expect(spec.rows).toHaveLength(153);
    const ranked = spec.rows.filter((r) => r.rank !== '').map((r) => (r.rate as { value: number }).value);
    expect([...ranked].sort((a, b) => a - b)).toEqual(ranked);
  });
});
