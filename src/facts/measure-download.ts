/**
 * /data/key-measures.csv: every area's, region's and England's latest figure
 * on every area measure (MEASURES, src/read/measures.ts), one column per
 * measure with the period it is for and, where there is no figure, why. Built
 * from the measure definitions, so a new measure is a new column here with no
 * code of its own. Written by `npm run data:build` after the datasets.
 */
import { symbol, value, isSymbolCode, type Cell } from '../lib/cell.ts';
import { SymbolRules } from '../lib/symbols.ts';
import { EES_GEOGRAPHY_COLUMNS, laGeography, OGL, type Column, type CsvValue, type Download, type IndicatorUnit } from '../lib/downloads.ts';
import { ENGLAND } from '../lib/series.ts';
import { geo } from '../read/site.ts';
import { MEASURES, type MeasureDef, type Reference, type SeriesPoint } from '../read/measures.ts';

/** The measure's column stem: its id in snake case ("timeliness-20-weeks" → "timeliness_20_weeks"). */
export const measureColumn = (m: Pick<MeasureDef, 'id'>): string => m.id.replace(/-/g, '_');

const indicatorUnit = (m: MeasureDef): IndicatorUnit => (m.unit === '%' ? '%' : m.unit === '£' ? '£' : '');

/** The three columns a measure adds: its latest value, the period of that value, and why there is none. */
export function measureColumns(m: MeasureDef): Column[] {
  const c = measureColumn(m);
  return [
    { name: c, type: 'Indicator', label: `${m.label}: the latest figure. ${m.description} Source: ${m.source}, ${m.release}.`, unit: indicatorUnit(m), dp: m.dp },
    { name: `${c}_period`, type: 'Filter', label: `${m.label}: the period of that figure (${m.period})` },
    { name: `${c}_note`, type: 'Filter', label: `${m.label}: why there is no figure, where there is none, or how a figure not published as such was worked out` },
  ];
}

/** A point as the three cells: a value or DfE symbol; its period in words; the reason in words where there is no number. */
function measureCells(m: MeasureDef, p: SeriesPoint | undefined, why: () => string, workedOut = ''): Record<string, CsvValue> {
  const c = measureColumn(m);
  if (!p) return { [c]: null, [`${c}_period`]: '', [`${c}_note`]: why() };
  if (p.value !== null) return { [c]: value(p.value), [`${c}_period`]: m.when(p.period), [`${c}_note`]: workedOut };
  // A symbol in the measure's own source's meaning, given its EES symbol here (src/lib/symbols.ts), the source's kept in the note.
  let cell: Cell | null = null;
  let note = m.display(p);
  if (p.symbol && isSymbolCode(p.symbol)) {
    const t = new SymbolRules(m.sourceIds, `download key-measures, ${m.id}`).translate(p.symbol, c);
    cell = t === null ? symbol(p.symbol) : t.to === null ? value(0) : symbol(t.to);
    if (t) note = `published as “${p.symbol}”: ${note}`;
  }
  return { [c]: cell, [`${c}_period`]: m.when(p.period), [`${c}_note`]: note };
}

/** England's or a region's cells: a median where no figure is published says so. */
function referenceCells(m: MeasureDef, r: Reference | null, where: string): Record<string, CsvValue> {
  return measureCells(m, latest(r?.points), () => `no ${where} figure on this measure`, r?.long ? `worked out here: ${r.long}` : '');
}

const latest = (points: readonly SeriesPoint[] | undefined): SeriesPoint | undefined => points?.at(-1);

export function keyMeasuresDownload(measures: readonly MeasureDef[] = MEASURES): Download {
  const base = { time_period: 'latest', time_identifier: 'Latest published figure of each measure (see its _period column)' };
  const rows: Record<string, CsvValue>[] = [];
  rows.push({
    ...base,
    geographic_level: 'National',
    country_code: ENGLAND,
    country_name: 'England',
    ...Object.assign({}, ...measures.map((m) => referenceCells(m, m.england(), 'England'))),
  });
  for (const r of geo.geography.regions) {
    rows.push({
      ...base,
      geographic_level: 'Regional',
      country_code: ENGLAND,
      country_name: 'England',
      region_code: r.code,
      region_name: r.name,
      ...Object.assign({}, ...measures.map((m) => referenceCells(m, m.region(r.code), 'regional'))),
    });
  }
  for (const a of geo.areas) {
    rows.push({
      ...base,
      ...laGeography(geo.regionOf(a), a),
      ...Object.assign({}, ...measures.map((m) => measureCells(m, latest(m.series(a)), () => m.whyNoValue(a, undefined)))),
    });
  }
  return {
    id: 'key-measures',
    title: 'Key measures: the latest figure for every area, region and England',
    description:
      'One row per local area (and its region and England), one column per key measure: the latest figure published, the period it is for, and a note: why there is no figure, or how a figure was worked out where the publisher gives none (growth over five years, and medians standing in for England and regions where no figure is published). The same figures as the area pages, benchmark charts and compare views.',
    columns: [...EES_GEOGRAPHY_COLUMNS, ...measures.flatMap(measureColumns)],
    rows,
    sourceIds: [...new Set(measures.flatMap((m) => m.sourceIds))],
    licence: OGL,
    eesSymbolsOnly: true,
  };
}
