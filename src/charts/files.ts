/**
 * The files beside every chart, made from its ChartSpec alone so every chart
 * gets them without code of its own:
 *
 * - data.csv: tidy, EES-style. One row per (the chart's own filter columns) ×
 *   measure, with the name, code and level of the area the chart is about, the
 *   place a value describes (for comparisons), the measure and unit in words,
 *   and the value or symbol. Symbols follow the EES vocabulary (src/lib/symbols.ts).
 * - data.meta.csv: every column of data.csv, its meaning and unit.
 * - README.txt: title, what is measured, the area, sources with release,
 *   licence and attribution, symbols, caveats, citation and the chart's URL.
 */
import { roundTo, value as valueCell, type Cell } from '../lib/cell.ts';
import { BOM, neutraliseText, serialise, SOURCE_SYMBOL_SUFFIX, type Column, type CsvValue, type IndicatorUnit, type Serialised } from '../lib/downloads.ts';
import { geo, manifest, SITE_NAME } from '../read/site.ts';
import { symbolNotes } from '../lib/symbols.ts';
import type { ChartSpec } from './types.ts';
import Papa from 'papaparse';

/** The citation a chart's figure, README and print show. `pageUrl` is the absolute URL with the chart's anchor. */
/** The full citation (ANCHORS.md, "Citation and permalinks"); the reader adds the date they accessed it. */
export function chartCitation(spec: ChartSpec, pageUrl: string): string {
  return `Chart: ${spec.title} (${spec.placeName}). ${SITE_NAME}. Data: ${spec.source}, ${spec.release}. ${pageUrl}.`;
}

/** The short citation: site, title, the release that dates the data, URL. */
export function chartShortCitation(spec: ChartSpec, pageUrl: string): string {
  return `${SITE_NAME}. “${spec.title}” (${spec.placeName}). Data as published in ${spec.release}, ${pageUrl}.`;
}

export interface Place {
  level: 'Local authority' | 'Regional' | 'National';
  code: string;
  name: string;
}

/** The area, region or England a chart is about, from its key. */
export function chartPlace(spec: ChartSpec): Place {
  if (spec.key === 'england') return { level: 'National', code: 'E92000001', name: 'England' };
  const area = geo.bySlug.get(spec.key);
  if (area) return { level: 'Local authority', code: area.onsCode, name: area.name };
  const region = geo.geography.regions.find((r) => r.slug === spec.key);
  if (region) return { level: 'Regional', code: region.code, name: region.name };
  throw new Error(`chart ${spec.id}: key "${spec.key}" is not an area, a region or england`);
}

/** Unit words for the data dictionary and the tidy `unit` column. */
export const UNIT_WORDS: Record<IndicatorUnit, string> = {
  '': 'number',
  '%': 'per cent',
  '£': 'pounds',
  '£m': 'million pounds',
  pp: 'percentage points',
  numberstring: 'text',
};

interface DictColumn extends Column {
  /** Unit in words for the dictionary (every column has one). */
  unitWords: string;
}

const PERIOD = /year|period|date|month|term/i;

function filterUnit(c: Column): string {
  return PERIOD.test(c.name) || PERIOD.test(c.label) ? 'time period (text)' : 'text';
}

/** The chart's data in the tidy layout, with a dictionary entry (and unit) for every column. */
export function chartTable(spec: ChartSpec, place: Place): { columns: DictColumn[]; rows: Record<string, CsvValue>[] } {
  const filters = spec.columns.filter((c) => c.type === 'Filter');
  const indicators = spec.columns.filter((c) => c.type === 'Indicator');
  const geography: DictColumn[] = [
    { name: 'geographic_level', type: 'Filter', label: 'Geographic level of the area the chart is about', unitWords: 'text' },
    { name: 'area_code', type: 'Filter', label: 'ONS code of the area the chart is about', unitWords: 'code (text)' },
    { name: 'area_name', type: 'Filter', label: 'Name of the area the chart is about', unitWords: 'text' },
  ];
  const geoValues = { geographic_level: place.level, area_code: place.code, area_name: place.name };
  const taken = new Set(geography.map((c) => c.name));
  const own: DictColumn[] = filters.map((c) => {
    if (taken.has(c.name)) throw new Error(`chart ${spec.id}: column ${c.name} clashes with a column the tidy download adds`);
    return { ...c, unitWords: filterUnit(c) };
  });
  if (indicators.length === 0) {
    return { columns: [...geography, ...own], rows: spec.rows.map((r) => ({ ...geoValues, ...r })) };
  }
  const hasPlace = indicators.some((c) => c.place !== undefined);
  const tidy: DictColumn[] = [
    ...(hasPlace ? [{ name: 'place', type: 'Filter', label: 'The place the value describes: the area, a comparison area, or a median of areas', unitWords: 'text' } as DictColumn] : []),
    { name: 'measure', type: 'Filter', label: 'What the value measures, in words', unitWords: 'text' },
    { name: 'unit', type: 'Filter', label: 'Unit of the value, in words', unitWords: 'text' },
    { name: 'value', type: 'Indicator', label: 'The value, or a symbol where there is none (the symbols are explained in README.txt)', unitWords: 'as given in the unit column' },
  ];
  for (const c of tidy) {
    if (own.some((o) => o.name === c.name)) throw new Error(`chart ${spec.id}: column ${c.name} clashes with a column the tidy download adds`);
  }
  const rows = spec.rows.flatMap((r) => {
    const base: Record<string, CsvValue> = { ...geoValues };
    for (const f of filters) base[f.name] = r[f.name];
    return indicators.map((c) => ({
      ...base,
      ...(hasPlace ? { place: c.place ?? '' } : {}),
      measure: c.measure ?? c.label,
      unit: UNIT_WORDS[c.unit ?? ''],
      value: rounded(r[c.name], c.dp),
    }));
  });
  return { columns: [...geography, ...own, ...tidy], rows };
}

/** Round once, here at the download, from the unrounded value (the tidy column holds measures of different precision). */
function rounded(v: CsvValue, dp: number | undefined): CsvValue {
  if (dp === undefined) return v;
  if (typeof v === 'number') return valueCell(roundTo(v, dp));
  if (v && typeof v === 'object' && (v as Cell).kind === 'value') return valueCell(roundTo((v as { value: number }).value, dp));
  return v;
}

export interface ChartFiles {
  csv: string;
  meta: string;
  readme: string;
}

const chartFilesCache = new Map<string, ChartFiles>();

/**
 * data.csv, data.meta.csv and README.txt of a chart. `chartUrl` is the
 * absolute URL of the chart (page and anchor); `filesUrl` the folder of its files.
 */
export function chartFiles(spec: ChartSpec, chartUrl: string, filesUrl: string): ChartFiles {
  const place = chartPlace(spec);
  const key = `${spec.id}/${spec.key}`;
  const hit = chartFilesCache.get(key);
  if (hit) return hit;
  const table = chartTable(spec, place);
  const out: Serialised = serialise(table.columns, table.rows, { sourceIds: spec.sourceIds, what: `chart ${spec.id} (${spec.key}) data.csv` });
  const dict = out.columns.map((c) => {
    const known = table.columns.find((t) => t.name === c.name);
    const unitWords = known?.unitWords ?? (c.name.endsWith(SOURCE_SYMBOL_SUFFIX) ? 'symbol (text)' : 'text');
    return [c.name, c.type, c.label, unitWords];
  });
  const meta = `${BOM}${Papa.unparse({ fields: ['col_name', 'col_type', 'label', 'unit'], data: dict.map((r) => r.map(neutraliseText)) }, { newline: '\n' })}\n`;
  const files = { csv: out.csv, meta, readme: chartReadme(spec, place, chartUrl, filesUrl, out) };
  chartFilesCache.set(key, files);
  return files;
}

/** Wrap text at spaces to 78 characters; a word longer than a line (a URL) stays whole on its own line. */
function para(text: string, indent = ''): string {
  const width = 78 - indent.length;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function chartReadme(spec: ChartSpec, place: Place, chartUrl: string, filesUrl: string, out: Serialised): string {
  const sources = spec.sourceIds.map((id) => {
    const s = manifest.sources.find((x) => x.id === id);
    if (!s) throw new Error(`chart ${spec.id}: data/sources.json has no source "${id}"`);
    return s;
  });
  const measures = spec.columns
    .filter((c) => c.type === 'Indicator')
    .map((c) => `- ${c.place ? `${c.measure ?? c.label}, ${c.place}` : (c.measure ?? c.label)}: ${UNIT_WORDS[c.unit ?? '']}${c.dp !== undefined ? `, ${c.dp} decimal place${c.dp === 1 ? '' : 's'}` : ''}`);
  const licences = [...new Set(sources.map((s) => `${s.licence} (${s.licenceUrl})`))];
  const sections: string[] = [
    spec.title,
    '='.repeat(Math.min(spec.title.length, 78)),
    '',
    para(spec.subtitle),
    '',
    `Area: ${place.name} (${place.level.toLowerCase()}, ${place.code})`,
    `Chart: ${chartUrl}`,
    '',
    'WHAT IS MEASURED',
    para(spec.summary),
    ...(measures.length ? ['', 'Measures in data.csv:', ...measures] : []),
    '',
    'FILES',
    `data.csv       the data, one row per ${measures.length ? 'period (or category) and measure' : 'row of the chart'}, UTF-8 with a byte-order mark`,
    'data.meta.csv  what each column of data.csv means, with its unit',
    'chart.svg      the chart as an image, with its title and source',
    'chart.png      the same image as a PNG',
    `All at ${filesUrl}`,
    '',
    'SOURCE',
    para(`${spec.source}, ${spec.release}.`),
    ...sources.flatMap((s) => ['', para(`- ${s.title}. ${s.publisher}, ${s.publication}. Release: ${s.release}.`), `  ${s.url}`, para(`Licence: ${s.licence}. Attribution: ${s.attribution}`, '  ')]),
    '',
    'LICENCE',
    para(`The data are published under ${licences.join('; ')}. Re-use them freely, with this attribution: ${[...new Set(sources.map((s) => s.attribution))].join(' ')}`),
    para(`When you re-use the chart or its data, credit "${SITE_NAME}" and link to the chart.`),
    '',
    'SYMBOLS',
    'Where there is no number, data.csv gives a symbol, as in DfE statistics:',
    ...symbolNotes(out.symbolsUsed, out.rules.describe()),
    '',
    'CAVEATS',
    ...(spec.notes.length ? spec.notes.map((n) => para(`- ${n}`)) : ['None beyond the notes above.']),
    '',
    'CITATION',
    para(chartCitation(spec, chartUrl)),
    para('When you cite it, end with "Accessed" and the date you downloaded these files.'),
    para(`Short form: ${chartShortCitation(spec, chartUrl)}`),
    '',
  ];
  return `${sections.join('\n')}`;
}
