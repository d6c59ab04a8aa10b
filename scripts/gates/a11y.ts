/**
 * Accessibility gate (in a browser): axe-core with the WCAG 2.2 AA tag set on every page,
 * plus a visible-keyboard-focus check on the first few tab stops.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page as PwPage } from 'playwright-core';
import { checkEachPage } from './browser.ts';
import type { Problem } from './links.ts';
import type { Page } from './site.ts';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
function axe(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export async function runAxe(page: PwPage, tags: string[]): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe() });
  return page.evaluate(async (runOnly) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, tags);
}

const FOCUS_PROPS = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow', 'background-color', 'color', 'text-decoration-line', 'text-decoration-thickness', 'border-top-color', 'border-bottom-color', 'border-bottom-width',
  // a visually-hidden skip link that appears on focus counts as visible focus
  'clip', 'clip-path', 'position', 'transform', 'top', 'left'] as const;

/**
 * Press Tab `stops` times; each focused element must look different (outline, box-shadow,
 * colours, underline, border) from how it looked before it had focus.
 * Returns a description of each element whose focus is not visible.
 */
export async function checkFocusVisible(page: PwPage, stops: number): Promise<string[]> {
  await page.evaluate((props) => {
    const sel = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const cs = getComputedStyle(el);
      el.dataset['gateBlur'] = JSON.stringify(props.map((p) => cs.getPropertyValue(p)));
    }
  }, [...FOCUS_PROPS]);
  const failures: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate((props) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const now = props.map((p) => cs.getPropertyValue(p));
      const before = el.dataset['gateBlur'] ? (JSON.parse(el.dataset['gateBlur']) as string[]) : null;
      const hasOutline = cs.getPropertyValue('outline-style') !== 'none' && parseFloat(cs.getPropertyValue('outline-width')) > 0;
      const changed = before ? now.some((v, k) => v !== before[k]) : hasOutline;
      const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      return { label, visible: changed };
    }, [...FOCUS_PROPS]);
    if (!r) break; // no (more) focusable elements
    if (seen.has(r.label)) break; // wrapped around
    seen.add(r.label);
    if (!r.visible) failures.push(`keyboard focus not visible on ${r.label}`);
  }
  return failures;
}

export interface A11yOptions {
  browser: Browser;
  origin: string;
  pages: Page[];
  tags: string[];
  concurrency: number;
  focusTabStops: number;
}

export async function checkA11y({ browser, origin, pages, tags, concurrency, focusTabStops }: A11yOptions): Promise<Problem[]> {
  // bypassCSP: axe is injected as an inline script.
  return checkEachPage(browser, { bypassCSP: true, viewport: { width: 1280, height: 900 } }, origin, pages, concurrency, async (page, add) => {
    for (const v of await runAxe(page, tags)) {
      for (const n of v.nodes) add(`axe ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — target ${JSON.stringify(n.target)}`);
    }
    if (focusTabStops > 0) for (const f of await checkFocusVisible(page, focusTabStops)) add(f);
  });
}
