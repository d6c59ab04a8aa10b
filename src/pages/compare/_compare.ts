/**
 * The compare page island: reads ?areas=a,b,c (or repeated areas= from the
 * plain form), loads /compare-data.json, and draws the side-by-side table and
 * one small chart per area and measure (plain DOM and SVG, no library). Ticking
 * boxes updates the view and the address with history.replaceState.
 */
import type { CompareData } from '../../read/measures.ts';

type Measure = CompareData['measures'][number];
type Point = Measure['series'][string][number];

const SVG_NS = 'http://www.w3.org/2000/svg';
const BRAND = '#12436d';
const GRID = '#bfbfbf';

const output = document.getElementById('compare-output')!;
const form = document.getElementById('compare-form') as HTMLFormElement;
const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="areas[]"]')];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}
function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', text);
  a.href = href;
  return a;
}

/** Slugs from the address: "a,b" and/or repeated areas=, in order, without repeats. */
export function slugsFromSearch(search: string): { slugs: string[]; repeated: boolean } {
  const params = new URLSearchParams(search);
  const values = [...params.getAll('areas'), ...params.getAll('areas[]')];
  const slugs = values.flatMap((v) => v.split(',')).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  return { slugs: [...new Set(slugs)], repeated: values.length > 1 || params.has('areas[]') };
}

/** A period as a fractional year for the x axis: "2024-03-05", "2024-03", "2024", "202324". */
function periodToYear(p: string): number {
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(p);
  if (m) return Number(m[1]) + (Number(m[2]) - 1) / 12 + (m[3] ? (Number(m[3]) - 1) / 365 : 0);
  m = /^(\d{4})(\d{2})$/.exec(p);
  if (m) return Number(m[1]) + 0.67; // an academic year, placed at its September start
  m = /^(\d{4})$/.exec(p);
  if (m) return Number(m[1]);
  throw new Error(`compare: period "${p}" not understood`);
}

/** Words for a y-axis end: outcome codes and yes/no are categories, not amounts. */
function tickLabel(unit: Measure['unit'], v: number): string {
  if (unit === 'outcome') return `Outcome ${v}`;
  if (unit === 'yes/no') return v === 1 ? 'Yes' : 'No';
  const r = Math.round(v * 10) / 10;
  return unit === '%' ? `${r}%` : unit === '£' ? `£${r}` : String(r);
}

type RefPoints = [string, number | null][];
const ENGLAND_STROKE = '#0b0c0c';
const REGION_STROKE = '#801650';

/**
 * One small multiple: the area's line, England (solid black) and its region
 * (dashed maroon) as reference lines. The y axis always rises upwards (never
 * inverted) and is shared by every small multiple of the measure.
 */
function smallChart(points: Point[], x: [number, number], y: [number, number], unit: Measure['unit'], refs: { label: string; points: RefPoints; stroke: string; dash?: string }[], axisLabel: string): SVGSVGElement {
  const W = 230, H = 128, L = 84, R = 10, T = 22, B = 22;
  const sx = (v: number) => L + ((v - x[0]) / Math.max(1e-9, x[1] - x[0])) * (W - L - R);
  const sy = (v: number) => H - B - ((v - y[0]) / Math.max(1e-9, y[1] - y[0])) * (H - T - B);
  const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, 'aria-hidden': 'true', focusable: 'false', class: 'small-chart' });
  const label = svg('text', { x: 2, y: 12, 'font-size': 13, fill: '#0b0c0c', class: 'y-axis-label' });
  label.textContent = axisLabel;
  s.append(label);
  for (const v of [y[0], (y[0] + y[1]) / 2, y[1]]) {
    if ((unit === 'outcome' || unit === 'yes/no') && v % 1 !== 0) continue;
    s.append(svg('line', { x1: L, x2: W - R, y1: sy(v), y2: sy(v), stroke: GRID }));
    const t = svg('text', { x: L - 4, y: sy(v) + 4, 'text-anchor': 'end', 'font-size': 13, fill: '#0b0c0c', class: 'y-tick', 'data-value': v });
    t.textContent = tickLabel(unit, v);
    s.append(t);
  }
  for (const [v, anchor] of [[x[0], 'start'], [x[1], 'end']] as const) {
    const t = svg('text', { x: sx(v), y: H - 6, 'text-anchor': anchor, 'font-size': 13, fill: '#0b0c0c' });
    t.textContent = String(Math.floor(v));
    s.append(t);
  }
  for (const r of refs) {
    const known = r.points.filter((p) => p[1] !== null);
    if (known.length === 0) continue;
    const d = known.length === 1
      ? `M${L},${sy(known[0]![1]!).toFixed(1)}L${W - R},${sy(known[0]![1]!).toFixed(1)}`
      : known.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(Math.min(x[1], Math.max(x[0], periodToYear(p[0])))).toFixed(1)},${sy(p[1]!).toFixed(1)}`).join('');
    const path = svg('path', { d, fill: 'none', stroke: r.stroke, 'stroke-width': 1.5, class: 'reference-line', 'data-reference': r.label });
    if (r.dash) path.setAttribute('stroke-dasharray', r.dash);
    s.append(path);
  }
  const known = points.filter((p) => p[1] !== null);
  if (known.length > 1) {
    const d = known.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(periodToYear(p[0])).toFixed(1)},${sy(p[1]!).toFixed(1)}`).join('');
    s.append(svg('path', { d, fill: 'none', stroke: BRAND, 'stroke-width': 2.5 }));
  }
  for (const p of known) s.append(svg('circle', { cx: sx(periodToYear(p[0])), cy: sy(p[1]!), r: 4, fill: BRAND }));
  return s;
}

let data: CompareData | null = null;
let selection: string[] = [];

function render(messages: string[]): void {
  if (!data) return;
  const d = data;
  const areas = selection.map((slug) => d.areas.find((a) => a.slug === slug)!);
  const frag = document.createDocumentFragment();
  if (messages.length > 0) {
    const box = el('div', undefined, 'inset-text compare-messages');
    for (const m of messages) box.append(el('p', m));
    frag.append(box);
  }
  if (areas.length === 0) {
    frag.append(el('p', 'No areas chosen yet. Tick up to ' + d.maxAreas + ' areas below.'));
    output.replaceChildren(frag);
    return;
  }
  const h = el('h2', 'Side by side');
  h.id = 'side-by-side';
  frag.append(h);
  // The site's one table pattern (site.css .table-scroll): caption shown above in full,
  // the table scrolls sideways in a focusable region labelled by its caption.
  const captionText = `Latest position on each key measure: ${areas.map((a) => a.name).join(', ')}`;
  const shown = el('p', captionText, 'table-caption');
  shown.setAttribute('aria-hidden', 'true');
  frag.append(shown);
  const wrap = el('section', undefined, 'table-scroll');
  wrap.tabIndex = 0;
  wrap.setAttribute('aria-labelledby', 'compare-table-caption');
  const table = el('table', undefined, 'compare-table');
  table.id = 'compare-table';
  const caption = el('caption', captionText, 'visually-hidden');
  caption.id = 'compare-table-caption';
  table.append(caption);
  const head = el('tr');
  const corner = el('th', 'Measure');
  corner.scope = 'col';
  head.append(corner);
  for (const a of areas) {
    const th = el('th');
    th.scope = 'col';
    th.append(link(`/areas/${a.slug}/`, a.name), el('br'), el('span', a.region, 'secondary'));
    head.append(th);
  }
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  for (const m of d.measures) {
    const tr = el('tr');
    const th = el('th', m.label);
    th.scope = 'row';
    tr.append(th);
    for (const a of areas) {
      const last = m.series[a.slug]?.at(-1);
      const td = el('td');
      if (!last) td.textContent = m.empty;
      else {
        td.append(last[2], el('br'), el('span', last[3], 'secondary'));
        if (last[4]) td.append(el('br'), el('span', last[4], 'secondary'));
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  wrap.append(table);
  frag.append(wrap);

  const h2 = el('h2', 'Over time');
  h2.id = 'over-time';
  frag.append(h2);
  for (const m of d.measures) {
    const all = areas.flatMap((a) => m.series[a.slug] ?? []);
    const section = el('section');
    section.setAttribute('aria-label', m.label);
    section.append(el('h3', m.label), el('p', `${m.description} ${m.polarity}.`, 'chart-subtitle'));
    // England and each chosen area's region, drawn in every small multiple of the measure.
    const regionRefs = (a: CompareData['areas'][number]) => (m.regions?.[a.region] ? [{ ...m.regions[a.region]!, stroke: REGION_STROKE, dash: '4,3' }] : []);
    const englandRef = m.england ? [{ ...m.england, stroke: ENGLAND_STROKE }] : [];
    const refValues = [...(m.england?.points ?? []), ...areas.flatMap((a) => m.regions?.[a.region]?.points ?? [])].map((p) => p[1]).filter((v): v is number => v !== null);
    if (englandRef.length || m.regions) {
      const key = el('p', undefined, 'compare-key');
      key.append(el('span', `Black line: ${m.england?.label ?? 'England'}`, 'key-england'), document.createTextNode(' · '), el('span', 'Dashed maroon line: the area’s region', 'key-region'), document.createTextNode(' · '), el('span', 'Blue: the area', 'key-area'));
      section.append(key);
    }
    const values = [...all.map((p) => p[1]).filter((v): v is number => v !== null), ...refValues];
    const years = all.map((p) => periodToYear(p[0]));
    const grid = el('ul', undefined, 'small-multiples');
    if (values.length > 0) {
      // One y scale for every small multiple of the measure, from 0 (or the lowest value) up to the highest, references included.
      const y: [number, number] = m.unit === 'outcome' ? [1, 3] : m.unit === 'yes/no' ? [0, 1] : [Math.min(0, ...values), Math.max(...values)];
      const x: [number, number] = [Math.floor(Math.min(...years)), Math.ceil(Math.max(...years)) + (Math.max(...years) === Math.min(...years) ? 1 : 0)];
      for (const a of areas) {
        const pts = m.series[a.slug] ?? [];
        const li = el('li');
        li.append(el('strong', a.name));
        if (pts.length > 0) li.append(smallChart(pts, x, y, m.unit, [...englandRef, ...regionRefs(a)], m.axisLabel ?? (m.unit === 'yes/no' ? 'Yes or no' : 'Number')));
        const list = el('ul', undefined, 'points');
        if (pts.length === 0) list.append(el('li', m.empty));
        for (const p of pts) list.append(el('li', `${p[3]}: ${p[2]}${p[4] ? ` (${p[4]})` : ''}`));
        li.append(list);
        grid.append(li);
      }
      section.append(grid);
    } else {
      section.append(el('p', `${m.empty} (all ${areas.length} areas).`));
    }
    section.append(el('p', `Source: ${m.source}, ${m.release}.`, 'chart-source'));
    frag.append(section);
  }
  output.replaceChildren(frag);
}

function setUrl(): void {
  const url = selection.length > 0 ? `/compare/?areas=${selection.join(',')}` : '/compare/';
  if (`${location.pathname}${location.search}` !== url) history.replaceState(null, '', url);
}

async function start(): Promise<void> {
  const { slugs, repeated } = slugsFromSearch(location.search);
  output.replaceChildren(el('p', slugs.length > 0 ? 'Loading…' : ''));
  const res = await fetch('/compare-data.json');
  if (!res.ok) throw new Error(`compare-data.json: ${res.status}`);
  data = (await res.json()) as CompareData;
  const known = new Set(data.areas.map((a) => a.slug));
  const messages: string[] = [];
  const unknown = slugs.filter((s) => !known.has(s));
  if (unknown.length > 0) messages.push(`No area called ${unknown.map((u) => `“${u}”`).join(', ')}. Choose areas from the list below.`);
  const valid = slugs.filter((s) => known.has(s));
  if (valid.length > data.maxAreas) messages.push(`You can compare up to ${data.maxAreas} areas at once. Showing the first ${data.maxAreas}.`);
  selection = valid.slice(0, data.maxAreas);
  for (const b of boxes) b.checked = selection.includes(b.value);
  // A form submission gives areas=a&areas=b: show the shorter shareable form.
  if (repeated) setUrl();
  render(messages);
}

form.addEventListener('change', (ev) => {
  const box = ev.target as HTMLInputElement;
  if (!data || box.type !== 'checkbox') return;
  const messages: string[] = [];
  if (box.checked) {
    if (selection.length >= data.maxAreas) {
      box.checked = false;
      messages.push(`You can compare up to ${data.maxAreas} areas at once. Untick one first.`);
    } else selection.push(box.value);
  } else selection = selection.filter((s) => s !== box.value);
  setUrl();
  render(messages);
});

// With the script, ticks apply at once; "Compare" just takes the reader to the result.
form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  setUrl();
  document.getElementById('side-by-side')?.scrollIntoView();
});

start().catch((e: unknown) => {
  output.replaceChildren(el('p', `The comparison could not be loaded (${(e as Error).message}). Use the list below, or each area's neighbours page.`));
});
