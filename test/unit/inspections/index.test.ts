/**
 * The inspections dataset built from the fixture registers (src/datasets/inspections/index.ts): the join
 * to today's areas (join.ts, events.ts), per-area figures and summaries (areas.ts), national figures
 * (national.ts) and the download (download.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildInspections, inspectionsDownload } from '../../../src/datasets/inspections/index.ts';
import { toCsv } from '../../../src/lib/downloads.ts';
import { files, geo } from './fixtures.ts';

describe('joining inspections to today’s areas', async () => {
  const data = await buildInspections(files, geo);
  const area = (slug: string) => data.areas.find((a) => a.slug === slug)!;
  const event = (id: string) => data.events.find((e) => e.id === id)!;

  it('both Northamptonshire successors inherit its first-cycle inspection and say so', () => {
    const e = event('first-928');
    expect(e.areaLaCodes).toEqual(['940', '941']);
    expect(e.inherited).toBe(true);
    expect(e.inheritedNote).toBe('Inspected as Northamptonshire (before April 2021)');
    expect(area('north-northamptonshire').eventIds).toContain('first-928');
    expect(area('west-northamptonshire').eventIds).toEqual(['first-928', 'full-941-2024-12-02']);
  });

  it('old Dorset (blank code → 835) is inherited by Dorset only, not by BCP, which has its own', () => {
    const e = event('first-835');
    expect(e.areaLaCodes).toEqual(['838']);
    expect(e.inheritedNote).toBe('Inspected as Dorset (before April 2019)');
    expect(area('dorset').eventIds).toEqual(['first-835', 'revisit-835', 'full-838-2023-03-06']);
    expect(area('bournemouth-christchurch-and-poole').eventIds).toEqual(['first-839']);
  });

  it('Cumbria’s inspection and its revisit (from council pages) pass to both successors with their provenance', () => {
    const r = event('revisit-909');
    expect(r.areaLaCodes).toEqual(['942', '943']);
    expect(r).toMatchObject({ progress: 'some', weaknessesSufficient: 7, weaknessesInsufficient: 2, sourceKind: 'council-or-press', sourceDetail: 'example.gov.uk/cumbria-revisit' });
    expect(r.flags).toContain('revisit_from_council_or_press_pages');
  });

  it('a recoded area (Buckinghamshire, county ONS code) is the same area, not inherited', () => {
    expect(event('first-825')).toMatchObject({ areaLaCodes: ['825'], inherited: false });
  });

  it('every area has a first-cycle entry, own or inherited', () => {
    for (const a of data.areas) expect(a.eventIds.some((id) => id.startsWith('first-'))).toBe(true);
  });

  it('a missing start date counts in the publication year, flagged', () => {
    expect(event('full-825-2026-02-10')).toMatchObject({ inspectionYear: 2026, inspectionYearFromPublication: true });
    const y2026 = data.outcomesByYear.find((r) => r.geographyCode === 'E92000001' && r.year === 2026)!;
    expect(y2026).toMatchObject({ total: 1, outcome2: 1, fromPublicationYear: 1 });
  });

  it('uses the latest publication date as the reference date, and derives latest outcome and next inspection', () => {
    expect(data.referenceDate).toBe('2026-02-10');
    expect(area('cumberland')).toMatchObject({ latestClass: 'outcome-3', next: { monitoringBy: '2024-08-03', fullBy: '2026-02-03', overdue: true, monitoringDue: true } });
    expect(area('kent')).toMatchObject({ latestClass: 'not-yet', next: { status: 'due-now', lastDate: '2021-05-24' } });
    expect(area('westmorland-and-furness').next).toMatchObject({ status: 'due-now', lastDate: '2022-12-05' });
    // Due-now areas come first, then by expected date (Cumberland's monitoring date is past, so its full date counts).
    expect(data.expectedNext.slice(4)).toEqual(['cumberland', 'barking-and-dagenham', 'west-northamptonshire', 'dorset', 'buckinghamshire']);
  });

  it('orders areas due now by time since their last inspection, longest first', () => {
    const due = data.expectedNext.filter((s) => area(s).next.status === 'due-now');
    expect(due).toEqual(['north-northamptonshire', 'kent', 'bournemouth-christchurch-and-poole', 'westmorland-and-furness']);
  });

  it('counts first-cycle inspections and WSOAs by academic year of publication, cumulatively', () => {
    const england = data.firstCycleByYear.filter((r) => r.geographyCode === 'E92000001');
    expect(england.map((r) => [r.academicYear, r.published, r.wsoa, r.cumulativePublished, r.cumulativeWsoa])).toEqual([
      ['2016/17', 3, 1, 3, 1],
      ['2018/19', 2, 2, 5, 3],
      ['2020/21', 1, 1, 6, 4],
      ['2021/22', 1, 1, 7, 5],
    ]);
    const sw = data.firstCycleByYear.filter((r) => r.geographyCode === 'E12000009' && r.published > 0);
    expect(sw.map((r) => r.academicYear)).toEqual(['2016/17', '2020/21']);
  });

  it('writes a generated summary naming the predecessor and the revisit', () => {
    expect(area('cumberland').summary).toMatch(/^Before April 2023, Cumberland was part of Cumbria, which inspectors visited in 2019\. They found 9 significant weaknesses/);
    expect(area('cumberland').summary).toMatch(/At the 2022 revisit, inspectors found sufficient progress on some of the weaknesses \(7 of 9\), as reported by the council or local press\./);
  });

  it('the download has one row per event, with the predecessor’s codes and its successors', () => {
    const d = inspectionsDownload(data, geo);
    expect(d.rows).toHaveLength(data.events.length);
    const row = d.rows.find((r) => r.event_id === 'first-928')!;
    expect(row).toMatchObject({ old_la_code: '928', new_la_code: 'E10000021', la_name: 'Northamptonshire', current_old_la_codes: '940;941', inherited_from_predecessor: true });
    expect(toCsv(d.columns, d.rows).split('\n')[0]).toMatch(/^\uFEFFtime_period,time_identifier,geographic_level/); // byte-order mark first, for Excel
  });
});
