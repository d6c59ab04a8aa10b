/**
 * Everything in one download: a zip of every download CSV with its data
 * dictionary, a Frictionless Data Package descriptor (datapackage.json) that
 * lists each file with its schema, units, sources and licence, and a README.
 * Made from the catalogue the pipeline writes, so a new download joins the
 * zip without code of its own. Deterministic: fixed order, fixed timestamps,
 * fixed compression level (CI builds twice and compares the bytes).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { CatalogueEntry, Column } from './downloads.ts';
import type { Manifest, Source } from './sources.ts';
import { EES_SYMBOLS } from './symbols.ts';

export const ZIP_NAME = 'send-outcomes-england-data.zip';
export const PACKAGE_NAME = 'send-outcomes-england';

/** Symbols a numeric column may hold instead of a number (Table Schema reads them as missing values). */
export const MISSING_VALUES = ['', ...Object.keys(EES_SYMBOLS)];

const UNIT_WORDS: Record<string, string> = { '': 'number', '%': 'per cent', '£': 'pounds', '£m': 'million pounds', pp: 'percentage points', numberstring: 'text' };

export interface PackageField {
  name: string;
  type: 'string' | 'number';
  title: string;
  description: string;
  /** Unit in words (a custom property: Table Schema has none for units). */
  unit?: string;
  /** EES indicator unit and decimal places, as in the .meta.csv. */
  indicatorUnit?: string;
  decimalPlaces?: number;
}

export interface PackageResource {
  profile: 'tabular-data-resource' | 'data-resource';
  name: string;
  path: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  schema?: { fields: PackageField[]; missingValues?: string[] };
  sources?: { title: string; path: string }[];
  licenses?: { title: string; path: string }[];
}

export interface DataPackage {
  profile: 'data-package';
  name: string;
  title: string;
  description: string;
  homepage: string;
  licenses: { title: string; path: string }[];
  sources: { title: string; path: string }[];
  resources: PackageResource[];
}

function field(c: Column): PackageField {
  const numeric = c.type === 'Indicator' && c.unit !== 'numberstring';
  return {
    name: c.name,
    type: numeric ? 'number' : 'string',
    title: c.label,
    description: `${c.type === 'Filter' ? 'Filter (describes the row)' : 'Indicator (a value)'}: ${c.label}${numeric ? `. Where there is no number the cell holds an EES symbol (${Object.keys(EES_SYMBOLS).join(', ')}) or is empty.` : ''}`,
    ...(c.type === 'Indicator' ? { unit: UNIT_WORDS[c.unit ?? ''] ?? c.unit, indicatorUnit: c.unit ?? '', ...(c.dp !== undefined ? { decimalPlaces: c.dp } : {}) } : {}),
  };
}

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const sourceRef = (s: Source) => ({ title: `${s.publisher}: ${s.title} (${s.release})`, path: s.url });
const licenceRefs = (sources: Source[]) => [...new Map(sources.map((s) => [s.licenceUrl || s.licence, { title: s.licence, path: s.licenceUrl }])).values()];

export interface AllData {
  descriptor: DataPackage;
  descriptorJson: string;
  readme: string;
  zip: Uint8Array;
}

let cached: { key: string; value: AllData } | undefined;

/**
 * The data package of the downloads in `dir` (public/data). `siteUrl` is the
 * absolute URL of the data page.
 */
export function allData(dir: string, catalogue: readonly CatalogueEntry[], manifest: Manifest, siteUrl: string): AllData {
  const key = `${dir}|${siteUrl}|${catalogue.map((c) => c.id).join(',')}`;
  if (cached?.key === key) return cached.value;
  const source = (id: string) => {
    const s = manifest.sources.find((x) => x.id === id);
    if (!s) throw new Error(`download names unknown source ${id} (data/sources.json)`);
    return s;
  };
  const files = new Map<string, Uint8Array>();
  const resources: PackageResource[] = [];
  const allSources = new Map<string, Source>();
  for (const d of [...catalogue].sort((a, b) => a.id.localeCompare(b.id))) {
    const sources = d.sourceIds.map(source);
    for (const s of sources) allSources.set(s.id, s);
    const csv = new Uint8Array(readFileSync(join(dir, `${d.id}.csv`)));
    const meta = new Uint8Array(readFileSync(join(dir, `${d.id}.meta.csv`)));
    files.set(`data/${d.id}.csv`, csv);
    files.set(`data/${d.id}.meta.csv`, meta);
    const common = { format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' as const, sources: sources.map(sourceRef), licenses: licenceRefs(sources) };
    resources.push({
      profile: 'tabular-data-resource',
      name: d.id,
      path: `data/${d.id}.csv`,
      title: d.title,
      description: `${d.description} ${d.rows} rows. Licence: ${d.licence}.`,
      ...common,
      bytes: csv.byteLength,
      hash: sha256(csv),
      schema: { fields: d.fields.map(field), missingValues: MISSING_VALUES },
    });
    resources.push({
      profile: 'tabular-data-resource',
      name: `${d.id}-dictionary`,
      path: `data/${d.id}.meta.csv`,
      title: `Data dictionary: ${d.title}`,
      description: `What each column of data/${d.id}.csv means (EES metadata layout).`,
      ...common,
      bytes: meta.byteLength,
      hash: sha256(meta),
      schema: {
        fields: [
          { name: 'col_name', type: 'string', title: 'Column name', description: 'The column in the data file' },
          { name: 'col_type', type: 'string', title: 'Column type', description: 'Filter (describes the row) or Indicator (a value)' },
          { name: 'label', type: 'string', title: 'Label', description: 'What the column holds, in words' },
          { name: 'indicator_unit', type: 'string', title: 'Indicator unit', description: 'EES unit: blank (a number), %, £, £m, pp or numberstring' },
          { name: 'indicator_dp', type: 'string', title: 'Decimal places', description: 'Decimal places of an indicator' },
        ],
      },
    });
  }
  const readme = packageReadme(catalogue, [...allSources.values()], siteUrl);
  const readmeBytes = new TextEncoder().encode(readme);
  resources.push({
    profile: 'data-resource',
    name: 'readme',
    path: 'README.txt',
    title: 'Read me',
    description: 'What the files are, their sources and licence, the symbols, and how to cite them.',
    format: 'txt',
    mediatype: 'text/plain',
    encoding: 'utf-8',
    bytes: readmeBytes.byteLength,
    hash: sha256(readmeBytes),
  });
  const sources = [...allSources.values()].sort((a, b) => a.id.localeCompare(b.id));
  const descriptor: DataPackage = {
    profile: 'data-package',
    name: PACKAGE_NAME,
    title: 'SEND outcomes in England: all the data',
    description:
      'Every table behind the site, for the 153 local areas of England, their regions and England: inspections, EHC plans, tribunal appeals, absence, suspensions and outcomes for children and young people with special educational needs and disabilities. Tidy CSV files in the DfE (EES) layout, UTF-8 with a byte-order mark, each with a data dictionary (.meta.csv).',
    homepage: siteUrl,
    licenses: licenceRefs(sources),
    sources: sources.map(sourceRef),
    resources,
  };
  const descriptorJson = `${JSON.stringify(descriptor, null, 2)}\n`;
  // DOS timestamps are local time: build the date from local fields so every time zone writes the same bytes.
  const mtime = new Date(2000, 0, 1, 0, 0, 0);
  const entries: Zippable = { 'datapackage.json': [new TextEncoder().encode(descriptorJson), { mtime }], 'README.txt': [readmeBytes, { mtime }] };
  for (const [name, bytes] of files) entries[name] = [bytes, { mtime }];
  const zip = zipSync(entries, { level: 6, mtime });
  const value = { descriptor, descriptorJson, readme, zip };
  cached = { key, value };
  return value;
}

function packageReadme(catalogue: readonly CatalogueEntry[], sources: Source[], siteUrl: string): string {
  const lines = [
    'SEND outcomes in England: all the data',
    '======================================',
    '',
    'How England\'s 153 local areas do for children and young people with special',
    'educational needs and disabilities (SEND). Every table behind the site, as',
    'tidy CSV files (UTF-8 with a byte-order mark, so Excel shows every character),',
    'in the layout of the Department for Education\'s statistics: one row per area',
    'and time period, with ONS and DfE codes. Each file has a data dictionary',
    '(.meta.csv) with every column\'s meaning, unit and decimal places.',
    'datapackage.json describes every file, its columns, units, sources and',
    'licence in the Frictionless Data Package format.',
    '',
    `Online: ${siteUrl}`,
    '',
    'FILES',
    ...[...catalogue]
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((d) => [`data/${d.id}.csv (${d.rows} rows): ${d.title}`, `data/${d.id}.meta.csv: its data dictionary`]),
    '',
    'SYMBOLS',
    'Where there is no number, a cell holds a symbol, as in DfE statistics:',
    ...Object.entries(EES_SYMBOLS).map(([s, m]) => `  ${s.padEnd(4)} ${m}`),
    'Where a source used a symbol of its own (the tribunal table\'s "-" for nil,',
    'LAIT\'s "-" for no value, ".." for not available), the file gives the EES',
    'symbol (or 0 for nil) and keeps the source\'s symbol in a column named',
    '<column>_source_symbol.',
    '',
    'SOURCES',
    ...sources.flatMap((s) => [`- ${s.publisher}: ${s.title}. ${s.publication}, ${s.release}.`, `  ${s.url}`, `  Licence: ${s.licence}. ${s.attribution}`]),
    '',
    'LICENCE',
    'Contains public sector information licensed under the Open Government',
    'Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/),',
    'unless a source above says otherwise. Credit "SEND outcomes in England" and',
    'the sources above when you re-use the data.',
    '',
    'CITATION',
    `SEND outcomes in England. All the data (${PACKAGE_NAME}). ${siteUrl}. Accessed [date].`,
    '',
  ];
  return lines.join('\n');
}
