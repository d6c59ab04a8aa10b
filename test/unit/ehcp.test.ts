import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DataError } from '../../src/lib/csv.ts';
import { symbol, value } from '../../src/lib/cell.ts';
import { baseGeos, ENGLAND, mergeReleases, SeriesStore } from '../../src/lib/series.ts';
import { deriveEhcpRates, parseCaseload2025, parseTimeliness2025 } from '../../src/datasets/ehcp.ts';
import { timelinessText } from '../../src/lib/send-text.ts';
import { fixtureGeo } from '../fixtures/ehcp/geography.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ehcp/${name}`, import.meta.url));

describe('EHC plan caseload (fixture)', () => {
  it('keeps only total rows, counts the rest, and keeps symbols', async () => {
    const geos = baseGeos(fixtureGeo);
    const { store, stats } = await parseCaseload2025(fixture('caseload.csv'), fixtureGeo, geos);
    expect(stats.rows).toBe(7);
    expect(Object.values(stats.skipped)).toEqual([1]);
    expect(store.get('ehc_plans', ENGLAND, 2021)).toEqual(value(300));
    expect(store.get('ehc_plans', '940', 2022)).toEqual(value(120));
    expect(store.get('ehc_plans', '420', 2021)).toEqual(symbol('x'));
  });

  it('keeps a split predecessor as its own labelled series, never the successor’s', async () => {
    const geos = baseGeos(fixtureGeo);
    const { store } = await parseCaseload2025(fixture('caseload.csv'), fixtureGeo, geos);
    expect(store.has('ehc_plans', '940', 2021)).toBe(false);
    expect(store.get('ehc_plans', 'pred-928', 2021)).toEqual(value(200));
    expect(geos.get('pred-928')).toMatchObject({ kind: 'predecessor', name: 'Northamptonshire (before April 2021)', successors: ['940', '941'] });
  });

  it('stops on an unknown code, naming file, line and column', async () => {
    const err = await parseCaseload2025(fixture('caseload-unknown-code.csv'), fixtureGeo, baseGeos(fixtureGeo)).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toMatch(/caseload-unknown-code\.csv:2 column "old_la_code": "999" is not the code/);
  });

  it('stops on a value that is neither number nor symbol', async () => {
    await expect(parseCaseload2025(fixture('caseload-bad-number.csv'), fixtureGeo, baseGeos(fixtureGeo))).rejects.toThrow(/caseload-bad-number\.csv:2 column "ehcplans"/);
  });
});

describe('20-week timeliness (fixture)', () => {
  it('derives rates from counts; no plans reads "no plans issued", not 0%', async () => {
    const { store } = await parseTimeliness2025(fixture('timeliness.csv'), fixtureGeo, baseGeos(fixtureGeo));
    deriveEhcpRates(store);
    expect(store.get('t20_pc', ENGLAND, 2024)).toEqual(value(45));
    expect(store.get('t20_pc_ex', ENGLAND, 2024)).toEqual(value(53.3));
    const scilly = store.get('t20_pc', '420', 2024);
    // DfE publishes x for 0 of 0: the published symbol is kept (issue 11.3).
    expect(scilly).toEqual(symbol('x'));
    expect(timelinessText(scilly, store.get('t20_den', '420', 2024))).toBe('no plans issued');
    // Plans issued but every one an exception case.
    expect(timelinessText(store.get('t20_pc_ex', '892', 2024), store.get('t20_den_ex', '892', 2024), store.get('t20_den', '892', 2024))).toBe('all plans were exception cases');
    expect(timelinessText(store.get('t20_pc', '892', 2024), store.get('t20_den', '892', 2024))).toBe('40.0%');
    // Unavailable stays unavailable.
    expect(timelinessText(store.get('t20_pc', '940', 2024), store.get('t20_den', '940', 2024))).toBe('not available');
  });
});

describe('mergeReleases', () => {
  it('later release wins and every disagreement on the overlap is reported', () => {
    const older = new SeriesStore();
    const newer = new SeriesStore();
    older.put('m', '892', 2020, value(1));
    older.put('m', '892', 2021, value(2));
    older.put('m', '892', 2022, value(3));
    newer.put('m', '892', 2021, value(2));
    newer.put('m', '892', 2022, symbol('x'));
    newer.put('m', '892', 2023, value(4));
    const target = new SeriesStore();
    const r = mergeReleases(target, 'm', older, newer);
    expect(r.overlaps).toBe(2);
    expect(r.disagreements).toEqual([{ measure: 'm', geoKey: '892', period: 2022, older: value(3), newer: symbol('x') }]);
    expect([2020, 2021, 2022, 2023].map((p) => target.get('m', '892', p))).toEqual([value(1), value(2), symbol('x'), value(4)]);
  });
});
