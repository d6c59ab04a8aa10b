/**
 * Absence, persistent and severe absence, suspensions, exclusions and
 * attendance for pupils with an EHC plan or on SEN support, each beside the
 * no-SEN rate, by local authority (compiled by Data to Insight from DfE EES
 * data sets). Local-authority rows only: no England or region figures, so the
 * site compares areas with medians of groups of areas instead.
 *
 * The file has no symbols: cells the DfE suppressed were dropped by the
 * compiler, so a missing row means "not published" and is shown as such.
 */
import { DataError, streamCsv } from '../lib/csv.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import { laGeoRef, type GeoRef, type Phase } from './absence-common.ts';

export type SenMetric =
  | 'sess_overall_percent'
  | 'enrolments_pa_10_exact_percent'
  | 'enrolments_pa_50_exact_percent'
  | 'susp_rate'
  | 'one_plus_susp_rate'
  | 'perm_excl_rate'
  | 'attendance_perc'
  | 'overall_absence_perc';

export const SEN_METRICS: Record<SenMetric, { label: string; unit: string; kind: 'absence' | 'suspension' | 'attendance'; termly: boolean }> = {
  sess_overall_percent: { label: 'Overall absence rate', unit: '% of sessions', kind: 'absence', termly: false },
  enrolments_pa_10_exact_percent: { label: 'Persistent absence (10% or more of sessions missed)', unit: '% of pupils', kind: 'absence', termly: false },
  enrolments_pa_50_exact_percent: { label: 'Severe absence (50% or more of sessions missed)', unit: '% of pupils', kind: 'absence', termly: false },
  susp_rate: { label: 'Suspensions per 100 pupils', unit: 'per 100 pupils', kind: 'suspension', termly: true },
  one_plus_susp_rate: { label: 'Pupils with one or more suspensions', unit: '% of pupils', kind: 'suspension', termly: true },
  perm_excl_rate: { label: 'Permanent exclusions per 100 pupils', unit: 'per 100 pupils', kind: 'suspension', termly: true },
  attendance_perc: { label: 'Attendance rate', unit: '% of sessions', kind: 'attendance', termly: true },
  overall_absence_perc: { label: 'Overall absence rate (in-year)', unit: '% of sessions', kind: 'attendance', termly: true },
};

export type SenGroup = 'ehcp' | 'support';
export const SEN_GROUPS: Record<string, SenGroup> = { 'EHC plan': 'ehcp', 'SEN support': 'support' };
export const SEN_GROUP_LABEL: Record<SenGroup | 'none', string> = { ehcp: 'EHC plan', support: 'SEN support', none: 'No SEN' };

/** Phase labels differ between the source data sets; all map to the same four phases. */
const PHASES: Record<string, Phase> = {
  Total: 'total',
  'State-funded primary': 'primary',
  Primary: 'primary',
  'State-funded secondary': 'secondary',
  Secondary: 'secondary',
  Special: 'special',
  'State-funded special': 'special',
};

export const TERMS = ['Academic year', 'Autumn term', 'Spring term', 'Summer term'] as const;
export type Term = (typeof TERMS)[number];

export interface SenRecord {
  metric: SenMetric;
  period: string;
  term: Term;
  geo: GeoRef;
  phase: Phase;
  /** The phase as the source labels it. */
  phaseLabel: string;
  group: SenGroup;
  send: number;
  noSen: number;
  line: number;
}

const COLUMNS = ['metric', 'time_period', 'time_identifier', 'new_la_code', 'la_name', 'education_phase', 'send_group', 'send_value', 'no_sen_value', 'gap_to_no_sen'];

export interface SenParseResult {
  records: SenRecord[];
  /** Special-school rows whose published no-SEN rate is above 100% (kept, never charted as a comparison). */
  extremeNoSen: number;
}

export async function parseSenStatus(path: string, geo: GeographyIndex, displayName?: string): Promise<SenParseResult> {
  const records: SenRecord[] = [];
  let extremeNoSen = 0;
  const seen = new Set<string>();
  const geoCache = new Map<string, GeoRef>();
  await streamCsv(path, { columns: COLUMNS, displayName }, (r) => {
    const metric = r.text('metric') as SenMetric;
    if (!Object.hasOwn(SEN_METRICS, metric)) throw r.error('metric', `"${metric}" is not a known metric`);
    const period = r.text('time_period');
    if (!/^\d{6}$/.test(period)) throw r.error('time_period', 'expected a six-digit academic year');
    const term = r.text('time_identifier') as Term;
    if (!TERMS.includes(term)) throw r.error('time_identifier', `"${term}" is not a known period`);
    if (SEN_METRICS[metric].termly === (term === 'Academic year')) throw r.error('time_identifier', `${metric} is not published for "${term}"`);
    const code = r.text('new_la_code');
    let g = geoCache.get(code);
    if (!g) {
      try {
        g = laGeoRef(geo, code);
      } catch (e) {
        throw r.error('new_la_code', (e as Error).message);
      }
      geoCache.set(code, g);
    }
    const phaseLabel = r.text('education_phase');
    const phase = PHASES[phaseLabel];
    if (!phase) throw r.error('education_phase', `"${phaseLabel}" is not a known phase`);
    const group = SEN_GROUPS[r.text('send_group')];
    if (!group) throw r.error('send_group', `"${r.get('send_group')}" is not EHC plan or SEN support`);
    const send = r.number('send_value');
    const noSen = r.number('no_sen_value');
    const gap = r.number('gap_to_no_sen');
    const isPercent = SEN_METRICS[metric].unit.startsWith('%');
    if (send < 0 || (isPercent && send > 100)) throw r.error('send_value', `${send} is out of range for ${metric}`);
    if (noSen < 0) throw r.error('no_sen_value', `${noSen} is out of range for ${metric}`);
    if (isPercent && noSen > 100) {
      // Documented quirk: in special schools the no-SEN group is tiny and its published
      // rates can exceed 100% (Surrey 2019/20-2020/21). Allowed only there, and counted.
      if (phase !== 'special') throw r.error('no_sen_value', `${noSen} is out of range for ${metric}`);
      extremeNoSen++;
    }
    if (Math.abs(send - noSen - gap) > 1e-9) throw r.error('gap_to_no_sen', `${gap} is not send_value − no_sen_value (${send - noSen})`);
    const key = `${metric}|${period}|${term}|${code}|${phase}|${group}`;
    if (seen.has(key)) throw r.error('metric', `duplicate row for ${key}`);
    seen.add(key);
    records.push({ metric, period, term, geo: g, phase, phaseLabel, group, send, noSen, line: r.line });
  });
  if (records.length === 0) throw new DataError(displayName ?? path, null, null, 'no rows');

  // The no-SEN value is repeated on the EHC plan and SEN support rows: the two must agree.
  const noSen = new Map<string, SenRecord>();
  for (const rec of records) {
    const key = `${rec.metric}|${rec.period}|${rec.term}|${rec.geo.level}|${rec.geo.key}|${rec.geo.sourceCode ?? ''}|${rec.phase}`;
    const other = noSen.get(key);
    if (other && Math.abs(other.noSen - rec.noSen) > 1e-9) {
      throw new DataError(displayName ?? path, rec.line, 'no_sen_value', `${rec.noSen} differs from ${other.noSen} on line ${other.line} for the same area, phase and period`);
    }
    noSen.set(key, rec);
  }
  return { records, extremeNoSen };
}
