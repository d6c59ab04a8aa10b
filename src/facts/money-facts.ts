/**
 * Key facts and "What stands out" for money and SEN prevalence on an area
 * page, by the same rule as the other key facts (src/facts/key-facts.ts): a
 * figure stands out only when it is outside the range of the 10 statistical
 * neighbours by more than a margin in its own units, with at least 5
 * neighbours known. The share of pupils with a plan and money per plan are never
 * called out for a very small area (fewer than SMALL_AREA_PLANS EHC plans in all;
 * src/facts/small-numbers.ts).
 */
import type { Cell } from '../lib/cell.ts';
import { describeStanding, outsideRange, standing } from '../lib/compare.ts';
import { formatNumber, formatPercent } from '../lib/format.ts';
import type { Area, GeographyIndex } from '../lib/geography.ts';
import type { KeyFact, StandOut } from './key-facts.ts';
import { deficitFacts, deficitPc, deficitWords, fy, hasAllocation, hnbFacts, money, noAllocationText, pounds, prevalence, prevalenceFacts, signedPc, spendFacts } from '../read/money-data.ts';
import { ehcpCountFacts, outcomes } from '../read/send-data.ts';
import { isSmallArea, smallAreaNote } from './small-numbers.ts';

/** Margins, in each figure's own units. */
export const MONEY_STAND_OUT_MARGIN = { prevalence: 1, hnbGrowth: 5, deficit: 1, spend: 20 } as const;

const val = (c: Cell): number | null => (c.kind === 'value' ? c.value : null);
const cap = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

function prevalenceFact(geo: GeographyIndex, area: Area, out: StandOut[]): KeyFact {
  const f = prevalenceFacts(area);
  const a = val(f.ehcp.area);
  const details: string[] = [];
  if (a !== null) {
    const e = val(f.ehcp.england);
    if (e !== null) details.push(`England ${formatPercent(e)}${val(f.ehcp.region) === null ? '' : `, region ${formatPercent(val(f.ehcp.region)!)}`}.`);
    const plans = val(ehcpCountFacts(area).count.area);
    const s = standing(a, geo.neighboursOf(area).map((n) => val(prevalence.cell('ehcp_pc', n.laCode, f.year))));
    details.push(isSmallArea(plans) ? smallAreaNote(area, plans!) : `${cap(describeStanding(s, 'statistical neighbours'))}.`);
    const o = isSmallArea(plans) ? null : outsideRange(s, a, MONEY_STAND_OUT_MARGIN.prevalence);
    if (o) out.push({ text: `In January ${f.year}, ${formatPercent(a)} of pupils in its schools had an EHC plan: ${o === 'above' ? 'higher' : 'lower'} than any of its statistical neighbours (their range: ${formatPercent(s.min!)} to ${formatPercent(s.max!)}).`, sectionId: 'sen-prevalence' });
  }
  return { id: 'sen-prevalence', label: 'Pupils with an EHC plan', value: a === null ? `Not published for January ${f.year}` : `${formatPercent(a)} of pupils in January ${f.year}`, details, sectionId: 'sen-prevalence' };
}

function hnbFact(_geo: GeographyIndex, area: Area, out: StandOut[]): KeyFact {
  if (!hasAllocation(area)) return { id: 'high-needs-block', label: 'High needs block', value: 'No DSG allocation published', details: [noAllocationText(area)], sectionId: 'money' };
  const h = hnbFacts(area);
  const details: string[] = [];
  const g = h.growth;
  if (g.area === null) {
    details.push(`No change since ${fy(h.from)} to show: the council did not exist in its present form then.`);
  } else {
    details.push(`${g.area >= 0 ? 'Up' : 'Down'} ${formatPercent(Math.abs(g.area))} since ${fy(h.from)} (England ${signedPc(g.england!, 1)}${g.region === null ? '' : `, region ${signedPc(g.region, 1)}`}).`);
    const s = standing(g.area, g.neighbourValues);
    details.push(`Growth ${describeStanding(s, 'statistical neighbours')}.`);
    const o = outsideRange(s, g.area, MONEY_STAND_OUT_MARGIN.hnbGrowth);
    if (o) out.push({ text: `Its high needs block grew by ${formatPercent(g.area)} from ${fy(h.from)} to ${fy(h.to)}, ${o === 'above' ? 'more' : 'less'} than any of its statistical neighbours (their range: ${signedPc(s.min!, 1)} to ${signedPc(s.max!, 1)}).`, sectionId: 'money' });
  }
  const pp = val(h.perPlan.area);
  const plans = val(h.plans);
  if (pp !== null && plans !== null) details.push(`About ${pounds(pp)} per EHC plan (${formatNumber(plans)} plans in January ${h.to}; England ${pounds(val(h.perPlan.england)!)}).`);
  const v = val(h.allocation);
  return { id: 'high-needs-block', label: 'High needs block', value: v === null ? `No figure for ${fy(h.to)}` : `${pounds(v)} in ${fy(h.to)}`, details, sectionId: 'money' };
}

function deficitFact(geo: GeographyIndex, area: Area, out: StandOut[]): KeyFact | null {
  if (!hasAllocation(area)) return null;
  const d = deficitFacts(area);
  const a = val(d.c.area);
  const details: string[] = [];
  if (a !== null) {
    if (val(d.c.england) !== null) details.push(`England: a deficit of ${deficitPc(val(d.c.england)!)}.`);
    const s = standing(a, geo.neighboursOf(area).map((n) => val(money.cell('dsg_deficit_pc', n.laCode, d.year))));
    details.push(`${cap(describeStanding(s, 'statistical neighbours'))}.`);
    details.push('Later figures are published by the Department for Education but are not in this site’s data.');
    const o = outsideRange(s, a, MONEY_STAND_OUT_MARGIN.deficit);
    if (o) out.push({ text: `At 31 March ${d.year} it carried forward ${deficitWords(a)}: ${o === 'above' ? 'a larger deficit' : 'a smaller deficit (or larger surplus)'} than any of its statistical neighbours (their range: ${deficitPc(s.min!)} to ${deficitPc(s.max!)}).`, sectionId: 'money' });
  } else {
    details.push(`The council did not exist in its present form at 31 March ${d.year}; its predecessor’s figure is in the money section.`);
  }
  const value = a === null ? `No figure for 31 March ${d.year}` : a > 0 ? `Deficit of ${deficitPc(a)} of its DSG, 31 March ${d.year}` : a < 0 ? `Surplus of ${deficitPc(-a)} of its DSG, 31 March ${d.year}` : `No deficit or surplus, 31 March ${d.year}`;
  return { id: 'dsg-deficit', label: 'DSG deficit', value, details, sectionId: 'money' };
}

function spendFact(geo: GeographyIndex, area: Area, out: StandOut[]): KeyFact {
  const sp = spendFacts(area);
  const a = val(sp.c.area);
  const details: string[] = [];
  if (a !== null) {
    if (val(sp.c.england) !== null) details.push(`England £${formatNumber(val(sp.c.england)!)} a week.`);
    const s = standing(a, geo.neighboursOf(area).map((n) => val(outcomes.cell('sen_spend_per_child_week', n.laCode, sp.year))));
    details.push(`${cap(describeStanding(s, 'statistical neighbours'))}.`);
    const plans = val(hnbFacts(area).plans);
    const o = outsideRange(s, a, MONEY_STAND_OUT_MARGIN.spend);
    if (o && plans !== null && !isSmallArea(plans)) out.push({ text: `In ${fy(sp.year)} it spent about £${formatNumber(a)} a week on SEN services per child with a plan: ${o === 'above' ? 'more' : 'less'} than any of its statistical neighbours (their range: £${formatNumber(s.min!)} to £${formatNumber(s.max!)}).`, sectionId: 'money' });
  }
  return { id: 'sen-spend', label: 'Spending on SEN services per child with a plan', value: a === null ? `Not published for ${fy(sp.year)}` : `£${formatNumber(a)} a week in ${fy(sp.year)}`, details, sectionId: 'money' };
}

/** The money and prevalence key facts, in page order; stand-outs are appended to `out`. */
export function moneyKeyFacts(geo: GeographyIndex, area: Area, out: StandOut[]): KeyFact[] {
  return [prevalenceFact(geo, area, out), hnbFact(geo, area, out), deficitFact(geo, area, out), spendFact(geo, area, out)].filter((f): f is KeyFact => f !== null);
}
