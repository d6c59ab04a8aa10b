import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseCodeHistory } from '../../src/datasets/geography.ts';
import { GeographyIndex, readableName, slugify, type Area, type Geography } from '../../src/lib/geography.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/geo/${name}`, import.meta.url));

function area(laCode: string, onsCode: string, name: string, formerOnsCodes: string[] = []): Area {
  return { laCode, onsCode, officialName: name, name, slug: slugify(name), regionCode: 'E12000009', laType: 'Unitary authority', formerOnsCodes, neighbours: [] };
}

async function index(): Promise<GeographyIndex> {
  const geography: Geography = {
    areas: [
      area('839', 'E06000058', 'Bournemouth, Christchurch and Poole'),
      area('838', 'E06000059', 'Dorset'),
      area('825', 'E06000060', 'Buckinghamshire', ['E10000002']),
      area('940', 'E06000061', 'North Northamptonshire'),
      area('941', 'E06000062', 'West Northamptonshire'),
      area('942', 'E06000063', 'Cumberland'),
      area('943', 'E06000064', 'Westmorland and Furness'),
      area('370', 'E08000038', 'Barnsley', ['E08000016']),
      area('929', 'E06000057', 'Northumberland', ['E06000048']),
    ],
    regions: [{ code: 'E12000009', name: 'South West', slug: 'south-west' }],
    codeChanges: await parseCodeHistory(fixture('la_code_history.csv')),
    registerCodes: { E06000048: '929', E10000002: '825' },
  };
  return new GeographyIndex(geography);
}

describe('resolve: any code since 2015 to today’s areas', () => {
  it('maps Northamptonshire (928 / E10000021) to North and West Northamptonshire as a predecessor', async () => {
    const geo = await index();
    for (const code of ['928', 'E10000021']) {
      const r = geo.resolve(code)!;
      expect(r.kind).toBe('predecessor');
      expect(r.laCodes).toEqual(['940', '941']);
      expect(r.predecessorName).toBe('Northamptonshire');
      expect(r.changes.map((c) => c.effectiveDate)).toEqual(['2021-04-01', '2021-04-01']);
    }
  });

  it('maps Cumbria (909) to Cumberland and Westmorland and Furness', async () => {
    const r = (await index()).resolve('909')!;
    expect(r.kind).toBe('predecessor');
    expect(r.laCodes).toEqual(['942', '943']);
  });

  it('maps Bournemouth and Poole to BCP, and old Dorset to BCP (Christchurch) and Dorset', async () => {
    const geo = await index();
    expect(geo.resolve('837')).toMatchObject({ kind: 'predecessor', laCodes: ['839'] });
    expect(geo.resolve('E06000029')).toMatchObject({ kind: 'predecessor', laCodes: ['839'] });
    const dorset = geo.resolve('835')!;
    expect(dorset.kind).toBe('predecessor');
    expect(dorset.laCodes.sort()).toEqual(['838', '839']);
    expect(dorset.changes.find((c) => c.newLaCode === '839')!.note).toBe('Christchurch only');
  });

  it('joins Barnsley’s 2025 recode into one series (same area, marked change)', async () => {
    const geo = await index();
    expect(geo.resolve('370')).toEqual({ kind: 'current', laCodes: ['370'], changes: [] });
    expect(geo.resolve('E08000038')).toEqual({ kind: 'current', laCodes: ['370'], changes: [] });
    const old = geo.resolve('E08000016')!;
    expect(old.kind).toBe('recoded');
    expect(old.laCodes).toEqual(['370']);
    expect(old.changes[0]!.effectiveDate).toBe('2025-05-01');
  });

  it('treats a county that became a unitary authority on the same area as recoded', async () => {
    expect((await index()).resolve('E10000002')).toMatchObject({ kind: 'recoded', laCodes: ['825'] });
  });

  it('uses the DfE register for older recodes, and returns null for codes that are not areas', async () => {
    const geo = await index();
    expect(geo.resolve('E06000048')).toMatchObject({ kind: 'recoded', laCodes: ['929'] });
    expect(geo.resolve('E92000001')).toBeNull();
    expect(geo.resolve('999')).toBeNull();
  });

  it('lists the changes that affect an area’s series', async () => {
    const geo = await index();
    expect(geo.changesAffecting(geo.area('838')).map((c) => c.oldName)).toEqual(['Dorset (county)']);
    expect(geo.changesAffecting(geo.area('839'))).toHaveLength(3);
    expect(geo.changesAffecting(geo.area('370'))).toHaveLength(1);
    expect(geo.changesAffecting(geo.area('929'))).toHaveLength(0);
  });
});

describe('names and slugs', () => {
  it('reads DfE names plainly and makes stable slugs', () => {
    expect(readableName('Bristol, City of')).toBe('Bristol');
    expect(readableName('Herefordshire, County of')).toBe('Herefordshire');
    expect(slugify('St. Helens')).toBe('st-helens');
    expect(slugify('Bournemouth, Christchurch and Poole')).toBe('bournemouth-christchurch-and-poole');
    expect(slugify('Southend-on-Sea')).toBe('southend-on-sea');
  });
});

describe('parseCodeHistory', () => {
  it('names file, line and column for a bad code', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const p = join(mkdtempSync(join(tmpdir(), 'geo-')), 'history.csv');
    writeFileSync(p, 'effective_date,event,old_la_code,old_ons_code,old_name,new_la_code,new_ons_code,new_name,note\n2021-04-01,split,92,E10000021,Northamptonshire,940,E06000061,North Northamptonshire,\n');
    await expect(parseCodeHistory(p)).rejects.toThrow(/history\.csv:2 column "old_la_code": expected a 3-digit DfE code/);
  });
});
