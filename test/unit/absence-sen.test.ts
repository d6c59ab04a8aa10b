import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSenStatus } from '../../src/datasets/absence-sen.ts';
import { senJson, suspensionRows, absenceRows } from '../../src/datasets/absence.ts';
import { toCsv } from '../../src/lib/downloads.ts';
import { ABSENCE_COLUMNS } from '../../src/datasets/absence.ts';
import { fixtureGeo } from '../fixtures/absence/geography.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/absence/${name}`, import.meta.url));
const geo = fixtureGeo();

describe('SEN-status absence file', async () => {
  const { records, extremeNoSen } = await parseSenStatus(fixture('sen.csv'), geo, 'sen.csv');

  it('joins old codes to today\'s areas and keeps predecessors labelled', () => {
    expect(records).toHaveLength(7);
    const bucks = records.filter((r) => r.geo.key === '825');
    expect(bucks.map((r) => r.geo.status)).toEqual(['recoded', 'recoded', 'current', 'recoded']);
    expect(records.find((r) => r.geo.level === 'predecessor')!.geo.name).toBe('Northamptonshire (before April 2021)');
  });

  it('normalises phase labels but keeps the published one', () => {
    const s = records.find((r) => r.metric === 'one_plus_susp_rate')!;
    expect(s.phase).toBe('special');
    expect(s.phaseLabel).toBe('State-funded special');
  });

  it('allows a no-SEN rate above 100% only in special schools, and counts it', async () => {
    expect(extremeNoSen).toBe(1);
    await expect(parseSenStatus(fixture('sen-extreme-total.csv'), geo, 'x.csv')).rejects.toThrow(/^x\.csv:2 column "no_sen_value": 200 is out of range/);
  });

  it('checks the published gap against its parts', async () => {
    await expect(parseSenStatus(fixture('sen-bad-gap.csv'), geo, 'x.csv')).rejects.toThrow(/^x\.csv:2 column "gap_to_no_sen"/);
  });

  it('stops when two rows give different no-SEN rates for the same area, phase and period', async () => {
    await expect(parseSenStatus(fixture('sen-no-sen-mismatch.csv'), geo, 'x.csv')).rejects.toThrow(/^x\.csv:3 column "no_sen_value": 7\.5 differs from 7 on line 2/);
  });

  it('shows 2019/20 as a gap in the full-year series, never a value', () => {
    const j = senJson(records);
    const slots = j.slots.enrolments_pa_10_exact_percent.map((s) => s.period);
    expect(slots).toEqual(['201819', '201920', '202021', '202122']);
    expect(j.values.enrolments_pa_10_exact_percent!['total|ehcp']!['825']).toEqual([30.5, null, null, 35]);
    expect(j.values.enrolments_pa_10_exact_percent!['total|none']!['825']).toEqual([10.25, null, null, 18]);
    expect(j.values.enrolments_pa_10_exact_percent!['total|ehcp']!['pred-928']).toEqual([null, null, 33, null]);
    // The published value, unrounded (issue 11.2: round once, at display).
    expect(j.values.enrolments_pa_10_exact_percent!['total|ehcp']!['940']).toEqual([null, null, null, 40.123456]);
    expect(j.breaks['825']).toEqual([{ code: 'E10000002', from: '201819', to: '201920' }]);
  });

  it('writes the no-SEN rate once per area, phase and period in the downloads', () => {
    const rows = absenceRows([], [], records, geo);
    const bucks1819 = rows.filter((r) => r.old_la_code === '825' && r.time_period === '201819');
    expect(bucks1819.map((r) => r.sen_status)).toEqual(['EHC plan', 'No SEN', 'SEN support']);
    expect(bucks1819[0]!.source_la_code).toBe('E10000002');
    expect(toCsv(ABSENCE_COLUMNS, rows).split('\n')[1]).toContain('Buckinghamshire,recoded,E10000002,825,All state-funded schools,EHC plan,persistent_absence,30.5');
    const susp = suspensionRows(records, geo);
    expect(susp).toHaveLength(4);
    expect(susp.every((r) => r.measure !== 'persistent_absence')).toBe(true);
  });
});
