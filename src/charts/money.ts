/**
 * Charts for money and SEN prevalence: national charts for /money/ and
 * comparison charts for each area page. Built with the shared builders
 * (linesPlot, areaComparisonChart) and Plot marks like the other topics.
 * Financial years read "2023-24"; census years read "January 2025".
 */
import * as Plot from '@observablehq/plot';
import { BLANK, value, type Cell } from '../lib/cell.ts';
import type { Column } from '../lib/downloads.ts';
import { formatNumber, listInProse, plural } from '../lib/format.ts';
import type { Area } from '../lib/geography.ts';
import { ENGLAND } from '../lib/series.ts';
import { LAIT_RELEASE, outcomes, SEN2_SOURCE } from '../read/send-data.ts';
import { spread } from '../lib/spread.ts';
import { geo } from '../read/site.ts';
import { SEN2_PUBLISHED } from '../read/source-lines.ts';
import {
  DEFICIT_RELEASE,
  DEFICIT_SOURCE,
  deficitPc,
  deficitYears,
  fy,
  hnbGrowth,
  hnbYears,
  money,
  MONEY_RELEASE,
  MONEY_SOURCE,
  poundsShort,
  prevalence,
  PREVALENCE_RELEASE,
  PREVALENCE_SOURCE,
  SPEND_SOURCE,
} from '../read/money-data.ts';
import { areaComparisonChart } from './ehcp.ts';
import { senSupportShare } from '../read/measures.ts';
import { linesPlot } from './lines.ts';
import { SEN_NAMES, SEN_STYLE, SUBJECT_STYLE } from './series-style.ts';
import { rankedPhonePlot } from './ranked.ts';
import { PALETTE, textWidth } from './render.ts';
import { defineChart, type ChartContent, type ChartFactory } from './types.ts';

const v = (c: Cell): number | null => (c.kind === 'value' ? c.value : null);
const SEN2 = SEN2_SOURCE;

// ---------------------------------------------------------------- national

export const moneyHnb = defineChart({
  id: 'money-hnb',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const years = hnbYears();
    const rows = years.map((y) => {
      const hnb = money.cell('high_needs_block', ENGLAND, y);
      const total = money.cell('total_dsg', ENGLAND, y);
      return {
        financial_year: fy(y),
        high_needs_block: hnb,
        high_needs_block_after_deductions: money.cell('high_needs_block_after_deductions', ENGLAND, y),
        total_dsg: total,
        hnb_share: v(hnb) !== null && v(total) ? value((v(hnb)! / v(total)!) * 100) : BLANK,
      };
    });
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const g = hnbGrowth(ENGLAND, years[0]!, years.at(-1)!)!;
    const bars = rows.map((r) => ({ fy: r.financial_year, bn: v(r.high_needs_block)! / 1e9 }));
    return {
      page: '/money/',
      placeName: 'England',
      title: `High needs block up ${formatNumber(g, 0)}% since ${first.financial_year}`,
      subtitle: `High needs block of the dedicated schools grant, England, £ billion, financial years ${first.financial_year} to ${last.financial_year}, cash (not adjusted for inflation), before academy recoupment`,
      source: MONEY_SOURCE,
      sourceIds: ['dsg-allocations'],
      release: MONEY_RELEASE,
      columns: [
        { name: 'financial_year', type: 'Filter', label: 'Financial year (April to March)' },
        { name: 'high_needs_block', type: 'Indicator', label: 'High needs block, £ (before deductions)', unit: '£', dp: 0 },
        { name: 'high_needs_block_after_deductions', type: 'Indicator', label: 'High needs block after academy recoupment and direct funding of places, £', unit: '£', dp: 0 },
        { name: 'total_dsg', type: 'Indicator', label: 'Total DSG, £ (before deductions)', unit: '£', dp: 0 },
        { name: 'hnb_share', type: 'Indicator', label: 'High needs block, % of total DSG (derived)', unit: '%', dp: 1 },
      ],
      rows,
      summary: `The high needs block for England was ${poundsShort(v(last.high_needs_block)!)} in ${last.financial_year}, up ${formatNumber(g, 0)}% from ${poundsShort(v(first.high_needs_block)!)} in ${first.financial_year}. It was ${formatNumber(v(last.hnb_share)!, 1)}% of the whole dedicated schools grant. These are cash figures, not adjusted for inflation.`,
      notes: ['Allocations before academy recoupment and the Education and Skills Funding Agency’s direct funding of high-needs places; the after-deductions figures are in the table.', 'Each year is the latest version of the allocation tables in this site’s data (November 2021 for 2020-21, July 2022 for 2021-22, July 2023 for 2022-23 and 2023-24). Later versions and later years are published by the Department for Education but are not in this site’s data.'],
      plot: {
        height: 300,
        marginLeft: 56,
        marginTop: 24,
        x: { label: null, domain: bars.map((b) => b.fy) },
        y: { label: '£ billion', grid: true, tickFormat: (d: number) => `£${formatNumber(d)}bn` },
        marks: [
          Plot.barY(bars, { x: 'fy', y: 'bn', fill: PALETTE.blue }),
          Plot.text(bars, { x: 'fy', y: 'bn', text: (d: { bn: number }) => `£${formatNumber(d.bn, 2)}bn`, dy: -8, fill: PALETTE.text, fontWeight: 600 }),
          Plot.ruleY([0]),
        ],
      },
    } satisfies ChartContent;
  },
});

export const moneyHnbPerPlan = defineChart({
  id: 'money-hnb-per-plan',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const years = hnbYears();
    const rows = years.map((y) => ({
      financial_year: fy(y),
      high_needs_block: money.cell('high_needs_block', ENGLAND, y),
      plans_january: money.cell('plans_january', ENGLAND, y),
      hnb_per_plan: money.cell('hnb_per_plan', ENGLAND, y),
    }));
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const a = v(first.hnb_per_plan)!;
    const b = v(last.hnb_per_plan)!;
    const dir = Math.round(b) > Math.round(a) ? 'rose' : Math.round(b) < Math.round(a) ? 'fell' : 'stayed';
    return {
      page: '/money/',
      placeName: 'England',
      title: `High needs block per EHC plan ${dir} ${dir === 'stayed' ? 'the same' : `to £${formatNumber(b)}`}`,
      subtitle: `High needs block divided by EHC plans maintained in January of the financial year, England, £ per plan, ${first.financial_year} to ${last.financial_year}, cash (derived by this site)`,
      source: `${MONEY_SOURCE}; ${SEN2}`,
      sourceIds: ['dsg-allocations', 'ehcp-2025-caseload'],
      release: `${MONEY_RELEASE}; EHC plans, ${SEN2_PUBLISHED}`,
      columns: [
        { name: 'financial_year', type: 'Filter', label: 'Financial year (April to March)' },
        { name: 'high_needs_block', type: 'Indicator', label: 'High needs block, £', unit: '£', dp: 0 },
        { name: 'plans_january', type: 'Indicator', label: 'EHC plans at January of the financial year (January 2021 for 2020-21)', unit: '', dp: 0 },
        { name: 'hnb_per_plan', type: 'Indicator', label: 'High needs block per EHC plan, £ (derived)', unit: '£', dp: 0 },
      ],
      rows,
      summary: `In ${last.financial_year}, England's high needs block came to about £${formatNumber(b)} for each EHC plan maintained in January ${years.at(-1)}, against £${formatNumber(a)} in ${first.financial_year}: ${b > a ? 'the block grew a little faster than the number of plans' : 'the number of plans grew faster than the block'}. This is a rough guide: the block also pays for pupils without a plan, such as places in special schools and alternative provision.`,
      notes: [
        'Derived by this site, not published by the Department for Education: the high needs block (before deductions) divided by the number of children and young people aged 0 to 25 with an EHC plan maintained by the council in January of the financial year (SEN2 collection; January 2024 for 2023-24).',
        'Cash figures, not adjusted for inflation.',
      ],
      plot: { ...linesPlot(years.map((y) => ({ year: y, series: 'England', value: v(money.cell('hnb_per_plan', ENGLAND, y)) })), { England: SUBJECT_STYLE }, { yLabel: '£ per plan', unit: '£', xTickFormat: fy }), marginLeft: 84 },
    } satisfies ChartContent;
  },
});

/** The latest deficit % of every current area; null where there is no figure. */
export function deficitRankValues(): { year: number; values: { area: Area; v: number | null }[] } {
  const year = deficitYears().at(-1)!;
  return { year, values: geo.areas.map((a) => ({ area: a, v: v(money.cell('dsg_deficit_pc', a.laCode, year)) })) };
}

export const moneyDeficitRegions = defineChart({
  id: 'money-deficit-regions',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const years = deficitYears();
    const last = years.at(-1)!;
    const places = [{ key: ENGLAND, name: 'England' }, ...geo.geography.regions.map((r) => ({ key: r.code, name: r.name }))];
    const rows = places.flatMap((p) => years.map((y) => ({ place: p.name, financial_year: fy(y), deficit: money.cell('dsg_deficit_pc', p.key, y) })));
    const latest = places.map((p) => ({ name: p.name, v: v(money.cell('dsg_deficit_pc', p.key, last))!, england: p.key === ENGLAND })).sort((a, b) => b.v - a.v);
    const eng = latest.find((d) => d.england)!;
    const hi = latest.filter((d) => !d.england)[0]!;
    const lo = latest.filter((d) => !d.england).at(-1)!;
    const first = v(money.cell('dsg_deficit_pc', ENGLAND, years[0]!))!;
    return {
      page: '/money/',
      placeName: 'England',
      title: `DSG deficits reached ${deficitPc(eng.v)} of the grant by ${fy(last)}`,
      subtitle: `Cumulative dedicated schools grant deficit carried forward at 31 March, % of the total DSG allocation, England and regions, financial year ${fy(last)} (earlier years in the table)`,
      source: DEFICIT_SOURCE,
      sourceIds: ['dsg-deficit'],
      release: DEFICIT_RELEASE,
      columns: [
        { name: 'place', type: 'Filter', label: 'England or region' },
        { name: 'financial_year', type: 'Filter', label: 'Financial year (balance at 31 March at its end)' },
        { name: 'deficit', type: 'Indicator', label: 'DSG deficit, % of total DSG allocation (negative = surplus)', unit: '%', dp: 2 },
      ],
      rows,
      summary: `At 31 March ${last}, councils in England carried forward a DSG deficit of ${deficitPc(eng.v)} of their total grant, up from ${deficitPc(first)} in ${fy(years[0]!)}. By region it ranged from ${deficitPc(lo.v)} in ${lo.name} to ${deficitPc(hi.v)} in ${hi.name}.`,
      notes: [`Later years are published by the Department for Education but are not in this site’s data: the latest figure here is for ${fy(last)}.`, 'A negative figure is a surplus.'],
      plot: {
        height: 80 + latest.length * 30,
        marginLeft: Math.max(...latest.map((d) => textWidth(d.name, 14))) + 16,
        // Room for the longest value label, "2.26% (England)".
        marginRight: Math.max(...latest.map((d) => textWidth(`${deficitPc(d.v)}${d.england ? ' (England)' : ''}`, 14))) + 12,
        marginTop: 50,
        x: { label: '% of total DSG allocation', grid: true, axis: 'top', labelAnchor: 'center', labelArrow: 'none', ticks: 4, tickFormat: (d: number) => `${formatNumber(d, 1)}%` },
        y: { domain: latest.map((d) => d.name), label: null, tickSize: 0 },
        marks: [
          Plot.barX(latest, { y: 'name', x: 'v', fill: (d: { england: boolean }) => (d.england ? PALETTE.orange : PALETTE.blue) }),
          Plot.text(latest, { y: 'name', x: 'v', text: (d: { v: number; england: boolean }) => `${deficitPc(d.v)}${d.england ? ' (England)' : ''}`, dx: 4, textAnchor: 'start', fill: PALETTE.text }),
          Plot.ruleX([0]),
        ],
      },
    } satisfies ChartContent;
  },
});

export const moneyDeficitRanked = defineChart({
  id: 'money-deficit-ranked',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const { year, values } = deficitRankValues();
    // Councils as they were that year: today's areas with a figure, plus former councils (Cumbria before April 2023) that had one.
    type Entry = { name: string; region: string; v: number | null; laCode: string };
    const preds: Entry[] = Object.entries(money.json.geos)
      .filter(([k, g]) => g.kind === 'predecessor' && money.cell('dsg_deficit_pc', k, year).kind === 'value')
      .map(([k, g]) => ({ name: g.name, region: geo.regionOf(geo.area(g.successors![0]!)).name, v: v(money.cell('dsg_deficit_pc', k, year)), laCode: k }));
    const entries: Entry[] = [...values.map((d) => ({ name: d.area.name, region: geo.regionOf(d.area).name, v: d.v, laCode: d.area.laCode })), ...preds];
    const have = entries.filter((d) => d.v !== null).sort((a, b) => b.v! - a.v! || a.name.localeCompare(b.name));
    const none = entries.filter((d) => d.v === null);
    const inDeficit = have.filter((d) => d.v! > 0).length;
    const s = spread(have.map((d) => d.v))!;
    const eng = v(money.cell('dsg_deficit_pc', ENGLAND, year))!;
    const rows = [
      ...have.map((d, i) => ({ rank: i + 1, la_name: d.name, region_name: d.region, deficit: value(d.v!) })),
      ...none.map((d) => ({ rank: '', la_name: d.name, region_name: d.region, deficit: BLANK })),
    ];
    const hi = have[0]!;
    const lo = have.at(-1)!;
    const columns: Column[] = [
      { name: 'rank', type: 'Indicator', label: 'Rank (1 = largest deficit)', unit: '' },
      { name: 'la_name', type: 'Filter', label: 'Council' },
      { name: 'region_name', type: 'Filter', label: 'Region' },
      { name: 'deficit', type: 'Indicator', label: 'DSG deficit, % of total DSG allocation (negative = surplus)', unit: '%', dp: 2 },
    ];
    const whyNone = none.map((d) => (d.laCode === '201' || d.laCode === '420' ? `${d.name} (no DSG allocation in the tables)` : `${d.name} (created after ${fy(year)})`));
    const plotData = have.map((d) => ({ name: d.name, v: d.v! }));
    return {
      page: '/money/',
      placeName: 'England',
      title: `${inDeficit} of ${have.length} councils had a DSG deficit in ${fy(year)}`,
      subtitle: `Cumulative dedicated schools grant deficit at 31 March ${year}, % of each council’s total DSG allocation, ${plural(have.length, 'council')} in England, financial year ${fy(year)}, largest deficit first; below zero is a surplus`,
      source: DEFICIT_SOURCE,
      sourceIds: ['dsg-deficit'],
      release: DEFICIT_RELEASE,
      columns,
      rows,
      summary: `At 31 March ${year}, ${inDeficit} of ${have.length} councils carried forward a deficit on their dedicated schools grant. The largest was ${deficitPc(hi.v!)} of the grant in ${hi.name}; the largest surplus was ${deficitPc(-lo.v!)} in ${lo.name}. The median council had ${deficitPc(s.median)}; England as a whole ${deficitPc(eng)}.`,
      notes: [
        `No figure for ${listInProse(whyNone)}.`,
        `Councils as they were in ${fy(year)}: ${preds.length ? `${listInProse(preds.map((p) => p.name))} ${preds.length === 1 ? 'is' : 'are'} ranked as ${preds.length === 1 ? 'it was' : 'they were'} then, and ${preds.length === 1 ? 'its' : 'their'} successors have no figure of their own.` : 'every council then is still a council now.'}`,
        `Later years are published by the Department for Education but are not in this site’s data.`,
      ].filter((n) => !n.startsWith('No figure for .')),
      // Phone form: the 10 largest deficits, the 10 largest surpluses and England (the table has every council).
      phonePlot: rankedPhonePlot(plotData, { xLabel: 'Deficit (% of DSG)', format: deficitPc, tickFormat: (d: number) => `${formatNumber(d)}%`, reference: { x: eng, label: `England ${deficitPc(eng)}` } }),
      plot: {
        height: 70 + have.length * 13,
        marginLeft: Math.max(...plotData.map((d) => textWidth(d.name, 10))) + 12,
        marginRight: 40,
        marginTop: 40,
        marginBottom: 30,
        x: { grid: true, label: 'Deficit (% of DSG); below 0 is a surplus', axis: 'top', nice: true, tickFormat: (d: number) => `${formatNumber(d)}%` },
        y: { domain: plotData.map((d) => d.name), label: null, axis: null },
        marks: [
          Plot.axisY({ tickSize: 0, fontSize: 10, label: null }),
          Plot.barX(plotData, { y: 'name', x: 'v', fill: PALETTE.blue }),
          Plot.ruleX([eng], { stroke: PALETTE.orange, strokeWidth: 2, strokeDasharray: '6,3' }),
          Plot.text([{ x: eng }], { x: 'x', frameAnchor: 'bottom', text: () => `England ${deficitPc(eng)}`, dy: 18, textAnchor: 'start', dx: 4, fill: PALETTE.text, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
          Plot.ruleX([0]),
        ],
      },
    } satisfies ChartContent;
  },
});

export const moneyPrevalence = defineChart({
  id: 'sen-prevalence-england',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const years = prevalence.measure('ehcp_pc').periods;
    const rows = years.map((y) => ({
      january: y,
      ehcp_pc: prevalence.cell('ehcp_pc', ENGLAND, y),
      sen_support_pc: prevalence.cell('sen_support_pc', ENGLAND, y),
      ehcp_pc_primary: prevalence.cell('ehcp_pc_primary', ENGLAND, y),
      ehcp_pc_secondary: prevalence.cell('ehcp_pc_secondary', ENGLAND, y),
      sen_support_pc_primary: prevalence.cell('sen_support_pc_primary', ENGLAND, y),
      sen_support_pc_secondary: prevalence.cell('sen_support_pc_secondary', ENGLAND, y),
    }));
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const lines = rows.flatMap((r) => [
      { year: r.january, series: SEN_NAMES.senSupport, value: v(r.sen_support_pc) },
      { year: r.january, series: SEN_NAMES.ehcp, value: v(r.ehcp_pc) },
    ]);
    return {
      page: '/money/',
      placeName: 'England',
      title: `${formatNumber(v(last.ehcp_pc)!, 1)}% of pupils had an EHC plan in January ${last.january}`,
      subtitle: `Pupils with an EHC plan (or statement) and on SEN support, % of all pupils, all schools, England, January census ${first.january} to ${last.january}`,
      source: PREVALENCE_SOURCE,
      sourceIds: ['sen-census-prevalence'],
      release: PREVALENCE_RELEASE,
      columns: [
        { name: 'january', type: 'Filter', label: 'January (school census)' },
        { name: 'ehcp_pc', type: 'Indicator', label: 'EHC plan, % of all pupils', unit: '%', dp: 1 },
        { name: 'sen_support_pc', type: 'Indicator', label: 'SEN support, % of all pupils', unit: '%', dp: 1 },
        { name: 'ehcp_pc_primary', type: 'Indicator', label: 'EHC plan, % of primary pupils', unit: '%', dp: 1 },
        { name: 'ehcp_pc_secondary', type: 'Indicator', label: 'EHC plan, % of secondary pupils', unit: '%', dp: 2 },
        { name: 'sen_support_pc_primary', type: 'Indicator', label: 'SEN support, % of primary pupils', unit: '%', dp: 1 },
        { name: 'sen_support_pc_secondary', type: 'Indicator', label: 'SEN support, % of secondary pupils', unit: '%', dp: 1 },
      ],
      rows,
      summary: `In January ${last.january}, ${formatNumber(v(last.ehcp_pc)!, 1)}% of pupils in England had an EHC plan and ${formatNumber(v(last.sen_support_pc)!, 1)}% were on SEN support, against ${formatNumber(v(first.ehcp_pc)!, 1)}% and ${formatNumber(v(first.sen_support_pc)!, 1)}% in January ${first.january}.`,
      notes: ['School census counts pupils where they go to school, in January. EHC plan counts from the SEN2 collection cover all children and young people aged 0 to 25 that a council maintains a plan for, so the two differ.'],
      plot: linesPlot(lines, { [SEN_NAMES.senSupport]: SEN_STYLE.senSupport, [SEN_NAMES.ehcp]: SEN_STYLE.ehcp }, { yLabel: senSupportShare.axisLabel, unit: '%' }),
    } satisfies ChartContent;
  },
});

// ------------------------------------------------------------------ areas

const versus = (a: Area, f: string, l: string, what: string) => `${what}, ${a.name} compared with England, its region and the median of its 10 statistical neighbours, ${f} to ${l}`;

export const areaSenEhcpShare = areaComparisonChart({
  id: 'area-sen-ehcp-share',
  view: prevalence,
  measure: 'ehcp_pc',
  unit: '%',
  dp: 1,
  noun: 'share of pupils with a plan',
  subtitle: (a, f, l) => versus(a, `January ${f}`, String(l), 'Pupils with an EHC plan or statement, % of all pupils in its schools (school census)'),
  source: PREVALENCE_SOURCE,
  sourceIds: ['sen-census-prevalence'],
  release: PREVALENCE_RELEASE,
  periodLabel: (y) => `January ${y}`,
  tickLabel: (y) => String(y),
  periodName: 'January (school census)',
  notes: () => ['Counts pupils where they go to school. The number of EHC plans the council maintains (SEN2, ages 0 to 25) is in the table beside this chart.'],
});

export const areaSenSupportShare = areaComparisonChart({
  id: 'area-sen-support-share',
  view: prevalence,
  measure: 'sen_support_pc',
  unit: '%',
  dp: 1,
  noun: 'share of pupils on SEN support',
  subtitle: (a, f, l) => versus(a, `January ${f}`, String(l), 'Pupils on SEN support (SEN without an EHC plan), % of all pupils in its schools (school census)'),
  source: PREVALENCE_SOURCE,
  sourceIds: ['sen-census-prevalence'],
  release: PREVALENCE_RELEASE,
  periodLabel: (y) => `January ${y}`,
  tickLabel: (y) => String(y),
  periodName: 'January (school census)',
});

/** The same chart with room on the left for tick labels such as "£20,000". */
function wideTicks(f: ChartFactory, marginLeft = 84): ChartFactory {
  return { ...f, make: (key) => { const spec = f.make(key); return spec.plot ? { ...spec, plot: { ...spec.plot, marginLeft } } : spec; } };
}

export const areaHnbPerPlan = wideTicks(areaComparisonChart({
  id: 'area-hnb-per-plan',
  view: money,
  measure: 'hnb_per_plan',
  unit: '£',
  dp: 0,
  noun: 'high needs block per EHC plan',
  subtitle: (a, f, l) => versus(a, fy(f), fy(l), 'High needs block ÷ EHC plans maintained in January of the financial year, £ per plan, cash (derived by this site); financial years'),
  source: `${MONEY_SOURCE}; ${SEN2}`,
  sourceIds: ['dsg-allocations', 'ehcp-2025-caseload'],
  release: `${MONEY_RELEASE}; EHC plans, ${SEN2_PUBLISHED}`,
  periodLabel: fy,
  periodName: 'Financial year',
  extraColumns: [
    { name: 'high_needs_block', label: 'High needs block, £ (before deductions)', measure: 'high_needs_block' },
    { name: 'plans_january', label: 'EHC plans at January of the financial year', measure: 'plans_january' },
  ],
  notes: () => ['Derived by this site: the high needs block (before academy recoupment) divided by EHC plans the council maintained in January of the financial year (January 2024 for 2023-24). Not published by the Department for Education. The block also pays for pupils without a plan.', 'Cash figures, not adjusted for inflation.'],
}));

export const areaDsgDeficit = areaComparisonChart({
  id: 'area-dsg-deficit',
  view: money,
  measure: 'dsg_deficit_pc',
  unit: '%',
  dp: 2,
  noun: 'DSG deficit',
  subtitle: (a, f, l) => versus(a, fy(f), fy(l), 'Cumulative dedicated schools grant deficit at 31 March, % of total DSG allocation (below 0 is a surplus); financial years'),
  source: DEFICIT_SOURCE,
  sourceIds: ['dsg-deficit'],
  release: DEFICIT_RELEASE,
  periodLabel: fy,
  periodName: 'Financial year (balance at 31 March at its end)',
  notes: () => ['A negative figure is a surplus.', 'Later years are published by the Department for Education but are not in this site’s data.'],
});

export const areaSenSpend = areaComparisonChart({
  id: 'area-sen-spend',
  view: outcomes,
  measure: 'sen_spend_per_child_week',
  unit: '£',
  dp: 0,
  noun: 'SEN spending per child with a plan',
  subtitle: (a, f, l) => versus(a, fy(f), fy(l), 'Council spending on SEN services per child with an EHC plan, £ a week, section 251 outturn, nearest £5, cash; financial years'),
  source: SPEND_SOURCE,
  sourceIds: ['lait-store'],
  release: LAIT_RELEASE,
  periodLabel: fy,
  periodName: 'Financial year',
  notes: () => ['Spending on SEN support services, SEN transport and SEN administration (section 251 outturn), divided by children with an EHC plan at January, per week. It is not the cost of a plan, and leaves out most of the high needs block paid to schools and colleges. Small areas jump from year to year.'],
});

export const MONEY_CHARTS: ChartFactory[] = [moneyHnb, moneyHnbPerPlan, moneyDeficitRegions, moneyDeficitRanked, areaHnbPerPlan, areaDsgDeficit, areaSenSpend];
/** How many pupils have SEN (the school census): England and each area. */
export const PREVALENCE_CHARTS: ChartFactory[] = [moneyPrevalence, areaSenEhcpShare, areaSenSupportShare];
