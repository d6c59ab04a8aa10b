/**
 * The home page's headlines on the state of SEND in England, computed from the
 * pipeline: EHC plans and their growth, 20-week timeliness, inspection outcomes
 * so far, and persistent absence of pupils with EHC plans. Each links to its chart.
 * England-level figures only, so no headline rests on a small number.
 */
import { areaInspections, inspections } from '../read/inspections-data.ts';
import { senLatestIndex, senSpread, sen } from '../read/absence-data.ts';
import { formatNumber, formatPercent, formatPeriod, plural } from '../lib/format.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { LatestClass } from '../lib/inspections.ts';
import { ehcp, planGrowth, plansCell } from '../read/send-data.ts';
import { ENGLAND } from '../lib/series.ts';

export interface Headline {
  id: string;
  /** The figure, short: "638,745". */
  figure: string;
  /** One sentence. */
  text: string;
  href: string;
  linkText: string;
}

const num = (c: { kind: string; value?: number }) => (c.kind === 'value' ? c.value! : null);

export function headlines(geo: GeographyIndex): Headline[] {
  const out: Headline[] = [];

  const planYears = ehcp.measure('ehc_plans').periods;
  const y = planYears.at(-1)!;
  const plans = num(plansCell(ENGLAND, y));
  const g1 = planGrowth(ENGLAND, y - 1, y);
  const g5 = planGrowth(ENGLAND, y - 5, y);
  if (plans !== null && g1 !== null && g5 !== null) {
    out.push({
      id: 'plans',
      figure: formatNumber(plans),
      text: `children and young people in England had an EHC plan in January ${y}: up ${formatPercent(g1, 1)} in a year and ${formatPercent(g5, 0)} since January ${y - 5}.`,
      href: '/ehc-plans/#growth',
      linkText: 'EHC plans over time',
    });
  }

  const tYears = ehcp.measure('t20_pc').periods;
  const t = tYears.at(-1)!;
  const pc = num(ehcp.cell('t20_pc', ENGLAND, t));
  const prev = num(ehcp.cell('t20_pc', ENGLAND, t - 1));
  const den = num(ehcp.cell('t20_den', ENGLAND, t));
  if (pc !== null && den !== null) {
    const change = prev === null ? '' : ` (${formatPercent(prev, 1)} in ${t - 1})`;
    out.push({
      id: 'timeliness',
      figure: formatPercent(pc, 1),
      text: `of the ${formatNumber(den)} new EHC plans issued in England in ${t} were issued within the 20-week limit${change}.`,
      href: '/ehc-plans/#timeliness',
      linkText: 'The 20-week limit, area by area',
    });
  }

  const counts: Record<LatestClass, number> = { 'outcome-1': 0, 'outcome-2': 0, 'outcome-3': 0, 'not-yet': 0 };
  for (const a of geo.areas) counts[areaInspections(a.slug).latestClass] += 1;
  const inspected = geo.areas.length - counts['not-yet'];
  out.push({
    id: 'inspections',
    figure: `${formatNumber(inspected)} of ${formatNumber(geo.areas.length)}`,
    text: `local areas have had a full inspection under the framework that began in January 2023: ${formatNumber(counts['outcome-1'])} found typically positive experiences (outcome 1), ${formatNumber(counts['outcome-2'])} inconsistent (outcome 2) and ${formatNumber(counts['outcome-3'])} widespread or systemic failings (outcome 3). ${plural(counts['not-yet'], 'area is', 'areas are')} still to be inspected under it.`,
    href: '/inspections/#map',
    linkText: 'Inspection outcomes, area by area',
  });

  const slot = senLatestIndex('enrolments_pa_10_exact_percent');
  const period = sen.slots['enrolments_pa_10_exact_percent']![slot]!.period;
  const ehcpSpread = senSpread('enrolments_pa_10_exact_percent', 'total', 'ehcp', slot, geo.areas);
  const noneSpread = senSpread('enrolments_pa_10_exact_percent', 'total', 'none', slot, geo.areas);
  if (ehcpSpread) {
    out.push({
      id: 'absence',
      figure: formatPercent(ehcpSpread.median, 1),
      text: `of pupils with an EHC plan were persistently absent (missing 10% or more of sessions) in the middle area of England in ${formatPeriod(period)}${noneSpread ? `, against ${formatPercent(noneSpread.median, 1)} of pupils with no SEN in the middle area` : ''} (medians of the ${formatNumber(ehcpSpread.n)} areas with a figure; DfE publishes no England figure for this).`,
      href: '/absence/#map',
      linkText: 'Persistent absence, area by area',
    });
  }
  return out;
}

/** Areas expected to be inspected next, from the inspections dataset's ordering. */
export function expectedNextAreas(geo: GeographyIndex, n = 8) {
  return inspections.expectedNext.slice(0, n).map((slug) => ({ area: geo.bySlug.get(slug)!, a: areaInspections(slug) }));
}
