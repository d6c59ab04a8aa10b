/**
 * "What stands out" and the key facts (src/facts/key-facts.ts, src/facts/money-facts.ts).
 *
 * The rules they apply (a figure stands out only outside the neighbours' range by more than a
 * margin in its own units, with at least 5 neighbours known; ties; the neighbours all "not
 * close") are tested on fixture inputs. The facts themselves read the generated data through
 * module imports (keyFacts takes the geography but not the data), so the small-number rules,
 * the stand-out sentences and reorganised areas are tested over the generated data for named
 * areas, with the sentences the page shows.
 */
import { describe, expect, it } from 'vitest';
import { describeStanding, outsideRange, standing } from '../../src/lib/compare.ts';
import type { Area } from '../../src/lib/geography.ts';
import { requireGenerated } from '../helpers.ts';

requireGenerated(['geography', 'ehcp', 'tribunal', 'outcomes', 'inspections', 'absence-sen', 'absence-lait', 'absence-meta', 'money', 'sen-prevalence']);
const { keyFacts, MIN_CASES, NOT_CLOSE_NOTE, SHOW_COUNT_BELOW, SMALL_AREA_PLANS, STAND_OUT_MARGIN, neighboursAllNotClose } = await import('../../src/facts/key-facts.ts');
const { MONEY_STAND_OUT_MARGIN } = await import('../../src/facts/money-facts.ts');
const { geo } = await import('../../src/read/site.ts');

const NEIGHBOURS = [20.0, 22.5, 25.0, 27.5, 30.0, 31.0, 33.0, 35.0, 37.5, 40.0];

describe('the stand-out rule, on fixture values', () => {
  const margins = { ...STAND_OUT_MARGIN, ...MONEY_STAND_OUT_MARGIN };

  it.each(Object.entries(margins))('%s: stands out only beyond the range by more than its margin (%d)', (_name, margin) => {
    expect(margin).toBeGreaterThan(0);
    const at = (v: number) => outsideRange(standing(v, NEIGHBOURS), v, margin);
    expect(at(40.0)).toBeNull(); // the highest neighbour's own value
    expect(at(40.0 + margin)).toBeNull(); // exactly the margin beyond: not "clearly" outside
    expect(at(40.0 + margin + 0.01)).toBe('above');
    expect(at(20.0 - margin)).toBeNull();
    expect(at(20.0 - margin - 0.01)).toBe('below');
    expect(at(30.0)).toBeNull();
  });

  it('never stands out against fewer than 5 neighbours with a figure (the rest suppressed)', () => {
    const four = [20, 21, 22, 23, null, null, null, null, null, null];
    expect(outsideRange(standing(90, four), 90, STAND_OUT_MARGIN.timeliness)).toBeNull();
    const five = [20, 21, 22, 23, 24, null, null, null, null, null];
    expect(outsideRange(standing(90, five), 90, STAND_OUT_MARGIN.timeliness)).toBe('above');
    expect(describeStanding(standing(90, five), 'statistical neighbours')).toBe('higher than all 5 of its statistical neighbours with a figure (5 not published)');
  });

  it('ties: a value equal to a neighbour’s is neither higher nor lower than it, and never outside the range', () => {
    const s = standing(40.0, NEIGHBOURS);
    expect([s.higher, s.lower, s.equal]).toEqual([9, 0, 1]);
    expect(outsideRange(s, 40.0)).toBeNull();
    expect(describeStanding(s, 'statistical neighbours')).toBe('higher than 9 of its 10 statistical neighbours');
  });

  // KNOWN GAP (reported): with every neighbour equal to the area, the words say "higher than 0 of
  // its 10". This test is marked as failing until describeStanding words ties; then drop `.fails`.
  it('ties: an area equal to all its neighbours is described as the same as them', () => {
    expect(describeStanding(standing(5, Array(10).fill(5)), 'statistical neighbours')).toMatch(/same as all 10/);
  });

  it('neighbours all "not close" (City of London) are flagged, and only then', () => {
    const area = (closeness: string[]) => ({ name: 'Fixture', neighbours: closeness.map((c, i) => ({ laCode: String(900 + i), rank: i + 1, closeness: c })) }) as unknown as Area;
    expect(neighboursAllNotClose(area(Array(10).fill('Not close')))).toBe(true);
    expect(neighboursAllNotClose(area([...Array(9).fill('Not close'), 'Close']))).toBe(false);
    expect(neighboursAllNotClose(area([]))).toBe(false);
    expect(NOT_CLOSE_NOTE('City of London')).toMatch(/^DfE rates all 10 of City of London’s statistical neighbours as “not close”/);
  });

  it('the small-number thresholds are what /about/data/#small-numbers says', () => {
    expect({ MIN_CASES, SHOW_COUNT_BELOW, SMALL_AREA_PLANS }).toEqual({ MIN_CASES: 10, SHOW_COUNT_BELOW: 100, SMALL_AREA_PLANS: 100 });
  });
});

/** An area's key facts by id, and its stand-out sentences. */
function factsOf(slug: string) {
  const area = geo.bySlug.get(slug);
  if (!area) throw new Error(`no area ${slug}`);
  const { facts, standsOut } = keyFacts(geo, area);
  const byId = Object.fromEntries(facts.map((f) => [f.id, f]));
  return { byId, standsOut: standsOut.map((s) => s.text) };
}

describe('key facts over the generated data, for named areas', () => {
  it(`MIN_CASES: a 20-week rate from fewer than ${MIN_CASES} plans is shown with its count and never compared (Isles of Scilly, Isle of Wight, City of London)`, () => {
    const scilly = factsOf('isles-of-scilly');
    expect(scilly.byId.timeliness!.value).toBe('100.0% in 2024 – 1 of 1 plan');
    expect(scilly.byId.timeliness!.details).toEqual(['England 45.9%.', 'Based on 1 plan: too few (fewer than 10) to compare fairly with other areas.']);
    const wight = factsOf('isle-of-wight');
    expect(wight.byId.timeliness!.value).toBe('28.6% in 2024 – 2 of 7 plans');
    expect(wight.byId.timeliness!.details.at(-1)).toBe('Based on 7 plans: too few (fewer than 10) to compare fairly with other areas.');
    for (const a of [scilly, wight, factsOf('city-of-london')]) expect(a.standsOut.filter((t) => /within 20 weeks/.test(t))).toEqual([]);
  });

  it(`SHOW_COUNT_BELOW: a rate from fewer than ${SHOW_COUNT_BELOW} plans carries its count; from more, it does not`, () => {
    expect(factsOf('kensington-and-chelsea').byId.timeliness!.value).toBe('99.0% in 2024 – 97 of 98 plans');
    expect(factsOf('rutland').byId.timeliness!.value).toBe('74.3% in 2024 – 52 of 70 plans');
    expect(factsOf('camden').byId.timeliness!.value).toBe('96.1% in 2024');
    // Growth from a small base says what it grew from and to.
    expect(factsOf('city-of-london').byId['ehc-plans']!.details[0]).toBe('Up 44.4% since January 2020, from 18 to 26 plans (England +63.7%, region +50.5%).');
  });

  it(`SMALL_AREA_PLANS: persistent absence of pupils with a plan is not compared for an area holding fewer than ${SMALL_AREA_PLANS} plans`, () => {
    const scilly = factsOf('isles-of-scilly');
    expect(scilly.byId['persistent-absence-ehcp']!.details.at(-1)).toBe('Isles of Scilly holds only 17 plans in all, so this rate rests on very few pupils (DfE does not publish how many): it is not compared with other areas here.');
    expect(scilly.byId['persistent-absence-ehcp']!.details.join(' ')).not.toMatch(/than (all|any|\d+ of)/);
    for (const slug of ['isles-of-scilly', 'city-of-london']) expect(factsOf(slug).standsOut.filter((t) => /with an EHC plan were persistently absent/.test(t))).toEqual([]);
  });

  it(`SMALL_AREA_PLANS: spending per child with a plan is not called out for an area with fewer than ${SMALL_AREA_PLANS} plans (City of London, highest of its neighbours)`, () => {
    const city = factsOf('city-of-london');
    expect(city.byId['sen-spend']!.details).toContain('Higher than all 10 of its statistical neighbours.');
    expect(city.standsOut.filter((t) => /a week on SEN services/.test(t))).toEqual([]);
  });

  it('the margin holds back a figure only just outside the range (Kensington and Chelsea: lowest spending and highest high needs growth of its neighbours, but within the margins)', () => {
    const kc = factsOf('kensington-and-chelsea');
    expect(kc.byId['sen-spend']!.details).toContain('Lower than all 10 of its statistical neighbours.');
    expect(kc.byId['high-needs-block']!.details).toContain('Growth higher than all 10 of its statistical neighbours.');
    expect(kc.standsOut).toEqual([]);
  });

  it('stand-out sentences say the figure, the direction in neutral words and the neighbours’ range (Camden, Rutland)', () => {
    expect(factsOf('camden').standsOut).toEqual([
      'EHC plans grew by 16.6% from January 2020 to 2025, less than any of its statistical neighbours (their range: +21.7% to +63.7%).',
      'In 2024/25, 41.2% of pupils with an EHC plan were persistently absent: higher than any of its statistical neighbours (their range: 27.8% to 38.4%).',
      'At 31 March 2022 it carried forward a surplus of 7.14% of its DSG allocation: a smaller deficit (or larger surplus) than any of its statistical neighbours (their range: -2.69% to 7.35%).',
    ]);
    expect(factsOf('rutland').standsOut).toEqual(['In 2024/25, 20.2% of pupils on SEN support were persistently absent: lower than any of its statistical neighbours (their range: 23.8% to 26.9%).']);
  });

  it('reorganised areas: no growth or change figure across the reorganisation, and why (North Northamptonshire 2021, Westmorland and Furness 2023)', () => {
    const nn = factsOf('north-northamptonshire');
    expect(nn.byId['ehc-plans']!.details).toEqual(['No growth figure since January 2020: the area did not exist in its current form then.']);
    expect(nn.byId['high-needs-block']!.details[0]).toBe('No change since 2020-21 to show: the council did not exist in its present form then.');
    const wf = factsOf('westmorland-and-furness');
    expect(wf.byId['ehc-plans']!.details[0]).toMatch(/^No growth figure since January 2020: the area did not exist in its current form then\.$/);
    for (const a of [nn, wf]) expect(a.standsOut.filter((t) => /EHC plans grew/.test(t))).toEqual([]);
  });

  it('ties over time: an unchanged rate reads "The same as" (Isle of Wight, SEN support absence)', () => {
    expect(factsOf('isle-of-wight').byId['persistent-absence-support']!.details[0]).toBe('The same as 30.9% in 2023/24.');
  });

  // KNOWN GAP (reported): the small-number rules cover plans, timeliness and absence of pupils
  // with a plan, but not SEN prevalence or absence of pupils on SEN support. The City of London
  // (one primary school; 26 plans) has both called out. Marked as failing until they are covered.
  it('a figure from a handful of pupils is never called out (City of London: share with a plan, SEN support absence)', () => {
    const city = factsOf('city-of-london');
    expect(city.standsOut).toEqual([]);
    for (const id of ['sen-prevalence', 'persistent-absence-support', 'persistent-absence-ehcp']) {
      expect(city.byId[id]!.details.at(-1), id).toMatch(/^City of London holds only 26 plans in all, so this rate rests on very few pupils .*not compared with other areas here\.$/);
    }
  });

  it('no figure is never shown as 0: the City of London’s missing high needs block says why', () => {
    const city = factsOf('city-of-london');
    expect(city.byId['high-needs-block']!.value).toBe('No DSG allocation published');
    expect(city.byId['high-needs-block']!.details[0]).toMatch(/so none is shown \(not £0\)\.$/);
    expect(city.byId['dsg-deficit']).toBeUndefined();
  });
});
