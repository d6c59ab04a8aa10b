import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseBands } from '../../src/datasets/absence-bands.ts';
import { fixtureGeo } from '../fixtures/absence/geography.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/absence/${name}`, import.meta.url));
const geo = fixtureGeo();

describe('absence bands', async () => {
  const res = await parseBands(fixture('bands.csv'), geo, 'bands.csv');
  const find = (key: string, period: string, phase: string, sen: string) =>
    res.aggregates.find((a) => a.geo.key === key && a.period === period && a.phase === phase && a.sen === sen)?.counts;

  it('counts every row by level', () => {
    expect(res.rows).toBe(8);
    expect(res.rowsByLevel).toEqual({ National: 3, Regional: 2, 'Local authority': 3 });
  });

  it('computes persistent absence from the bands of 10% and over, and severe from the 50%+ band', () => {
    // Any SEN, primary: bands 50,20 | 10,5,5,0,0,0,0,5 | 5 → 100 enrolments, 30 at 10%+, 5 at 50%+
    expect(find('E92000001', '202122', 'primary', 'any')).toEqual({ enrolments: 100, persistent: 30, severe: 5 });
  });

  it('sums school types into the total and keeps unclassified SEN status in all pupils only', () => {
    // 100 (primary any) + 100 (special none) + 10 (secondary unclassified)
    expect(find('E92000001', '202122', 'total', 'all')).toEqual({ enrolments: 210, persistent: 30 + 10 + 8, severe: 5 + 4 + 0 });
    expect(find('E92000001', '202122', 'total', 'any')!.enrolments).toBe(100);
    expect(find('E92000001', '202122', 'total', 'none')!.enrolments).toBe(100);
  });

  it('adds Inner and Outer London into London', () => {
    expect(find('E12000007', '202122', 'primary', 'any')).toEqual({ enrolments: 20, persistent: 0, severe: 0 });
  });

  it('strips padding from codes and keeps predecessors apart from their successors', () => {
    const pre = res.aggregates.find((a) => a.geo.level === 'predecessor')!;
    expect(pre.geo.name).toBe('Northamptonshire (before April 2021)');
    expect(pre.period).toBe('202021');
    expect(find('940', '202122', 'total', 'none')).toEqual({ enrolments: 10, persistent: 2, severe: 0 });
    expect(find('940', '202021', 'total', 'none')).toBeUndefined();
  });

  it('joins an earlier code of the same area to today\'s area', () => {
    const bucks = res.aggregates.find((a) => a.geo.key === '825' && a.sen === 'any' && a.phase === 'special')!;
    expect(bucks.geo.status).toBe('recoded');
    expect(bucks.counts).toEqual({ enrolments: 4, persistent: 1, severe: 1 });
  });

  it('stops with file, line and column for an unknown school type', async () => {
    await expect(parseBands(fixture('bands-bad-school.csv'), geo, 'bad.csv')).rejects.toThrow(/^bad\.csv:2 column "school_type": "Nursery"/);
  });

  it('stops for an unknown local authority code', async () => {
    await expect(parseBands(fixture('bands-unknown-la.csv'), geo, 'bad.csv')).rejects.toThrow(/^bad\.csv:1 column "old_la_code": 999/);
  });
});
