/**
 * SEND Tribunal appeal rate by local area, 2014–2024 (`tribunal-appeals`): a
 * formatted DfE/HMCTS table, not tidy data. See data/raw SOURCES.md.
 *
 * - Lines 1–3 are a title and blanks; line 4 names the years (each over three
 *   columns); line 5 names the measures; then region headings in capitals, LA
 *   rows, the England total, and notes after the first empty row.
 * - Three LA codes are wrong in the file (Northamptonshire 892, Nottingham 891,
 *   Nottinghamshire 928): where the code's area and the row's name disagree, the
 *   name wins, and every such correction is counted (tests pin them).
 * - Bournemouth and Poole have no code: joined on name to their predecessor series.
 * - Dorset's row holds the old county (to 2018) and the new unitary Dorset
 *   (from 2019; footnote 6): its 2014–2018 figures go to "Dorset (before April 2019)".
 */
import { DataError, streamCsv } from '../lib/csv.ts';
import { OGL, type Column, type Download } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { baseGeos, ENGLAND, geoKeyForCode, seriesToJson, SeriesStore, type GeoInfo, type MeasureMeta } from '../lib/series.ts';
import { parseCaseload2025 } from './ehcp.ts';
import { seriesDownloadRows, seriesGeoColumns } from './series-download.ts';

export const FIRST_YEAR = 2014;
export const LAST_YEAR = 2024;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const KINDS = ['appeals', 'decisions', 'rate'] as const;

/** Remove footnote digits glued to a name: "Dorset6" → "Dorset", "England Total4,9" → "England Total". */
export function stripFootnotes(name: string): string {
  return name.replace(/\d+(,\d+)*\s*$/, '').trim();
}

/** For comparing names across sources: "Bristol, City of" ~ "Bristol", "County Durham" ~ "Durham". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(county\)|, city of|, county of|\bcounty\b|\bcity of\b/g, ' ')
    .replace(/[^a-z]+/g, '');
}

export interface TribunalBuild {
  store: SeriesStore;
  geos: Map<string, GeoInfo>;
  /** Rows whose printed code was replaced because the name names another area. */
  corrections: { name: string; printedCode: string; usedKey: string; line: number }[];
  /** Rows joined on name because they have no code. */
  joinedOnName: string[];
  skipped: Record<string, number>;
  /** England total row, as published. */
  englandRow: number;
}

export async function parseTribunal(path: string, geo: GeographyIndex, displayName?: string): Promise<TribunalBuild> {
  const geos = baseGeos(geo);
  const store = new SeriesStore();
  const corrections: TribunalBuild['corrections'] = [];
  const joinedOnName: string[] = [];
  const skipped: Record<string, number> = {};
  let englandRow = 0;
  const count = (rule: string): void => {
    skipped[rule] = (skipped[rule] ?? 0) + 1;
  };

  // Names → series keys: today's areas and the predecessors in the code history.
  const byName = new Map<string, string>();
  for (const a of geo.areas) {
    byName.set(nameKey(a.name), a.laCode);
    byName.set(nameKey(a.officialName), a.laCode);
  }
  const predByName = new Map<string, string>();
  for (const ch of geo.geography.codeChanges) if (ch.oldLaCode !== ch.newLaCode) predByName.set(nameKey(ch.oldName), ch.oldLaCode);

  const file = displayName ?? path;
  const headerProblem = (i: number, name: string, expected: string) => new DataError(file, 4, name || `column ${i + 1}`, `expected "${expected}" in the year header; the table layout has changed`);
  const columns = ['name', 'code', ...YEARS.flatMap((y) => KINDS.map((k) => `${y}_${k}`)), 'dev_decisions', 'dev_rate'];
  let measureRowSeen = false;
  const cellOpts = { thousands: true, percent: true, symbols: ['..', '-', 'x', '~'] as ('..' | '-' | 'x' | '~')[] };

  await streamCsv(
    path,
    {
      columns,
      displayName,
      skipLines: 3,
      renameHeader: (name, i) => {
        if (i === 0) {
          if (name !== 'Local Authority') throw headerProblem(i, name, 'Local Authority');
          return 'name';
        }
        if (i === 1) {
          if (name !== 'LA code') throw headerProblem(i, name, 'LA code');
          return 'code';
        }
        const j = i - 2;
        if (j < YEARS.length * 3) {
          const year = YEARS[Math.floor(j / 3)]!;
          if (j % 3 === 0 && name !== String(year)) throw headerProblem(i, name, String(year));
          return `${year}_${KINDS[j % 3]}`;
        }
        if (j === YEARS.length * 3) return 'dev_decisions';
        if (j === YEARS.length * 3 + 1) return 'dev_rate';
        return name;
      },
      // Notes start after the first empty row.
      stopAt: (fields) => fields.every((f) => f.trim() === ''),
    },
    (r) => {
      if (!measureRowSeen) {
        // Line 5: the measure names, with footnote digits.
        const expect = (col: string, prefix: string) => {
          if (!r.get(col).startsWith(prefix)) throw r.error(col, `expected the measure name "${prefix}…"`);
        };
        for (const y of YEARS) {
          expect(`${y}_appeals`, 'Appeals registered');
          expect(`${y}_decisions`, 'Total Appealable Decisions');
          expect(`${y}_rate`, 'SEND Tribunal Appeal Rate');
        }
        expect('dev_decisions', 'In development: Total Appealable Decisions');
        expect('dev_rate', 'In development: SEND Tribunal Appeal Rate');
        measureRowSeen = true;
        return;
      }
      const rawName = r.text('name');
      const name = stripFootnotes(rawName);
      const code = r.get('code').trim();
      const rest = columns.slice(2).map((c) => r.get(c).trim());
      if (code === '' && rest.every((f) => f === '') && name === name.toUpperCase()) return count('region heading rows (capitals, no figures)');
      if (name === 'England total excluding suppressed') return count('"England total excluding suppressed" (basis not stated in the file)');

      let key: string;
      if (name === 'England Total') {
        key = ENGLAND;
        englandRow = r.line;
      } else if (code === '') {
        const pred = predByName.get(nameKey(name));
        if (!pred) throw r.error('LA code', `"${name}" has no code and is not a known former area`);
        key = geoKeyForCode(geo, pred, r, 'LA code', geos);
        joinedOnName.push(name);
      } else {
        if (!/^\d{3}$/.test(code)) throw r.error('LA code', `"${code}" is not a 3-digit DfE code`);
        const byCode = geoKeyForCode(geo, code, r, 'LA code', geos);
        const codeName = geos.get(byCode)!.name.replace(/ \(before .*\)$/, '');
        if (nameKey(codeName) === nameKey(name)) key = byCode;
        else {
          const named = byName.get(nameKey(name)) ?? predByName.get(nameKey(name));
          if (!named) throw r.error('LA code', `code ${code} is ${codeName} but the row names "${name}", which is not a known area`);
          key = geoKeyForCode(geo, named, r, 'LA code', geos);
          corrections.push({ name, printedCode: code, usedKey: key, line: r.line });
        }
      }

      for (const y of YEARS) {
        // Dorset (838): figures to 2018 are the old county's (footnote 6).
        const k = key === '838' && y < 2019 ? geoKeyForCode(geo, '835', r, 'LA code', geos) : key;
        store.put('appeals', k, y, r.cell(`${y}_appeals`, cellOpts), r, `${y}_appeals`);
        store.put('decisions', k, y, r.cell(`${y}_decisions`, cellOpts), r, `${y}_decisions`);
        store.put('appeal_rate', k, y, r.cell(`${y}_rate`, cellOpts), r, `${y}_rate`);
      }
      store.put('decisions_dev', key, LAST_YEAR, r.cell('dev_decisions', cellOpts), r, 'dev_decisions');
      store.put('appeal_rate_dev', key, LAST_YEAR, r.cell('dev_rate', cellOpts), r, 'dev_rate');
    },
  );
  if (!measureRowSeen || englandRow === 0) throw new DataError(file, null, null, 'no England Total row found: the table layout has changed');
  return { store, geos, corrections, joinedOnName, skipped, englandRow };
}

/**
 * Appealable decisions include every EHC plan held at January, so they cannot
 * be much fewer than the plans held. Where they are below this share of the
 * plans in the EHC plans release (small gaps come from different extraction
 * dates), the area's appeal rate for that year gets a caution. The published
 * figures are kept as published.
 */
export const DECISIONS_BELOW_PLANS_THRESHOLD = 0.9;

export function decisionCautions(t: TribunalBuild, plans: SeriesStore): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of t.store.geoKeys('decisions')) {
    for (const year of t.store.periods('decisions')) {
      const d = t.store.get('decisions', key, year);
      const p = plans.get('ehc_plans', key, year);
      if (d.kind !== 'value' || p.kind !== 'value' || d.value >= DECISIONS_BELOW_PLANS_THRESHOLD * p.value) continue;
      (out[key] ??= []).push(
        `${year}: the published appealable decisions (${d.value.toLocaleString('en-GB')}) are fewer than the EHC plans held in January ${year} (${p.value.toLocaleString('en-GB')}), although they should include them. Treat this year's appeal rate with caution.`,
      );
    }
  }
  return out;
}

const SOURCES = ['tribunal-appeals'];
export const TRIBUNAL_MEASURES: MeasureMeta[] = [
  { id: 'appeals', label: 'SEND Tribunal appeals registered', unit: '', dp: 0, periodType: 'calendar', sourceIds: SOURCES },
  { id: 'decisions', label: 'Appealable decisions', unit: '', dp: 0, periodType: 'calendar', sourceIds: SOURCES },
  { id: 'appeal_rate', label: 'Appeal rate: appeals as % of appealable decisions', unit: '%', dp: 1, periodType: 'calendar', sourceIds: SOURCES },
  { id: 'decisions_dev', label: 'Appealable decisions, new method in development (2024 only)', unit: '', dp: 0, periodType: 'calendar', sourceIds: SOURCES },
  { id: 'appeal_rate_dev', label: 'Appeal rate, new method in development (2024 only), %', unit: '%', dp: 1, periodType: 'calendar', sourceIds: SOURCES },
];

export const tribunalDataset: DatasetBuilder = {
  id: 'tribunal',
  async build(ctx) {
    const t = await parseTribunal(ctx.file('tribunal-appeals'), ctx.geo, 'tribunal/send_tribunal_appeal_rate_2014-2024.csv');
    const plans = await parseCaseload2025(ctx.file('ehcp-2025-caseload'), ctx.geo, baseGeos(ctx.geo));
    const cautions = decisionCautions(t, plans.store);
    const json = { ...seriesToJson(t.store, TRIBUNAL_MEASURES, t.geos), cautions };
    const ids = TRIBUNAL_MEASURES.map((m) => m.id);
    const columns: Column[] = [
      ...seriesGeoColumns('Calendar year'),
      ...TRIBUNAL_MEASURES.map((m): Column => ({ name: m.id, type: 'Indicator', label: m.label, unit: m.unit, dp: m.dp })),
    ];
    const downloads: Download[] = [
      {
        id: 'tribunals',
        title: 'SEND Tribunal appeals and appeal rate by local area, 2014 to 2024',
        description:
          'Appeals registered with the SEND Tribunal, appealable decisions (requests refused, decisions not to issue a plan, plans held at January, and plans ceased because needs are met without one) and the appeal rate, by calendar year. Three wrong LA codes in the published table are corrected by name. ".." means not available (the area did not exist), "-" means nil.',
        columns,
        rows: seriesDownloadRows(t.store, ids, t.geos, ctx.geo, 'Calendar year'),
        sourceIds: SOURCES,
        licence: OGL,
      },
    ];
    return { json: { tribunal: json }, downloads };
  },
};
