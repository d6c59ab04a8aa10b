/**
 * Integration: the absence datasets over the real raw files reproduce the
 * published check figures (data/raw/absence/SOURCES.md, data/raw/lait/SOURCES.md).
 */
import { describe, expect, it } from 'vitest';
import { buildGeography, geographyFiles } from '../../src/datasets/geography.ts';
import { readLaitAbsence } from '../../src/datasets/absence-lait.ts';
import { parseBands } from '../../src/datasets/absence-bands.ts';
import { parseSenStatus } from '../../src/datasets/absence-sen.ts';
import { roundTo } from '../../src/lib/cell.ts';
import { GeographyIndex } from '../../src/lib/geography.ts';
import { makeContext } from '../../src/lib/pipeline.ts';
import { RAW_DIR, readManifest } from '../../src/lib/sources.ts';
import { requireRaw } from '../helpers.ts';

requireRaw(['lait/bds_long_0.parquet', 'absence/send_absence_by_la_sen_status_long.csv']);

describe('absence datasets over data/raw', async () => {
  const manifest = readManifest();
  const boot = makeContext(RAW_DIR, manifest, null as unknown as GeographyIndex);
  const geo = new GeographyIndex(await buildGeography(geographyFiles(boot.file)));
  const ctx = makeContext(RAW_DIR, manifest, geo);
  const [lait, bands, sen] = await Promise.all([
    readLaitAbsence(ctx.file('lait-store'), ctx.file('lait-dictionary'), geo),
    parseBands(ctx.file('absence-bands'), geo),
    parseSenStatus(ctx.file('absence-sen-status'), geo),
  ]);
  const england = (measure: string, phase: string, period: string) =>
    lait.records.find((r) => r.geo.level === 'national' && r.measure === measure && r.phase === phase && r.period === period)!.value;
  const bandsEngland = (period: string, sen: string) => bands.aggregates.find((a) => a.geo.level === 'national' && a.period === period && a.phase === 'total' && a.sen === sen)!.counts;

  it('LAIT: all-pupil persistent absence in England matches the published 10.9%, 22.5% and 20.0%', () => {
    const pa = (p: string) => {
      const c = england('persistent', 'total', p);
      if (c.kind !== 'value') throw new Error(`no value for ${p}`);
      return roundTo(c.value, 1);
    };
    expect(pa('201819')).toBe(10.9);
    expect(pa('202122')).toBe(22.5);
    expect(pa('202324')).toBe(20);
  });

  it('LAIT: 2019/20 has no full-year absence (a "-" symbol, not 0)', () => {
    expect(england('overall', 'total', '201920')).toEqual({ kind: 'symbol', code: '-' });
    expect(lait.records.filter((r) => r.period === '201920' && r.value.kind === 'value')).toHaveLength(0);
  });

  it('LAIT: Years is the year the academic year ends — its persistent absence equals the bands-computed rate for the same year', () => {
    for (const p of ['201617', '201718', '201819', '202021', '202122', '202223']) {
      const c = bandsEngland(p, 'all');
      const lv = england('persistent', 'total', p);
      expect(lv.kind).toBe('value');
      if (lv.kind === 'value') expect(lv.value).toBeCloseTo(roundTo((c.persistent / c.enrolments) * 100, 2), 6);
    }
  });

  it('LAIT: covers England, 9 regions, the 153 areas and 5 labelled predecessors; London sub-regions left out and counted', () => {
    const keys = new Set(lait.records.map((r) => `${r.geo.level}|${r.geo.key}`));
    expect(keys.size).toBe(1 + 9 + 153 + 5);
    expect(lait.skipped.londonSubregions).toBe(2 * 20 * 10);
    expect(lait.records).toHaveLength(168 * 20 * 10);
  });

  it('bands: England 2021/22 persistent absence 22.51% of 7,303,379 enrolments; any SEN 33.12%, no SEN 20.00%', () => {
    const all = bandsEngland('202122', 'all');
    expect(all.enrolments).toBe(7_303_379);
    expect(roundTo((all.persistent / all.enrolments) * 100, 2)).toBe(22.51);
    const any = bandsEngland('202122', 'any');
    const none = bandsEngland('202122', 'none');
    expect(roundTo((any.persistent / any.enrolments) * 100, 2)).toBe(33.12);
    expect(roundTo((none.persistent / none.enrolments) * 100, 2)).toBe(20);
    expect(roundTo((bandsEngland('202223', 'all').persistent / bandsEngland('202223', 'all').enrolments) * 100, 2)).toBe(21.22);
  });

  it('bands: every row read, by level; LA rows sum to the national rows', () => {
    expect(bands.rows).toBe(211_553);
    expect(bands.rowsByLevel).toEqual({ National: 2321, Regional: 18777, 'Local authority': 190_455 });
    const nat = bandsEngland('202122', 'all').enrolments;
    const las = bands.aggregates.filter((a) => (a.geo.level === 'la' || a.geo.level === 'predecessor') && a.period === '202122' && a.phase === 'total' && a.sen === 'all');
    expect(las.reduce((s, a) => s + a.counts.enrolments, 0)).toBe(nat);
  });

  it('SEN status: every row kept; 161 source codes resolve to today\'s areas or labelled predecessors', () => {
    expect(sen.records).toHaveLength(71_876);
    const perMetric = (m: string) => sen.records.filter((r) => r.metric === m).length;
    expect(perMetric('enrolments_pa_10_exact_percent')).toBe(6763);
    expect(perMetric('susp_rate')).toBe(15_677);
    expect(perMetric('attendance_perc')).toBe(2278);
    const codes = new Set(sen.records.map((r) => r.geo.sourceCode ?? r.geo.key));
    expect(codes.size).toBe(161);
    expect(sen.extremeNoSen).toBeGreaterThan(0);
    expect(sen.records.filter((r) => r.noSen > 100).every((r) => r.phase === 'special')).toBe(true);
  });
});
