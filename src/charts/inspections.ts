/**
 * Inspection charts: WSOA rate by year, 2023-framework outcomes by year and by
 * region (national), and each area's inspection timeline (SVG drawn here).
 * Every number comes from the inspections read model (src/read/inspections-data.ts).
 */
import * as Plot from '@observablehq/plot';
import type { AreaInspections } from '../datasets/inspections/index.ts';
import type { Column } from '../lib/downloads.ts';
import { formatDate, formatMonth, formatNumber, formatPercent, listInProse, plural } from '../lib/format.ts';
import type { Area } from '../lib/geography.ts';
import { LATEST_LABELS, NEXT_RULES, OUTCOME_LABELS, PROGRESS_LABELS, type InspectionEvent, type LatestClass } from '../lib/inspections.ts';
import { geo } from '../read/site.ts';
import { CHART_WIDTH, PALETTE, PHONE_WIDTH, textWidth } from './render.ts';
import { escapeXml, wrapLines } from './svg.ts';
import { areaBySlug } from './places.ts';
import { theRegion, theRegionCapitalised } from '../lib/words.ts';
import type { ChartFactory, ChartSpec } from './types.ts';

import { ENGLAND as ENGLAND_CODE } from '../lib/series.ts';
import { areaInspections, eventById, eventsOf, inspections, RELEASE, SOURCE_IDS, SOURCE_LINE } from '../read/inspections-data.ts';
export { ENGLAND_CODE };

/** Fill, pattern and text colour for each latest-outcome class: never colour alone (label and pattern too). */
export const LATEST_STYLE: Record<LatestClass, { fill: string; pattern: 'none' | 'dots' | 'hatch' | 'cross'; ink: string; text: string }> = {
  'outcome-1': { fill: PALETTE.blue, pattern: 'none', ink: '#ffffff', text: '#ffffff' },
  'outcome-2': { fill: PALETTE.turquoise, pattern: 'dots', ink: '#0b0c0c', text: '#0b0c0c' },
  'outcome-3': { fill: PALETTE.maroon, pattern: 'hatch', ink: '#ffffff', text: '#ffffff' },
  'not-yet': { fill: PALETTE.grey, pattern: 'cross', ink: '#505a5f', text: '#0b0c0c' },
};
export const LATEST_ORDER: LatestClass[] = ['outcome-1', 'outcome-2', 'outcome-3', 'not-yet'];


const SHORT_OUTCOME = { 1: 'positive experiences', 2: 'inconsistent experiences', 3: 'systemic failings' } as const;

// ---------------------------------------------------------------- WSOA by year

function wsoaByYear(): ChartSpec {
  const rows = inspections.firstCycleByYear
    .filter((r) => r.geographyCode === ENGLAND_CODE)
    .map((r) => ({
      academic_year: r.academicYear,
      published: r.published,
      wsoa: r.wsoa,
      no_wsoa: r.published - r.wsoa,
      wsoa_share: r.published === 0 ? null : (100 * r.wsoa) / r.published,
      cumulative_published: r.cumulativePublished,
      cumulative_wsoa: r.cumulativeWsoa,
      cumulative_share: r.cumulativePublished === 0 ? null : (100 * r.cumulativeWsoa) / r.cumulativePublished,
    }));
  const columns: Column[] = [
    { name: 'academic_year', type: 'Filter', label: 'Academic year published' },
    { name: 'published', type: 'Indicator', label: 'Inspections published', unit: '', dp: 0 },
    { name: 'wsoa', type: 'Indicator', label: 'Written statement of action required', unit: '', dp: 0 },
    { name: 'no_wsoa', type: 'Indicator', label: 'Not required', unit: '', dp: 0 },
    { name: 'wsoa_share', type: 'Indicator', label: 'Share needing a WSOA', unit: '%', dp: 0 },
    { name: 'cumulative_published', type: 'Indicator', label: 'Published so far', unit: '', dp: 0 },
    { name: 'cumulative_wsoa', type: 'Indicator', label: 'Needing a WSOA so far', unit: '', dp: 0 },
    { name: 'cumulative_share', type: 'Indicator', label: 'Share so far', unit: '%', dp: 0 },
  ];
  const last = rows.at(-1)!;
  const peak = rows.reduce((m, r) => ((r.wsoa_share ?? -1) > (m.wsoa_share ?? -1) ? r : m));
  const bars = rows.flatMap((r) => [
    { year: r.academic_year, group: 'Written statement of action required', y1: 0, y2: r.wsoa },
    { year: r.academic_year, group: 'Not required', y1: r.wsoa, y2: r.published },
  ]);
  const o = inspections.ofsted2022;
  return {
    id: 'inspections-wsoa-by-year',
    key: 'england',
    title: `${formatPercent(last.cumulative_share!, 0)} of areas needed a Written Statement of Action`,
    subtitle: 'First-framework local area SEND inspections (2016 to 2022), England, by academic year the letter was published',
    source: SOURCE_LINE,
    sourceIds: SOURCE_IDS,
    release: RELEASE,
    columns,
    rows,
    summary: `${formatNumber(last.cumulative_published)} local areas were inspected under the first framework. ${formatNumber(last.cumulative_wsoa)} of them (${formatPercent(last.cumulative_share!, 0)}) had to write a Written Statement of Action. The highest share was in ${peak.academic_year}, when ${formatNumber(peak.wsoa)} of ${formatNumber(peak.published)} inspections published (${formatPercent(peak.wsoa_share!, 0)}) required one.`,
    notes: [
      `Includes ${listInProse(inspections.fromOfstedNotes)} as they were before their reorganisation, which Ofsted lists in the notes to its table. Ofsted’s main table has ${formatNumber(o.areas)} areas, ${formatNumber(o.wsoa)} of which needed a WSOA.`,
      'Few letters were published in 2020/21 because inspections paused during the coronavirus (COVID-19) pandemic.',
    ],
    // On a phone the year labels stand upright so nine of them fit side by side.
    get phonePlot() {
      const p = this.plot as Plot.PlotOptions;
      return { ...p, marginBottom: 70, x: { ...(p.x as Plot.ScaleOptions), tickRotate: -90 } };
    },
    plot: {
      height: 320,
      marginLeft: 44,
      marginBottom: 56,
      x: { label: null, domain: rows.map((r) => r.academic_year), tickRotate: -30 },
      y: { label: 'Inspections published', grid: true },
      color: { legend: true, domain: ['Written statement of action required', 'Not required'], range: [PALETTE.blue, PALETTE.grey] },
      marks: [
        Plot.rectY(bars, { x: 'year', y1: 'y1', y2: 'y2', fill: 'group', inset: 0.5 }),
        Plot.text(rows, { x: 'academic_year', y: 'published', text: (d: (typeof rows)[number]) => (d.wsoa_share === null ? '' : `${formatPercent(d.wsoa_share, 0)}`), dy: -8, fontWeight: 700 }),
        Plot.ruleY([0]),
      ],
    },
    placeName: 'England',
    page: '/inspections/',
  };
}

/**
 * Horizontal stacked bars of outcome counts, one bar per `y` category, each
 * segment labelled with its count, and the colour key drawn in the SVG.
 */
export function stackedOutcomePlot(rows: { y: string; counts: Record<string, number> }[], classes: LatestClass[], x: Plot.ScaleOptions, extra: Partial<Plot.PlotOptions>, form: 'desktop' | 'phone' = 'desktop'): Plot.PlotOptions {
  // Category names wrap and the margin fits the longest line; a count is written in its
  // segment only where the segment is wide enough to hold it.
  const font = form === 'phone' ? 13 : 14;
  const wrapAt = form === 'phone' ? 14 : 26;
  const marginLeft = Math.max(40, ...rows.flatMap((r) => wrapLines(r.y, wrapAt)).map((l) => textWidth(l, font))) + 12;
  const plotWidth = (form === 'phone' ? PHONE_WIDTH : CHART_WIDTH) - marginLeft - 20;
  const maxTotal = Math.max(...rows.map((r) => classes.reduce((n, c) => n + (r.counts[c] ?? 0), 0)));
  const fits = (n: number) => (n / maxTotal) * plotWidth >= textWidth(String(n), font, true) + 4;
  const bars = rows.flatMap((r) => {
    let x0 = 0;
    return classes.map((c) => {
      const n = r.counts[c] ?? 0;
      const seg = { y: r.y, cls: LATEST_LABELS[c], x1: x0, x2: x0 + n, mid: x0 + n / 2, n, text: LATEST_STYLE[c].text };
      x0 += n;
      return seg;
    });
  });
  type Bar = (typeof bars)[number];
  return {
    marginBottom: 44,
    ...extra,
    marginLeft,
    x: { grid: true, labelAnchor: 'center', labelArrow: 'none', ...x },
    y: { label: null, domain: rows.map((r) => r.y), tickFormat: (d: string) => wrapLines(d, wrapAt).join('\n') },
    color: { legend: true, domain: classes.map((c) => LATEST_LABELS[c]), range: classes.map((c) => LATEST_STYLE[c].fill) },
    marks: [
      Plot.rectX(bars, { y: 'y', x1: 'x1', x2: 'x2', fill: 'cls', inset: 0.5 }),
      Plot.text(
        bars.filter((b) => b.n > 0 && fits(b.n)),
        { y: 'y', x: 'mid', text: (d: Bar) => String(d.n), fill: (d: Bar) => d.text, fontWeight: 700 },
      ),
      Plot.ruleX([0]),
    ],
  };
}

// ---------------------------------------------------------------- 2023 framework outcomes by year

function outcomesByYear(): ChartSpec {
  const national = inspections.outcomesByYear.filter((r) => r.geographyCode === ENGLAND_CODE);
  const rows = national.map((r) => ({
    year: String(r.year),
    outcome_1: r.outcome1,
    outcome_2: r.outcome2,
    outcome_3: r.outcome3,
    total: r.total,
    counted_by_publication_year: r.fromPublicationYear,
  }));
  const columns: Column[] = [
    { name: 'year', type: 'Filter', label: 'Year of inspection' },
    { name: 'outcome_1', type: 'Indicator', label: 'Outcome 1: positive', unit: '', dp: 0 },
    { name: 'outcome_2', type: 'Indicator', label: 'Outcome 2: inconsistent', unit: '', dp: 0 },
    { name: 'outcome_3', type: 'Indicator', label: 'Outcome 3: systemic failings', unit: '', dp: 0 },
    { name: 'total', type: 'Indicator', label: 'Inspections', unit: '', dp: 0 },
    { name: 'counted_by_publication_year', type: 'Indicator', label: 'Counted by publication year (start date not published)', unit: '', dp: 0 },
  ];
  const cls: LatestClass[] = ['outcome-1', 'outcome-2', 'outcome-3'];
  const all = national.reduce((t, r) => ({ n: t.n + r.total, o3: t.o3 + r.outcome3, o1: t.o1 + r.outcome1 }), { n: 0, o3: 0, o1: 0 });
  const modal = ([1, 2, 3] as const)
    .map((o) => ({ o, n: national.reduce((t, r) => t + (o === 1 ? r.outcome1 : o === 2 ? r.outcome2 : r.outcome3), 0) }))
    .reduce((m, x) => (x.n > m.n ? x : m));
  const flagged = national.filter((r) => r.fromPublicationYear > 0);
  const latest = national.at(-1)!;
  return {
    id: 'inspections-outcomes-by-year',
    key: 'england',
    title: `${formatPercent((100 * modal.n) / all.n, 0)} of inspections since 2023 found ${SHORT_OUTCOME[modal.o]}`,
    subtitle: 'Full local area SEND inspections under the framework from January 2023, England, by calendar year of inspection',
    source: SOURCE_LINE,
    sourceIds: SOURCE_IDS,
    release: RELEASE,
    columns,
    rows,
    summary: `Since January 2023 there have been ${formatNumber(all.n)} full inspections under the new framework. ${formatNumber(all.o1)} found typically positive experiences and outcomes (outcome 1) and ${formatNumber(all.o3)} found widespread or systemic failings (outcome 3). The rest found inconsistent experiences and outcomes (outcome 2).`,
    notes: [
      ...flagged.map((r) => `${r.year} includes ${plural(r.fromPublicationYear, 'inspection')} counted by the year the report was published, because the inspection dates were not published.`),
      `${latest.year} is a part year: reports published up to ${formatDate(inspections.referenceDate)}.`,
      'Monitoring inspections are not included.',
    ],
    plot: stackedOutcomePlot(
      national.map((r) => ({ y: String(r.year), counts: { 'outcome-1': r.outcome1, 'outcome-2': r.outcome2, 'outcome-3': r.outcome3 } })),
      cls,
      { label: 'Number of inspections' },
      { height: 60 + 44 * national.length },
    ),
    phonePlot: stackedOutcomePlot(
      national.map((r) => ({ y: String(r.year), counts: { 'outcome-1': r.outcome1, 'outcome-2': r.outcome2, 'outcome-3': r.outcome3 } })),
      cls,
      { label: 'Number of inspections' },
      { height: 100 + 44 * national.length },
      'phone',
    ),
    placeName: 'England',
    page: '/inspections/',
  };
}

// ---------------------------------------------------------------- latest outcome by region

function latestByRegion(): ChartSpec {
  const regions = inspections.regions;
  const rows = regions.map((r) => ({
    region: r.regionName,
    areas: r.areas,
    outcome_1: r.counts['outcome-1'],
    outcome_2: r.counts['outcome-2'],
    outcome_3: r.counts['outcome-3'],
    not_yet: r.counts['not-yet'],
  }));
  const columns: Column[] = [
    { name: 'region', type: 'Filter', label: 'Region' },
    { name: 'areas', type: 'Indicator', label: 'Local areas', unit: '', dp: 0 },
    { name: 'outcome_1', type: 'Indicator', label: 'Latest outcome 1: positive', unit: '', dp: 0 },
    { name: 'outcome_2', type: 'Indicator', label: 'Latest outcome 2: inconsistent', unit: '', dp: 0 },
    { name: 'outcome_3', type: 'Indicator', label: 'Latest outcome 3: systemic failings', unit: '', dp: 0 },
    { name: 'not_yet', type: 'Indicator', label: 'Not yet inspected under the 2023 framework', unit: '', dp: 0 },
  ];
  const share3 = (r: (typeof regions)[number]) => r.counts['outcome-3'] / r.areas;
  const most3 = [...regions].sort((a, b) => share3(b) - share3(a))[0]!;
  const mostNotYet = [...regions].sort((a, b) => b.counts['not-yet'] / b.areas - a.counts['not-yet'] / a.areas)[0]!;
  const total = (c: LatestClass) => regions.reduce((n, r) => n + r.counts[c], 0);
  return {
    id: 'inspections-latest-by-region',
    key: 'england',
    title: 'Latest inspection outcome of each area, by region',
    subtitle: `Each local area’s latest full inspection under the framework from January 2023, or none yet; ${geo.areas.length} local areas, England, to ${formatDate(inspections.referenceDate)}`,
    source: SOURCE_LINE,
    sourceIds: SOURCE_IDS,
    release: RELEASE,
    columns,
    rows,
    summary: `Of England’s ${formatNumber(geo.areas.length)} local areas, ${formatNumber(total('outcome-1'))} have a latest outcome of 1 (positive), ${formatNumber(total('outcome-2'))} of 2 (inconsistent) and ${formatNumber(total('outcome-3'))} of 3 (systemic failings); ${formatNumber(total('not-yet'))} have not yet had a full inspection under the 2023 framework. ${theRegionCapitalised(most3.regionName)} has the highest share with outcome 3 (${formatNumber(most3.counts['outcome-3'])} of ${formatNumber(most3.areas)}); ${theRegion(mostNotYet.regionName)} has the highest share not yet inspected (${formatNumber(mostNotYet.counts['not-yet'])} of ${formatNumber(mostNotYet.areas)}).`,
    notes: ['An area inspected twice under the 2023 framework is counted by its latest outcome.'],
    plot: stackedOutcomePlot(
      regions.map((r) => ({ y: r.regionName, counts: r.counts })),
      LATEST_ORDER,
      { label: 'Number of local areas' },
      { height: 80 + 36 * regions.length },
    ),
    phonePlot: stackedOutcomePlot(
      regions.map((r) => ({ y: r.regionName, counts: r.counts })),
      LATEST_ORDER,
      { label: 'Number of local areas' },
      { height: 130 + 40 * regions.length },
      'phone',
    ),
    placeName: 'England',
    page: '/inspections/',
  };
}

// ---------------------------------------------------------------- area timeline


export interface TimelineEntry {
  date: string;
  /** Shown in the date column: "2019", "Nov 2022", "by 2029". */
  when: string;
  kind: 'first-inspection' | 'revisit' | 'full-inspection' | 'expected' | 'monitoring';
  title: string;
  detail: string;
  outcome: 1 | 2 | 3 | null;
  source: string;
}

function whenOf(e: InspectionEvent): { date: string; when: string } {
  if (e.start) return { date: e.start, when: formatDate(e.start) };
  if (e.startMonth) return { date: `${e.startMonth}-01`, when: formatDate(e.startMonth) };
  if (e.publication) return { date: e.publication, when: `published ${formatDate(e.publication)}` };
  return { date: '', when: 'date not published' };
}

/** Title and one-line result of an event, as the timeline and the list show it. */
export function describeEvent(e: InspectionEvent): { title: string; detail: string } {
  const as = e.inherited ? ` (as ${e.inspectedName})` : '';
  if (e.kind === 'first-inspection') {
    return {
      title: `Inspection${as}`,
      detail: e.wsoaRequired
        ? `Written Statement of Action required${e.significantWeaknesses === null ? '' : `: ${plural(e.significantWeaknesses, 'significant weakness', 'significant weaknesses')}`}`
        : 'No Written Statement of Action required',
    };
  }
  if (e.kind === 'revisit') {
    const counts = e.weaknessesSufficient !== null && e.weaknessesInsufficient !== null ? ` (${e.weaknessesSufficient} of ${e.weaknessesSufficient + e.weaknessesInsufficient})` : '';
    return { title: `Revisit${as}`, detail: `${PROGRESS_LABELS[e.progress!]}${counts}` };
  }
  return { title: `Full inspection: outcome ${e.outcome}`, detail: OUTCOME_LABELS[e.outcome!] };
}

export function timelineEntries(a: AreaInspections): TimelineEntry[] {
  const out: TimelineEntry[] = eventsOf(a).map((e) => ({ ...whenOf(e), kind: e.kind, ...describeEvent(e), outcome: e.outcome, source: e.source }));
  const n = a.next;
  const latestOutcome = a.latestFullId ? eventById(a.latestFullId).outcome : null;
  if (n.status === 'due-now') {
    out.push({ date: inspections.referenceDate, when: 'Due now', kind: 'expected', title: 'Full inspection due', detail: 'Not yet inspected under the 2023 framework', outcome: null, source: n.rule });
  } else {
    if (n.monitoringBy) {
      out.push({
        date: n.monitoringBy,
        when: `By ${formatMonth(n.monitoringBy)}`,
        kind: 'monitoring',
        title: 'Monitoring inspection expected',
        detail: `About ${NEXT_RULES[3].monitoringMonths} months after outcome 3${n.monitoringDue ? '; monitoring visits are not in this data' : ''}`,
        outcome: null,
        source: n.rule,
      });
    }
    out.push({
      date: n.fullBy!,
      when: `By ${formatMonth(n.fullBy!)}`,
      kind: 'expected',
      title: n.overdue ? 'Full inspection overdue' : 'Next full inspection expected',
      detail: latestOutcome ? `About ${NEXT_RULES[latestOutcome].fullMonths / 12} years after outcome ${latestOutcome}` : n.rule,
      outcome: null,
      source: n.rule,
    });
  }
  return out;
}

const LINE_X = 116;
const TEXT_X = LINE_X + 20;

function marker(t: TimelineEntry, cx: number, cy: number): string {
  if (t.kind === 'first-inspection') return `<circle cx="${cx}" cy="${cy}" r="8" fill="${PALETTE.blue}"/>`;
  if (t.kind === 'revisit') return `<rect x="${cx - 7}" y="${cy - 7}" width="14" height="14" transform="rotate(45 ${cx} ${cy})" fill="#fff" stroke="${PALETTE.blue}" stroke-width="3"/>`;
  if (t.kind === 'full-inspection') {
    const st = LATEST_STYLE[`outcome-${t.outcome}` as LatestClass];
    return `<rect x="${cx - 11}" y="${cy - 11}" width="22" height="22" fill="${st.fill}" stroke="#0b0c0c"/><text x="${cx}" y="${cy + 5}" text-anchor="middle" font-size="14" font-weight="700" fill="${st.text}">${t.outcome}</text>`;
  }
  return `<rect x="${cx - 9}" y="${cy - 9}" width="18" height="18" fill="#fff" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="3 2"/>`;
}

/** Short date for the timeline's date column: "28 Jan 2019", "by Jan 2027". */
function shortWhen(t: TimelineEntry): string {
  return t.when.replace(/^(By )?(\d+ )?(\w{3})\w* (\d{4})$/, (_m, by: string | undefined, d: string | undefined, mon: string, y: string) => `${by ? 'by ' : ''}${d ?? ''}${mon} ${y}`);
}

/** A vertical timeline, one entry per row, wrapped to fit a phone screen. */
export function timelineSvg(entries: readonly TimelineEntry[], W: number = CHART_WIDTH): string {
  // Wrap to the width: bold 15 px titles about 9 px a character, 13 px details about 7.2 px.
  const titleChars = Math.floor((W - TEXT_X) / 9);
  const detailChars = Math.floor((W - TEXT_X) / 7.2);
  const parts: string[] = [];
  let y = 10;
  const centres: number[] = [];
  for (const t of entries) {
    const title = wrapLines(t.title, titleChars);
    const detail = wrapLines(t.detail, detailChars);
    const height = Math.max(40, 18 * title.length + 16 * detail.length + 14);
    const cy = y + 12;
    centres.push(cy);
    const future = t.kind === 'expected' || t.kind === 'monitoring';
    const when = wrapLines(shortWhen(t), 12);
    when.forEach((w, i) => parts.push(`<text x="0" y="${cy + 5 + i * 17}" font-size="14" font-weight="700" fill="#0b0c0c">${escapeXml(w)}</text>`));
    parts.push(marker(t, LINE_X, cy));
    title.forEach((line, i) => parts.push(`<text x="${TEXT_X}" y="${cy + 5 + i * 18}" font-size="15" font-weight="700" fill="#0b0c0c"${future ? ' font-style="italic"' : ''}>${escapeXml(line)}</text>`));
    detail.forEach((line, i) => parts.push(`<text x="${TEXT_X}" y="${cy + 5 + title.length * 18 + i * 16}" font-size="13" fill="#0b0c0c">${escapeXml(line)}</text>`));
    y += height;
  }
  const line = `<line x1="${LINE_X}" x2="${LINE_X}" y1="${centres[0]}" y2="${centres.at(-1)}" stroke="#505a5f" stroke-width="2"/>`;
  const h = y + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">${line}${parts.join('')}</svg>`;
}

const lcFirst = (s: string) => (/^[A-Z][a-z]/.test(s) && !/^(Written|Statement)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** The timeline as text: its text alternative. */
export function timelineText(entries: readonly TimelineEntry[]): string {
  return `Timeline of ${plural(entries.length, 'entry', 'entries')}, oldest first: ${entries.map((t) => `${lcFirst(t.when)}: ${lcFirst(t.title)}, ${lcFirst(t.detail)}`).join('; ')}.`;
}

const TITLE_ENDINGS: Record<LatestClass, string> = {
  'outcome-1': 'latest inspection found positive experiences',
  'outcome-2': 'latest inspection found inconsistent experiences',
  'outcome-3': 'latest inspection found systemic failings',
  'not-yet': 'due a full inspection under the 2023 framework',
};

/** An active title of at most 10 words. */
export function timelineTitle(name: string, cls: LatestClass): string {
  const candidates = [`${name}: ${TITLE_ENDINGS[cls]}`, `${name}: ${TITLE_ENDINGS[cls].replace(' under the 2023 framework', '').replace('latest inspection found ', 'latest outcome, ')}`];
  return candidates.find((t) => t.split(/\s+/).length <= 10) ?? 'Inspection history and when inspectors are next due';
}

export function timelineSpec(area: Area): ChartSpec {
  const a = areaInspections(area.slug);
  const entries = timelineEntries(a);
  const columns: Column[] = [
    { name: 'date', type: 'Filter', label: 'When' },
    { name: 'event', type: 'Filter', label: 'Event' },
    { name: 'result', type: 'Filter', label: 'Result' },
    { name: 'source', type: 'Filter', label: 'Source' },
  ];
  const rows = entries.map((t) => ({ date: t.when, event: t.title, result: t.detail, source: t.source }));
  const notes: string[] = [];
  const inherited = eventsOf(a).find((e) => e.inherited);
  if (inherited) {
    const until = inherited.inheritedNote?.match(/\(before ([^)]+)\)/)?.[1] ?? 'its reorganisation';
    const was = inherited.inspectedName === area.name ? `the former ${inherited.inspectedName} county council area` : inherited.inspectedName;
    notes.push(`${area.name} was part of ${was} until ${until}, so that area’s first-framework ${eventsOf(a).some((e) => e.inherited && e.kind === 'revisit') ? 'inspection and revisit are' : 'inspection is'} shown, labelled.`);
  }
  if (a.lastDateBasis.startsWith('publication')) notes.push('The inspection dates were not published, so the expected dates run from the report’s publication date.');
  if (eventsOf(a).some((e) => e.sourceKind === 'council-or-press' || e.sourceKind === 'parliament')) notes.push('Some entries come from council, press or Parliament pages rather than Ofsted: see the source of each entry.');
  return {
    id: 'inspections-timeline',
    key: area.slug,
    title: timelineTitle(area.name, a.latestClass),
    subtitle: `Inspections by Ofsted and CQC under both frameworks, revisits, and when the next is expected; ${area.name}, 2016 to ${inspections.referenceDate.slice(0, 4)}`,
    source: SOURCE_LINE,
    sourceIds: SOURCE_IDS,
    release: RELEASE,
    columns,
    rows,
    summary: timelineText(entries),
    notes,
    svg: timelineSvg(entries),
    phoneSvg: timelineSvg(entries, PHONE_WIDTH),
    placeName: area.name,
    page: `/areas/${area.slug}/`,
  };
}

export const INSPECTION_CHARTS: ChartFactory[] = [
  { id: 'inspections-wsoa-by-year', scope: 'national', keys: () => ['england'], make: () => wsoaByYear() },
  { id: 'inspections-outcomes-by-year', scope: 'national', keys: () => ['england'], make: () => outcomesByYear() },
  { id: 'inspections-latest-by-region', scope: 'national', keys: () => ['england'], make: () => latestByRegion() },
  {
    id: 'inspections-timeline',
    scope: 'area',
    keys: () => geo.areas.map((a) => a.slug),
    make: (slug) => {
      const area = areaBySlug(slug);
      return timelineSpec(area);
    },
  },
];
