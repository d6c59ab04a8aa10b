import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  buildInspections,
  checkAgainstOfsted,
  firstCycleEvents,
  newFrameworkEvents,
  parseFirstCycle,
  parseNewFramework,
  parseOfstedTable,
  inspectionsDownload,
} from '../../src/datasets/inspections/index.ts';
import { DataError } from '../../src/lib/csv.ts';
import { toCsv } from '../../src/lib/downloads.ts';
import { testGeography } from './inspections-geo.ts';

const fx = (name: string) => fileURLToPath(new URL(`../fixtures/inspections/${name}`, import.meta.url));
const geo = testGeography();
const files = { firstCycle: fx('first-cycle.csv'), newFramework: fx('new-framework.csv'), ofsted: fx('ofsted.csv') };

async function firstCycleError(name: string): Promise<DataError> {
  const err = await parseFirstCycle(fx(name), name)
    .then((rows) => firstCycleEvents(rows, geo, name))
    .then(() => null)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

async function newFrameworkError(name: string): Promise<DataError> {
  const err = await parseNewFramework(fx(name), name)
    .then((rows) => newFrameworkEvents(rows, geo, name))
    .then(() => null)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

describe('first-cycle register: validation errors name file, line and column', () => {
  it.each([
    ['fc-unknown-code.csv', 'la_code_old', /999 \(Nowhere\) is not the code of a current or former English local area/],
    ['fc-bad-revisit-outcome.csv', 'revisit_outcome', /"Partly" is not one of Yes, Some, No/],
    ['fc-revisit-before-inspection.csv', 'revisit_date', /revisit 2018-05-24 is before the inspection started \(2019-01-28\)/],
    ['fc-published-before-start.csv', 'publication_date', /published 2019-01-20, before the inspection started/],
    ['fc-blank-code.csv', 'la_code_old', /blank area code \(only old Dorset may have one\)/],
    ['fc-wsoa-not-boolean.csv', 'wsoa_required', /"Yes" is not true or false/],
    ['fc-revisit-without-wsoa.csv', 'revisit_outcome', /no written statement of action was required/],
    ['fc-counts-disagree.csv', 'revisit_outcome', /"Yes" disagrees with 7 of 9 weaknesses/],
    ['fc-ons-mismatch.csv', 'la_code_old', /ONS code E09000002 and DfE code 886 are different areas/],
  ])('%s → %s', async (name, column, problem) => {
    const err = await firstCycleError(name);
    expect(err.file).toBe(name);
    expect(err.line).toBe(2);
    expect(err.column).toBe(column);
    expect(err.problem).toMatch(problem);
  });

  it('a code listed twice is an error on the second line', async () => {
    const err = await firstCycleError('fc-duplicate.csv');
    expect(err.message).toBe('fc-duplicate.csv:3 column "la_code_old": 886 already appears on line 2. Check this against the published source, or run `npm run data:fetch` to restore the file');
  });
});

describe('2023-framework register: validation errors', () => {
  it.each([
    ['nf-bad-outcome.csv', 'outcome', /"4" is not an outcome \(1, 2 or 3\)/],
    ['nf-published-before-start.csv', 'publication_date', /published 2024-07-01, before the inspection started \(2024-07-08\)/],
    ['nf-blank-start-unflagged.csv', 'inspection_start', /blank start date without the start_date_missing_in_D2I flag/],
    ['nf-next-mismatch.csv', 'next_inspection', /"5 years" does not match outcome 2/],
    ['nf-unknown-code.csv', 'la_code_old', /999 \(Nowhere\) is not the code/],
    ['nf-bad-date.csv', 'inspection_start', /"2024-02-30" is not a date/],
  ])('%s → %s', async (name, column, problem) => {
    const err = await newFrameworkError(name);
    expect(err.file).toBe(name);
    expect(err.line).toBe(2);
    expect(err.column).toBe(column);
    expect(err.problem).toMatch(problem);
  });
});

describe('check against Ofsted’s own table', () => {
  it('passes when the register agrees, and names the row when it does not', async () => {
    const register = await parseFirstCycle(files.firstCycle);
    expect(() => checkAgainstOfsted(register, [], 'r.csv')).toThrow(/the register has 5 rows from Ofsted's main table, Ofsted has 0/);
    const good = await parseOfstedTable(files.ofsted);
    expect(() => checkAgainstOfsted(register, good, 'r.csv')).not.toThrow();
    const bad = await parseOfstedTable(fx('ofsted-disagrees.csv'));
    expect(() => checkAgainstOfsted(register, bad, 'r.csv')).toThrow(/^r\.csv:7: Kent \(E10000016, Ofsted line 6\): written statement of action differs/);
  });
});

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
