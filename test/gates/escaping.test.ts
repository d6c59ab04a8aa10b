/**
 * Escaping gate: text that comes from data (area names, notes from data/raw/) must be rendered
 * as text, never as markup. Renders components with Astro's Container API and parses the output.
 * The fixtures pin the gate itself; the real components that print data-derived strings (the
 * chart Figure: title, subtitle, summary, notes, source, citation; the DataTable) are tested too.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import Label from '../fixtures/components/Label.astro';
import Unsafe from '../fixtures/components/Unsafe.astro';
import Figure from '../../src/components/Figure.astro';
import type { ChartSpec } from '../../src/charts/types.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'Brighton & Hove "City" <b>bold</b>',
  "'><svg onload=alert(1)>",
];

/** Problems if `text` became markup in `html`, or did not survive as text in `selector`. */
/**
 * `own` lists the markup the component always renders whatever the data (its own module script, for
 * example); anything else that is a script, image, SVG or bold element came from the data.
 */
function escapingProblems(html: string, text: string, selector: string, own: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const injected = [...document.querySelectorAll('script, img, svg, b')].filter((e) => !own.has(e.outerHTML));
  if (injected.length) problems.push(`elements created from data: ${[...injected].map((e) => e.tagName).join(', ')}`);
  for (const el of document.querySelectorAll('*')) {
    for (const a of [...el.attributes]) if (/^on/i.test(a.name)) problems.push(`event handler attribute ${a.name}`);
  }
  const el = document.querySelector(selector);
  if (el?.textContent !== text) problems.push(`text of ${selector} is ${JSON.stringify(el?.textContent)}`);
  return problems;
}

describe('Astro components escape data-derived text', async () => {
  const container = await AstroContainer.create();

  for (const text of HOSTILE) {
    it(`renders ${JSON.stringify(text)} as text and as attribute values`, async () => {
      const html = await container.renderToString(Label, { props: { name: text, note: text } });
      expect(escapingProblems(html, text, 'p.label')).toEqual([]);
      expect(escapingProblems(html, text, 'figcaption')).toEqual([]);
      const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
      const p = document.querySelector('p.label');
      expect(p?.getAttribute('title')).toBe(text);
      expect(p?.getAttribute('data-note')).toBe(text);
    });
  }

  it('catches a component that injects data as markup (set:html)', async () => {
    const html = await container.renderToString(Unsafe, { props: { name: HOSTILE[1]! } });
    expect(escapingProblems(html, HOSTILE[1]!, 'p.label')).toEqual([
      'elements created from data: IMG',
      'event handler attribute onerror',
      'text of p.label is ""',
    ]);
  });

  const figureSpec = (text: string): ChartSpec => ({
    id: 'escaping-test', key: 'england', title: text, subtitle: text, source: text, sourceIds: [], release: text,
    columns: [{ name: 'la_name', type: 'Filter', label: text }, { name: 'value', type: 'Indicator', label: 'Value' }],
    rows: [{ la_name: text, value: 1 }], summary: text, notes: [text], svg: '<i class="graphic"></i>', placeName: text, page: '/areas/',
  });
  // The Figure's own script (copy and date the citation) is rendered whatever the data: learn it from plain text.
  const plain = parseHTML(`<!DOCTYPE html><html><body>${await container.renderToString(Figure, { props: { spec: figureSpec('Plain words') } })}</body></html>`);
  const figureOwn = new Set([...plain.document.querySelectorAll('script, img, svg, b')].map((e) => e.outerHTML));

  it('the Figure renders only its own module script, with a src, when the data is plain', () => {
    expect([...figureOwn].every((h) => /^<script type="module" src="[^"]+"><\/script>$/.test(h)), [...figureOwn].join('\n')).toBe(true);
  });

  for (const text of HOSTILE) {
    it(`the chart Figure and its DataTable render ${JSON.stringify(text)} as text`, async () => {
      const html = await container.renderToString(Figure, { props: { spec: figureSpec(text) } });
      for (const selector of ['.chart-title', '.chart-subtitle', '.chart-summary', '.chart-notes li', 'table th[scope="row"]', 'table caption']) {
        expect(escapingProblems(html, text, selector, figureOwn), selector).toEqual([]);
      }
    });
  }
});
