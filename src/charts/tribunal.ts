/**
 * SEND Tribunal appeal-rate charts: England (/ehc-plans/) and each area
 * against its region, its statistical neighbours and England. DfE changed how it
 * counts appealable decisions in its June 2026 release, so every chart shows
 * the old method to 2024 and the new method from 2024 as separate lines with
 * a marked break, and its table says which release and method each figure
 * comes from. Both 2024 figures are shown: the June 2026 figure is current,
 * the June 2025 figure is kept and labelled as revised.
 */
import type { Cell } from '../lib/cell.ts';
import type { Column, CsvValue } from '../lib/downloads.ts';
import { listInProse } from '../lib/format.ts';
import { ENGLAND } from '../lib/series.ts';
import { blankReason, compare, tribunal, tribunalCautions, tribunalExtras, TRIBUNAL_RELEASE, TRIBUNAL_SOURCE } from '../read/send-data.ts';
import { compareText, fmtInt, fmtPc } from '../lib/send-text.ts';
import { geo } from '../read/site.ts';
import { AREA_SERIES } from './ehcp.ts';
import { appealRate } from '../read/measures.ts';
import { linesPlot } from './lines.ts';
import { areaBySlug } from './places.ts';
import { COMPARISON_STYLE, NEIGHBOURS_LABEL, SUBJECT_STYLE } from './series-style.ts';
import { defineChart, type ChartContent, type ChartFactory } from './types.ts';

const R = tribunalExtras.releases;
export const BREAK_YEAR = R.breakYear;
export const OLD_LABEL = 'old method';
export const NEW_LABEL = 'new method';
const METHOD_COL: Column = { name: 'method', type: 'Filter', label: 'How appealable decisions are counted' };
const RELEASE_COL: Column = { name: 'release', type: 'Filter', label: 'Release the figure comes from' };

const v = (c: Cell): number | null => (c.kind === 'value' ? c.value : null);

/** Old-method measure for a year: the current series before the break, the superseded figure at the break year. */
const oldId = (y: number, base: 'appeal_rate' | 'decisions') => (y < BREAK_YEAR ? base : `${base}_old_method`);

/** The periods on each side of the break: old method to the break year, new method from it. */
function segments(): { year: number; method: 'old' | 'new' }[] {
  const years = tribunal.measure('appeal_rate').periods;
  return [...years.filter((y) => y <= BREAK_YEAR).map((year) => ({ year, method: 'old' as const })), ...years.filter((y) => y >= BREAK_YEAR).map((year) => ({ year, method: 'new' as const }))];
}

const releaseFor = (method: 'old' | 'new') => `${method === 'old' ? R.old : R.latest}`;
const methodFor = (year: number, method: 'old' | 'new') => (method === 'old' ? (year === BREAK_YEAR ? `${OLD_LABEL} (revised in ${R.latest})` : OLD_LABEL) : NEW_LABEL);

/** The revision sentence: "DfE revised England's 2024 rate from 3.2% to 6.1% in its June 2026 release…" */
export function revisionText(key: string, name: string): string | null {
  const before = tribunal.cell('appeal_rate_old_method', key, BREAK_YEAR);
  const after = tribunal.cell('appeal_rate', key, BREAK_YEAR);
  if (before.kind !== 'value') return null;
  const now = after.kind === 'value' ? fmtPc(after.value) : 'not available on the new method';
  return `${name}’s ${BREAK_YEAR} appeal rate was revised in DfE’s ${R.latest} release from ${fmtPc(before.value)} (${R.old} release, old method) to ${now} (new method).`;
}

export const tribunalRate = defineChart({
  id: 'tribunal-rate',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const rows = segments().map(({ year, method }) => ({
      // Years are labels, never number-formatted ("2024", not "2,024").
      year: String(year),
      release: releaseFor(method),
      method: methodFor(year, method),
      appeals: tribunal.cell('appeals', ENGLAND, year),
      decisions: tribunal.cell(method === 'old' ? oldId(year, 'decisions') : 'decisions', ENGLAND, year),
      appeal_rate: tribunal.cell(method === 'old' ? oldId(year, 'appeal_rate') : 'appeal_rate', ENGLAND, year),
    }));
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    const oldBreak = rows.find((r) => r.year === String(BREAK_YEAR) && r.release === R.old)!;
    const newBreak = rows.find((r) => r.year === String(BREAK_YEAR) && r.release === R.latest)!;
    const lines = rows.map((r) => ({ year: Number(r.year), series: 'England', segment: r.release, value: v(r.appeal_rate) }));
    return {
      page: '/ehc-plans/',
      placeName: 'England',
      title: `Appeal rate ${fmtPc(v(last.appeal_rate)!)} in ${last.year} on a new method`,
      subtitle: `SEND Tribunal appeals registered as a % of appealable decisions, England, ${first.year} to ${last.year}: old method to ${BREAK_YEAR}, new method from ${BREAK_YEAR}`,
      source: TRIBUNAL_SOURCE,
      sourceIds: ['tribunal-appeals', 'tribunal-appeals-2026'],
      release: TRIBUNAL_RELEASE,
      columns: [
        { name: 'year', type: 'Filter', label: 'Calendar year' },
        RELEASE_COL,
        METHOD_COL,
        { name: 'appeals', type: 'Indicator', label: 'Appeals registered', unit: '', dp: 0 },
        { name: 'decisions', type: 'Indicator', label: 'Appealable decisions', unit: '', dp: 0 },
        { name: 'appeal_rate', type: 'Indicator', label: 'Appeal rate, %', unit: '%', dp: 1 },
      ],
      rows,
      summary:
        `In ${last.year}, ${fmtInt(v(last.appeals)!)} appeals were registered with the SEND Tribunal, against ${fmtInt(v(last.decisions)!)} decisions that could be appealed: a rate of ${fmtPc(v(last.appeal_rate)!)} on DfE’s new method. ` +
        `For ${BREAK_YEAR} the new method gives ${fmtPc(v(newBreak.appeal_rate)!)} (${fmtInt(v(newBreak.decisions)!)} decisions); the ${R.old} release gave ${fmtPc(v(oldBreak.appeal_rate)!)} (${fmtInt(v(oldBreak.decisions)!)} decisions) on the old method. ` +
        `On the old method the rate rose from ${fmtPc(v(first.appeal_rate)!)} in ${first.year}.`,
      notes: [
        R.methodNote,
        ...Object.values(tribunalExtras.englandNotes),
        'The move to a new SEN2 data collection in 2022 affects decisions for 2023.',
      ],
      plot: linesPlot(lines, { England: SUBJECT_STYLE }, { yLabel: appealRate.noun, unit: '%', breakAt: BREAK_YEAR, breakX: BREAK_YEAR, breakLabel: 'Method changed' }),
    } satisfies ChartContent;
  },
});

export const areaAppealRate = defineChart({
  id: 'area-appeal-rate',
  scope: 'area',
  keys: () => geo.areas.filter((a) => tribunal.hasGeo('appeal_rate', a.laCode)).map((a) => a.slug),
  make(slug) {
    const area = areaBySlug(slug);
    const names = AREA_SERIES(area);
    const comps = segments().map(({ year, method }) => {
      const id = method === 'old' ? oldId(year, 'appeal_rate') : 'appeal_rate';
      return {
        year,
        method,
        c: compare(tribunal, id, area, year),
        appeals: tribunal.cell('appeals', area.laCode, year),
        decisions: tribunal.cell(method === 'old' ? oldId(year, 'decisions') : 'decisions', area.laCode, year),
      };
    });
    const rows: Record<string, CsvValue>[] = comps.map((x) => ({
      year: String(x.year),
      release: releaseFor(x.method),
      method: methodFor(x.year, x.method),
      area: x.c.area,
      appeals: x.appeals,
      decisions: x.decisions,
      region: x.c.region,
      neighbours: x.c.neighbours,
      neighbours_n: x.c.neighboursWithValue,
      england: x.c.england,
    }));
    const latest = [...comps].reverse().find((x) => x.method === 'new' && x.c.area.kind === 'value');
    const firstOld = comps.find((x) => x.method === 'old' && x.c.area.kind === 'value');
    let title: string;
    let summary: string;
    if (!latest) {
      title = 'No appeal rate on DfE’s new method';
      summary = `There is no appeal rate for ${area.name} on DfE’s new method.`;
    } else {
      const a = v(latest.c.area)!;
      const e = v(latest.c.england);
      const rel = e === null ? null : a - e;
      const dir = rel === null ? '' : Math.abs(rel) < 0.05 ? 'Same as' : rel > 0 ? 'Above' : 'Below';
      title = dir ? `${dir} England on appeal rate, ${latest.year}` : `Appeal rate in ${latest.year}`;
      const counts = latest.appeals.kind === 'value' && latest.decisions.kind === 'value' ? ` (${fmtInt(latest.appeals.value)} appeals, ${fmtInt(latest.decisions.value)} appealable decisions)` : '';
      const parts = [`In ${latest.year}, ${area.name}’s appeal rate was ${fmtPc(a)}${counts} on DfE’s new method`];
      if (e !== null) parts.push(`${compareText(a, e, '%', 1)} England (${fmtPc(e)})`);
      const tail: string[] = [];
      const r = v(latest.c.region);
      const n = v(latest.c.neighbours);
      if (r !== null) tail.push(`${names.region} ${fmtPc(r)}`);
      if (n !== null) tail.push(`the median of ${latest.c.neighboursWithValue} statistical neighbours ${fmtPc(n)}`);
      summary = `${parts.join(', ')}.${tail.length ? ` For comparison: ${listInProse(tail)}.` : ''}`;
      const rev = revisionText(area.laCode, area.name);
      if (rev) summary += ` ${rev}`;
      if (firstOld && firstOld.year < BREAK_YEAR) summary += ` On the old method it was ${fmtPc(v(firstOld.c.area)!)} in ${firstOld.year}.`;
    }
    const notes: string[] = [R.methodNote];
    const flag = tribunalExtras.flags[area.laCode];
    if (flag) for (const [y, text] of Object.entries(flag)) notes.push(`${y}: ${text}`);
    const symbolWhy = (c: Cell) => (c.kind === 'symbol' && (c.code === 'x' || c.code === '..') ? 'not available' : 'no figure');
    for (const x of comps.filter((x) => x.c.area.kind !== 'value')) {
      const why = x.c.area.kind === 'blank' ? blankReason(area) : symbolWhy(x.c.area);
      notes.push(`${x.year} (${x.method === 'old' ? OLD_LABEL : NEW_LABEL}): no figure for ${area.name} (${why}).`);
    }
    const years = comps.map((x) => x.year);
    const few = comps.filter((x) => x.c.neighboursWithValue > 0 && x.c.neighboursWithValue < 10);
    if (few.length) notes.push(`Statistical neighbours: the median uses only the neighbours with a figure (${listInProse(few.map((x) => `${x.c.neighboursWithValue} of 10 in ${x.year}, ${x.method === 'old' ? OLD_LABEL : NEW_LABEL}`))}).`);
    for (const [y, text] of Object.entries(tribunalExtras.englandNotes)) if (years.includes(Number(y))) notes.push(text);
    notes.push(...(tribunalCautions[area.laCode] ?? []));
    notes.push(`The ${names.region} figure is worked out from the appeals and decisions of every council in the region that year, including councils since replaced (the table has no regional rows); areas whose decisions are not available are left out.`);

    // Old-method points first, then new-method, so each line's label sits at its latest point.
    const lines = comps.flatMap((x) => {
      const seg = x.method;
      return [
        { year: x.year, series: names.england, segment: seg, value: v(x.c.england) },
        { year: x.year, series: names.region, segment: seg, value: v(x.c.region) },
        { year: x.year, series: names.neighbours, segment: seg, value: v(x.c.neighbours) },
        // A year with a symbol is marked in the drawing (a blank year, before the area existed, is a plain gap).
        { year: x.year, series: names.area, segment: seg, value: v(x.c.area), gap: x.c.area.kind === 'symbol' ? symbolWhy(x.c.area) : null },
      ];
    });
    const styles: Record<string, { stroke: string; dash?: string; width?: number }> = {
      [names.england]: COMPARISON_STYLE.england,
      [names.region]: COMPARISON_STYLE.region,
      [names.neighbours]: COMPARISON_STYLE.neighbours,
      [names.area]: COMPARISON_STYLE.area,
    };
    return {
      page: `/areas/${slug}/`,
      placeName: area.name,
      title,
      subtitle: `SEND Tribunal appeals registered, % of appealable decisions, ${area.name} compared with England, its region and the median of its 10 statistical neighbours, ${years[0]} to ${years.at(-1)}: old method to ${BREAK_YEAR}, new method from ${BREAK_YEAR}`,
      source: TRIBUNAL_SOURCE,
      sourceIds: ['tribunal-appeals', 'tribunal-appeals-2026'],
      release: TRIBUNAL_RELEASE,
      columns: [
        { name: 'year', type: 'Filter', label: 'Year' },
        RELEASE_COL,
        METHOD_COL,
        { name: 'area', type: 'Indicator', label: area.name, unit: '%', dp: 1 },
        { name: 'appeals', type: 'Indicator', label: 'Appeals', unit: '', dp: 0 },
        { name: 'decisions', type: 'Indicator', label: 'Appealable decisions', unit: '', dp: 0 },
        { name: 'region', type: 'Indicator', label: names.region, unit: '%', dp: 1 },
        { name: 'neighbours', type: 'Indicator', label: NEIGHBOURS_LABEL, unit: '%', dp: 1 },
        { name: 'neighbours_n', type: 'Indicator', label: 'Statistical neighbours with a figure', unit: '', dp: 0 },
        { name: 'england', type: 'Indicator', label: 'England', unit: '%', dp: 1 },
      ],
      rows,
      summary,
      notes,
      plot: linesPlot(lines, styles, { yLabel: '%', unit: '%', breakAt: BREAK_YEAR, breakX: BREAK_YEAR, breakLabel: 'Method changed' }),
    } satisfies ChartContent;
  },
});

export const TRIBUNAL_CHARTS: ChartFactory[] = [tribunalRate, areaAppealRate];
