import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DataError } from '../../src/lib/csv.ts';
import { symbol, value } from '../../src/lib/cell.ts';
import { baseGeos, ENGLAND, SeriesStore } from '../../src/lib/series.ts';
import { deriveHnbPerPlan, financialYearEnd, financialYearLabel, parseAllocations, parseDeficit } from '../../src/datasets/money.ts';
import { parsePrevalence } from '../../src/datasets/sen-prevalence.ts';
import { fixtureGeo } from '../fixtures/ehcp/geography.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/money/${name}`, import.meta.url));

describe('financial years', () => {
  it('stores a financial year as the year it ends, and writes it back', () => {
    expect(financialYearEnd('2023-24')).toBe(2024);
    expect(financialYearLabel(2024)).toBe('2023-24');
    expect(() => financialYearEnd('2023-25')).toThrow(/not a financial year/);
  });
});

describe('DSG allocations (fixture)', () => {
  it('reads blocks, keeps the predecessor separate, skips LA type groups by rule', async () => {
    const geos = baseGeos(fixtureGeo);
    const store = new SeriesStore();
    const stats = await parseAllocations(fixture('allocations.csv'), fixtureGeo, geos, store);
    expect(stats.years).toEqual([2021, 2022]);
    expect(Object.values(stats.skipped)).toEqual([2]);
    expect(store.get('high_needs_block', ENGLAND, 2021)).toEqual(value(18));
    // 2020-21 allocation to Northamptonshire belongs to the predecessor, not to North or West Northamptonshire.
    expect(store.get('high_needs_block', 'pred-928', 2021)).toEqual(value(5));
    expect(store.has('high_needs_block', '940', 2021)).toBe(false);
    expect(store.get('high_needs_block', '940', 2022)).toEqual(value(3));
    expect(store.get('total_dsg', 'E12000004', 2022)).toEqual(value(98));
    // The Isles of Scilly have no row: no figure, never 0.
    expect(store.has('high_needs_block', '420', 2021)).toBe(false);
  });

  it('stops when the councils do not sum to England, naming file, line and column', async () => {
    const err = await parseAllocations(fixture('allocations-sum-mismatch.csv'), fixtureGeo, baseGeos(fixtureGeo), new SeriesStore()).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toMatch(/allocations-sum-mismatch\.csv:2 column "high_needs_block": 2020-21: the local authority rows sum to 18, not England's 19/);
  });

  it('stops when a current council has no row and no predecessor had one', async () => {
    await expect(parseAllocations(fixture('allocations-missing-area.csv'), fixtureGeo, baseGeos(fixtureGeo), new SeriesStore())).rejects.toThrow(/no row for Nottinghamshire \(891\)/);
  });

  it('derives the high needs block per EHC plan, inheriting symbols and never dividing by 0', () => {
    const store = new SeriesStore();
    const plans = new SeriesStore();
    store.put('high_needs_block', '892', 2021, value(1000));
    store.put('high_needs_block', '891', 2021, value(1000));
    store.put('high_needs_block', '940', 2021, value(1000));
    plans.put('ehc_plans', '892', 2021, value(4));
    plans.put('ehc_plans', '891', 2021, symbol('x'));
    plans.put('ehc_plans', '940', 2021, value(0));
    deriveHnbPerPlan(store, plans);
    expect(store.get('hnb_per_plan', '892', 2021)).toEqual(value(250));
    expect(store.get('hnb_per_plan', '891', 2021)).toEqual(symbol('x'));
    expect(store.get('hnb_per_plan', '940', 2021)).toEqual(symbol('z'));
    expect(store.get('plans_january', '892', 2021)).toEqual(value(4));
  });
});

describe('DSG deficit (fixture): names only, joined through the geography', () => {
  it('joins names to current and former councils', async () => {
    const geos = baseGeos(fixtureGeo);
    const store = new SeriesStore();
    const r = await parseDeficit(fixture('deficit.csv'), fixtureGeo, geos, store);
    expect(store.get('dsg_deficit_pc', ENGLAND, 2022)).toEqual(value(2.26));
    expect(store.get('dsg_deficit_pc', 'pred-928', 2020)).toEqual(value(3.1));
    expect(store.get('dsg_deficit_pc', '892', 2020)).toEqual(value(-1.2));
    expect(store.get('dsg_deficit_pc', '940', 2022)).toEqual(value(4.5));
    expect(r.inDeficit[2020]).toEqual({ of: 2, n: 1 });
  });

  it('fails on a name that matches no council', async () => {
    const err = await parseDeficit(fixture('deficit-unknown-name.csv'), fixtureGeo, baseGeos(fixtureGeo), new SeriesStore()).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toMatch(/deficit-unknown-name\.csv:7 column "la_name": "North Northants" does not match the name of any council/);
  });

  it('fails when the row’s region is not the council’s', async () => {
    await expect(parseDeficit(fixture('deficit-wrong-region.csv'), fixtureGeo, baseGeos(fixtureGeo), new SeriesStore())).rejects.toThrow(/deficit-wrong-region\.csv:5 column "region_name"/);
  });
});

describe('SEN census prevalence (fixture)', () => {
  it('rounds LAIT noise, keeps "-" as a symbol, keeps predecessors apart and skips Inner London by rule', async () => {
    const b = await parsePrevalence(fixture('prevalence.csv'), fixtureGeo);
    expect(b.store.get('ehcp_pc', ENGLAND, 2020)).toEqual(value(2.3));
    expect(b.store.get('ehcp_pc_secondary', ENGLAND, 2021)).toEqual(value(3.09));
    expect(b.store.get('ehcp_pc', '940', 2020)).toEqual(symbol('-'));
    expect(b.store.get('ehcp_pc_primary', '420', 2021)).toEqual(symbol('-'));
    expect(b.store.get('ehcp_pc', 'pred-928', 2020)).toEqual(value(1.8));
    expect(Object.values(b.skipped)).toEqual([12]);
  });

  it('stops on a value that is neither a number nor "-"', async () => {
    await expect(parsePrevalence(fixture('prevalence-bad-value.csv'), fixtureGeo)).rejects.toThrow(/prevalence-bad-value\.csv:9 column "Values": "n\/a" is not a number/);
  });
});
