/**
 * What follows from a MeasureDef (src/read/measures.ts) on an area page,
 * with no code of the measure's own: its row in a section's "How it compares"
 * table and its key fact (with "What stands out"). The benchmark chart
 * (src/charts/benchmark.ts), the compare rows (compareData) and the download
 * column (src/facts/measure-download.ts) follow from the same definition.
 */
import { SYMBOLS } from '../lib/cell.ts';
import { describeStanding, outsideRange, standing } from '../lib/compare.ts';
import { formatNumber, plural } from '../lib/format.ts';
import type { Area, GeographyIndex } from '../lib/geography.ts';
import { median } from '../lib/spread.ts';
import type { KeyFact, StandOut } from './key-facts.ts';
import type { MeasureDef, SeriesPoint } from '../read/measures.ts';
import { isSmallArea, MIN_CASES, SHOW_COUNT_BELOW, smallAreaNote } from './small-numbers.ts';

const NO_VALUE = 'no value';

const at = (points: readonly SeriesPoint[] | undefined, period: string) => points?.find((p) => p.period === period);

/** One measure for one area at one period: the area, its region, England and its neighbours' values (unrounded). */
export interface MeasureAt {
  period: string;
  area: SeriesPoint | undefined;
  region: SeriesPoint | undefined;
  england: SeriesPoint | undefined;
  /** The neighbours' values at the period (null where a neighbour has none). */
  neighbours: (number | null)[];
}

export function measureAt(m: MeasureDef, area: Area, geo: GeographyIndex, period: string): MeasureAt {
  return {
    period,
    area: at(m.series(area), period),
    region: at(m.region(area.regionCode)?.points, period),
    england: at(m.england()?.points, period),
    neighbours: geo.neighboursOf(area).map((n) => at(m.series(n), period)?.value ?? null),
  };
}

/** The period a comparison uses: the latest in which England has a figure, else the area's latest. */
export function comparisonPeriod(m: MeasureDef, area: Area): string | null {
  const england = m.england()?.points.filter((p) => p.value !== null).at(-1);
  return england?.period ?? m.series(area).at(-1)?.period ?? null;
}

export interface MeasureRow {
  measure: MeasureDef;
  when: string;
  area: string;
  region: string;
  neighbours: string;
  /** How many of the neighbours have a figure. */
  neighboursWithValue: number;
  england: string;
}

/** A measure's row in a section's "How it compares" table. */
export function measureRow(m: MeasureDef, area: Area, geo: GeographyIndex): MeasureRow {
  const period = comparisonPeriod(m, area);
  if (period === null) return { measure: m, when: 'no figures', area: NO_VALUE, region: NO_VALUE, neighbours: NO_VALUE, neighboursWithValue: 0, england: NO_VALUE };
  const f = measureAt(m, area, geo, period);
  const known = f.neighbours.filter((v): v is number => v !== null);
  const med = median(known);
  const words = (p: SeriesPoint | undefined) => (p ? m.display(p) : NO_VALUE);
  return {
    measure: m,
    when: m.when(period),
    area: words(f.area),
    region: words(f.region),
    neighbours: med === null ? SYMBOLS.x.label : m.format(med),
    neighboursWithValue: known.length,
    england: words(f.england),
  };
}

const cap = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

/**
 * A measure's key fact: the area's latest figure, England and the region, and
 * where it stands among its 10 statistical neighbours. It stands out only when
 * outside their range by more than the measure's margin, with at least 5
 * neighbours known, never from a handful of cases, and never for a very small
 * area (src/facts/small-numbers.ts).
 */
export function measureKeyFact(m: MeasureDef & { keyFact: { margin: number } }, geo: GeographyIndex, area: Area, plansHeld: number | null, out: StandOut[]): KeyFact {
  const latest = m.series(area).at(-1);
  const fact = (value: string, details: string[]): KeyFact => ({ id: m.id, label: m.label, value, details, sectionId: m.section ?? 'benchmarks' });
  if (!latest) return fact('No figures', [cap(`${m.whyNoValue(area, undefined)}.`)]);
  const when = m.when(latest.period);
  if (latest.value === null) return fact(`Not shown for ${when}`, [cap(`${m.whyNoValue(area, latest)}.`)]);
  const v = latest.value;
  const f = measureAt(m, area, geo, latest.period);
  const details: string[] = [];
  const counts = m.counts?.(area.laCode, latest.period);
  const den = counts?.denominator.kind === 'value' ? counts.denominator.value : null;
  const num = counts?.numerator.kind === 'value' ? counts.numerator.value : null;
  const counted = counts && den !== null && num !== null && den < SHOW_COUNT_BELOW ? ` (${formatNumber(num)} of ${plural(den, counts.of.replace(/s$/, ''))})` : '';
  const ref = (label: string, p: SeriesPoint | undefined) => (p?.value === null || p === undefined ? null : `${label} ${m.display(p)}`);
  const refs = [ref('England', f.england), ref('region', f.region)].filter((x): x is string => x !== null);
  if (refs.length) details.push(`${refs.join(', ')}.`);
  if (isSmallArea(plansHeld)) {
    details.push(smallAreaNote(area, plansHeld!));
  } else if (den !== null && den < MIN_CASES) {
    details.push(`Based on ${plural(den, counts!.of.replace(/s$/, ''))}: too few (fewer than ${MIN_CASES}) to compare fairly with other areas.`);
  } else {
    const s = standing(v, f.neighbours);
    details.push(`${cap(describeStanding(s, 'statistical neighbours'))}.`);
    const o = outsideRange(s, v, m.keyFact.margin);
    if (o) out.push({ text: `${cap(m.noun)}, ${when}: ${m.format(v)}, ${o === 'above' ? 'higher' : 'lower'} than any of its statistical neighbours (their range: ${m.format(s.min!)} to ${m.format(s.max!)}).`, sectionId: m.section ?? 'benchmarks' });
  }
  return fact(`${m.format(v)} in ${when}${counted}`, details);
}
