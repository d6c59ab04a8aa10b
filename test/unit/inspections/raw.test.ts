/**
 * Integration test over data/raw/: recompute Ofsted's published totals from the registers.
 * Published check figures appear here only, as expectations.
 */
import { describe, expect, it } from 'vitest';
import { buildGeography, geographyFiles } from '../../../src/datasets/geography.ts';
import { buildInspections, ofstedTotals, OFSTED_STATS_DATE, parseFirstCycle, parseNewFramework, parseOfstedTable } from '../../../src/datasets/inspections/index.ts';
import { GeographyIndex } from '../../../src/lib/geography.ts';
import { makeContext } from '../../../src/lib/pipeline.ts';
import { RAW_DIR, readManifest } from '../../../src/lib/sources.ts';
import { requireData } from '../../helpers.ts';

const ctx = makeContext(RAW_DIR, readManifest(), null as unknown as GeographyIndex);
const files = { firstCycle: ctx.file('insp-first-cycle'), newFramework: ctx.file('insp-2023-framework'), ofsted: ctx.file('insp-ofsted-2022') };
requireData([...Object.values(files), ctx.file('geo-las')]);

describe('inspections over data/raw', async () => {
  const geo = new GeographyIndex(await buildGeography(geographyFiles(ctx.file)));
  const data = await buildInspections(files, geo);

  it("Ofsted's main table as at 31 August 2022: 149 areas, 82 WSOAs, 46 revisits", async () => {
    const ofsted = await parseOfstedTable(files.ofsted);
    expect(ofstedTotals(ofsted)).toEqual({ areas: 149, wsoa: 82, revisited: 46, notRevisited: 36 });
  });

  it('the compiled register reproduces the same totals from its Ofsted rows, and adds the 2 areas from the notes', async () => {
    const register = await parseFirstCycle(files.firstCycle);
    const main = register.filter((r) => r.inOfstedMainTable);
    expect(main).toHaveLength(149);
    expect(main.filter((r) => r.wsoa)).toHaveLength(82);
    const revisitedByAug2022 = main.filter((r) => r.revisitStart !== null && r.revisitStart <= OFSTED_STATS_DATE);
    expect(revisitedByAug2022).toHaveLength(46);
    expect(register.filter((r) => !r.inOfstedMainTable).map((r) => r.laCode).sort()).toEqual(['835', '928']);
    // …and the same from the events the site shows.
    const firsts = data.events.filter((e) => e.kind === 'first-inspection' && e.sourceKind === 'ofsted');
    expect(firsts).toHaveLength(149);
    expect(firsts.filter((e) => e.wsoaRequired)).toHaveLength(82);
    expect(data.events.filter((e) => e.kind === 'revisit' && e.sourceKind === 'ofsted' && e.start! <= OFSTED_STATS_DATE)).toHaveLength(46);
  });

  it('2023 framework by calendar year of inspection (missing start → publication year): 2023 7/11/8, 2024 7/15/6', () => {
    const england = (y: number) => data.outcomesByYear.find((r) => r.geographyCode === 'E92000001' && r.year === y)!;
    expect([england(2023).outcome1, england(2023).outcome2, england(2023).outcome3]).toEqual([7, 11, 8]);
    expect([england(2024).outcome1, england(2024).outcome2, england(2024).outcome3]).toEqual([7, 15, 6]);
    expect(england(2024).fromPublicationYear).toBe(2); // Derbyshire and North Yorkshire
    // Regions add up to England in every year.
    for (const y of data.outcomesByYear.filter((r) => r.geographyCode === 'E92000001')) {
      const regions = data.outcomesByYear.filter((r) => r.year === y.year && r.geographyCode !== 'E92000001');
      expect(regions.reduce((n, r) => n + r.total, 0)).toBe(y.total);
    }
  });

  it('recomputed by publication year instead, the counts do not match (as SOURCES.md warns)', async () => {
    const rows = await parseNewFramework(files.newFramework);
    const byPub = (y: string, o: number) => rows.filter((r) => r.publication.startsWith(y) && r.outcome === o).length;
    expect([byPub('2023', 1), byPub('2023', 2), byPub('2023', 3)]).toEqual([7, 8, 5]);
  });

  it('all 153 areas have a history with a first-cycle entry, own or inherited', () => {
    expect(data.areas).toHaveLength(153);
    for (const a of data.areas) expect(a.eventIds.some((id) => id.startsWith('first-')), a.name).toBe(true);
    const inheritedBy = (slug: string) => data.events.find((e) => e.kind === 'first-inspection' && e.areaLaCodes.includes(data.areas.find((a) => a.slug === slug)!.laCode))!;
    expect(inheritedBy('north-northamptonshire').inheritedNote).toBe('Inspected as Northamptonshire (before April 2021)');
    expect(inheritedBy('west-northamptonshire').id).toBe('first-928');
    expect(inheritedBy('cumberland').id).toBe('first-909');
    expect(inheritedBy('westmorland-and-furness').id).toBe('first-909');
    expect(inheritedBy('dorset').id).toBe('first-835');
    expect(inheritedBy('bournemouth-christchurch-and-poole')).toMatchObject({ id: 'first-839', inherited: false });
  });

  it('latest outcomes cover every area; 96 areas inspected under the 2023 framework', () => {
    const counts = data.regions.reduce((n, r) => n + Object.values(r.counts).reduce((a, b) => a + b, 0), 0);
    expect(counts).toBe(153);
    expect(data.areas.filter((a) => a.latestClass !== 'not-yet')).toHaveLength(96);
    expect(data.referenceDate).toBe('2026-06-26');
  });

  it('carries provenance: 12 revisits from council or press pages, Slough outcome from press, Cambridgeshire dates from Parliament', () => {
    expect(data.events.filter((e) => e.kind === 'revisit' && e.sourceKind === 'council-or-press')).toHaveLength(12);
    const slough = data.events.find((e) => e.kind === 'full-inspection' && e.inspectedLaCode === '871')!;
    expect(slough).toMatchObject({ outcome: 3, sourceKind: 'council-or-press' });
    expect(data.events.find((e) => e.kind === 'full-inspection' && e.inspectedLaCode === '873')!.sourceKind).toBe('parliament');
  });
});
