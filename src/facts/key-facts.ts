/**
 * An area's key facts, generated from the data: its latest inspection and when
 * the next is expected; EHC plans and their growth; 20-week timeliness;
 * persistent absence of pupils with EHC plans and on SEN support. Each says
 * how the area compares with England (where published), its region and its 10
 * statistical neighbours. "What stands out" lists only figures clearly outside
 * the neighbours' range, worded neutrally.
 */
import { MIN_CASES, SHOW_COUNT_BELOW, isSmallArea, smallAreaNote } from './small-numbers.ts';
import { areaInspections, eventsOf } from '../read/inspections-data.ts';
import { describeEvent } from '../charts/inspections.ts';
import { persistentAbsenceFacts, senLatestIndex, senSeries } from '../read/absence-data.ts';
import type { Cell } from '../lib/cell.ts';
import { describeStanding, outsideRange, standing } from '../lib/compare.ts';
import { formatMonth, formatNumber, formatPercent, formatPeriod, plural } from '../lib/format.ts';
import type { Area, GeographyIndex } from '../lib/geography.ts';
import { eventDate } from '../lib/inspections.ts';
import { ehcp, ehcpCountFacts, planGrowth, plansCell, predecessorsOf, timelinessFacts } from '../read/send-data.ts';
import { moneyKeyFacts } from './money-facts.ts';
import type { TopicId } from '../lib/topics.ts';
import { MEASURES, timeliness, type MeasureDef } from '../read/measures.ts';
import { measureKeyFact } from './measure-facts.ts';
import { noChangeReason, notShownReason, notShownValue } from '../lib/key-facts-text.ts';

export interface KeyFact {
  id: string;
  /** What the fact is about: "EHC plans". */
  label: string;
  /** The headline: "7,134 in January 2025". */
  value: string;
  /** Sentences: change and comparisons. */
  details: string[];
  /** The page section with the full story: a topic's (src/lib/topics.ts), or the neighbour benchmarks. */
  sectionId: TopicId | 'benchmarks';
}

export interface StandOut {
  text: string;
  sectionId: KeyFact['sectionId'];
}

const valueOf = (c: Cell): number | null => (c.kind === 'value' ? c.value : null);
const pc = (n: number) => formatPercent(n, 1);
const signedPc = (n: number) => `${n >= 0 ? '+' : '−'}${formatPercent(Math.abs(n), 1)}`;

/** How far outside the neighbours' range a figure must be to "stand out", in its own units. */
export const STAND_OUT_MARGIN = { growth: 5, timeliness: 5, absence: 2 } as const;

// Small numbers: one set of rules (src/facts/small-numbers.ts), re-exported for the pages.
export { MIN_CASES, SHOW_COUNT_BELOW, SMALL_AREA_PLANS } from './small-numbers.ts';

/** True when DfE rates every one of an area's statistical neighbours "Not close" (City of London). */
export function neighboursAllNotClose(area: Area): boolean {
  return area.neighbours.length > 0 && area.neighbours.every((n) => n.closeness === 'Not close');
}
export const NOT_CLOSE_NOTE = (name: string): string =>
  `DfE rates all 10 of ${name}’s statistical neighbours as “not close”: no other area is much like it, so comparisons with them mean less than they do for most areas.`;


/** The most recent inspection of any framework, then what comes next. */
function inspectionFact(area: Area): KeyFact {
  const a = areaInspections(area.slug);
  const events = eventsOf(a);
  const latest = [...events].reverse().find((e) => eventDate(e) !== null) ?? events.at(-1)!;
  const d = eventDate(latest);
  const when = d ? formatMonth(d) : 'date not published';
  const { detail } = describeEvent(latest);
  const what =
    latest.kind === 'full-inspection'
      ? `outcome ${latest.outcome}, ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`
      : `${latest.kind === 'revisit' ? 'revisit, ' : ''}${detail.charAt(0).toLowerCase()}${detail.slice(1)}`;
  const value = `${when}: ${what}`;
  const framework =
    latest.kind === 'full-inspection'
      ? 'Under the framework that began in January 2023.'
      : `Under the first framework (2016 to 2022)${latest.inherited && latest.inheritedNote ? `; ${latest.inheritedNote.charAt(0).toLowerCase()}${latest.inheritedNote.slice(1)}` : ''}.`;
  const next =
    a.next.status === 'due-now'
      ? 'Not yet inspected under the 2023 framework, so a full inspection is due now.'
      : `Next full inspection expected by ${formatMonth(a.next.fullBy!)}${a.next.overdue ? ' (overdue)' : ''}.`;
  return { id: 'inspection', label: 'Latest inspection', value, details: [framework, next, a.next.rule], sectionId: 'inspections' };
}

function plansFacts(geo: GeographyIndex, area: Area, out: StandOut[]): KeyFact {
  const f = ehcpCountFacts(area);
  const count = valueOf(f.count.area);
  const details: string[] = [];
  const g = f.growth;
  if (g.area === null) {
    const reason = noChangeReason(plansCell(area.laCode, g.from), f.count.area, `January ${g.from}`, `January ${f.year}`, predecessorsOf(area).length > 0);
    details.push(`No growth figure since January ${g.from}: ${reason}.`);
  } else {
    const s = standing(g.area, geo.neighboursOf(area).map((n) => planGrowth(n.laCode, g.from, g.to)));
    const base = valueOf(plansCell(area.laCode, g.from));
    const small = base !== null && base < SHOW_COUNT_BELOW && count !== null ? `, from ${formatNumber(base)} to ${plural(count, 'plan')}` : '';
    details.push(
      `${g.area >= 0 ? 'Up' : 'Down'} ${pc(Math.abs(g.area))} since January ${g.from}${small}` +
        (g.england === null ? '.' : ` (England ${signedPc(g.england)}${g.region === null ? '' : `, region ${signedPc(g.region)}`}).`),
    );
    details.push(`Growth ${describeStanding(s, 'statistical neighbours')}.`);
    const o = outsideRange(s, g.area, STAND_OUT_MARGIN.growth);
    const tooFew = base === null || base < MIN_CASES || count === null || count < MIN_CASES;
    if (o && !tooFew) out.push({ text: `EHC plans grew by ${pc(g.area)} from January ${g.from} to ${g.to}, ${o === 'above' ? 'more' : 'less'} than any of its statistical neighbours (their range: ${signedPc(s.min!)} to ${signedPc(s.max!)}).`, sectionId: 'ehc-plans' });
  }
  return {
    id: 'ehc-plans',
    label: 'EHC plans',
    value: count === null ? notShownValue(f.count.area, `January ${f.year}`) : `${formatNumber(count)} in January ${f.year}`,
    details: count === null && notShownReason(f.count.area) ? [notShownReason(f.count.area)!, ...details] : details,
    sectionId: 'ehc-plans',
  };
}

function timelinessFact(geo: GeographyIndex, area: Area, out: StandOut[]): KeyFact {
  const t = timelinessFacts(area);
  const v = valueOf(t.pc.area);
  const den = valueOf(t.plansIssued);
  const num = valueOf(t.withinLimit);
  const details: string[] = [];
  const counted = v !== null && den !== null && num !== null && den < SHOW_COUNT_BELOW ? ` – ${formatNumber(num)} of ${plural(den, 'plan')}` : '';
  if (v !== null && den !== null && den < MIN_CASES) {
    const eng = valueOf(t.pc.england);
    if (eng !== null) details.push(`England ${pc(eng)}.`);
    details.push(`Based on ${plural(den, 'plan')}: too few (fewer than ${MIN_CASES}) to compare fairly with other areas.`);
  } else if (v !== null) {
    const eng = valueOf(t.pc.england);
    const reg = valueOf(t.pc.region);
    if (eng !== null) details.push(`England ${pc(eng)}${reg === null ? '' : `, region ${pc(reg)}`}.`);
    const s = standing(v, geo.neighboursOf(area).map((n) => valueOf(ehcp.cell('t20_pc', n.laCode, t.year))));
    details.push(`${describeStanding(s, 'statistical neighbours').replace(/^./, (c) => c.toUpperCase())}.`);
    const o = outsideRange(s, v, STAND_OUT_MARGIN.timeliness);
    if (o) out.push({ text: `In ${t.year}, ${pc(v)} of new EHC plans were issued within 20 weeks: ${o === 'above' ? 'higher' : 'lower'} than any of its statistical neighbours (their range: ${pc(s.min!)} to ${pc(s.max!)}).`, sectionId: 'ehc-plans' });
  }
  return { id: 'timeliness', label: timeliness.label, value: `${t.text} in ${t.year}${counted}`, details, sectionId: 'ehc-plans' };
}

const GROUP_LABEL = { ehcp: 'pupils with an EHC plan', support: 'pupils on SEN support' } as const;

function absenceFactsFor(geo: GeographyIndex, area: Area, out: StandOut[]): KeyFact[] {
  const slot = senLatestIndex('enrolments_pa_10_exact_percent');
  const plans = valueOf(ehcpCountFacts(area).count.area);
  const fewPlans = isSmallArea(plans);
  return persistentAbsenceFacts(geo, area).map((f) => {
    const details: string[] = [];
    const year = formatPeriod(f.period);
    if (f.value !== null) {
      if (f.previousValue !== null && f.previousPeriod) {
        const word = f.direction === 'up' ? 'Up from' : f.direction === 'down' ? 'Down from' : 'The same as';
        details.push(`${word} ${pc(f.previousValue)} in ${formatPeriod(f.previousPeriod)}.`);
      }
      const n = f.comparators.neighbours;
      if (n) details.push(`Median of its statistical neighbours ${pc(n.median)}; median of all areas ${pc(f.comparators.all?.median ?? n.median)}.`);
      if (fewPlans) {
        details.push(smallAreaNote(area, plans!));
        return { id: `persistent-absence-${f.group}`, label: `Persistent absence, ${GROUP_LABEL[f.group]}`, value: `${pc(f.value)} in ${year}`, details, sectionId: 'absence' };
      }
      const s = standing(f.value, geo.neighboursOf(area).map((a) => senSeries('enrolments_pa_10_exact_percent', 'total', f.group, a.laCode)[slot] ?? null));
      details.push(`${describeStanding(s, 'statistical neighbours').replace(/^./, (c) => c.toUpperCase())}.`);
      const o = outsideRange(s, f.value, STAND_OUT_MARGIN.absence);
      if (o) out.push({ text: `In ${year}, ${pc(f.value)} of ${GROUP_LABEL[f.group]} were persistently absent: ${o === 'above' ? 'higher' : 'lower'} than any of its statistical neighbours (their range: ${pc(s.min!)} to ${pc(s.max!)}).`, sectionId: 'absence' });
    }
    return {
      id: `persistent-absence-${f.group}`,
      label: `Persistent absence, ${GROUP_LABEL[f.group]}`,
      value: f.value === null ? `Not published for ${year}` : `${pc(f.value)} in ${year}`,
      details,
      sectionId: 'absence',
    };
  });
}

export function keyFacts(geo: GeographyIndex, area: Area): { facts: KeyFact[]; standsOut: StandOut[] } {
  const standsOut: StandOut[] = [];
  const facts = [inspectionFact(area), plansFacts(geo, area, standsOut), timelinessFact(geo, area, standsOut), ...absenceFactsFor(geo, area, standsOut)];
  facts.push(...moneyKeyFacts(geo, area, standsOut));
  // Every measure with a key fact in its definition (src/read/measures.ts), after the facts of its section.
  const plans = valueOf(ehcpCountFacts(area).count.area);
  for (const m of MEASURES) {
    if (!m.keyFact) continue;
    const f = measureKeyFact(m as MeasureDef & { keyFact: { margin: number } }, geo, area, plans, standsOut);
    const after = facts.findLastIndex((x) => x.sectionId === f.sectionId);
    facts.splice(after < 0 ? facts.length : after + 1, 0, f);
  }
  return { facts, standsOut };
}
