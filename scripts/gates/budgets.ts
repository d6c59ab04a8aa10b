/**
 * Budget gate: gzipped bytes of HTML + CSS + JS each page loads, per page type, against budgets.json.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BudgetRule } from './config.ts';
import { parseFile } from './dom.ts';
import type { Problem } from './links.ts';
import { type Page, urlToFile } from './site.ts';

const PLACEHOLDER = 'http://site.invalid';
const KB = 1024;

export interface PageWeight {
  url: string;
  type: string;
  html: number;
  css: number;
  js: number;
  total: number;
  cssFiles: string[];
  jsFiles: string[];
}

const gzCache = new Map<string, number>();
export function gzipSize(file: string): number {
  let n = gzCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(file), { level: 9 }).length;
    gzCache.set(file, n);
  }
  return n;
}

export function ruleFor(url: string, rules: BudgetRule[]): BudgetRule | undefined {
  return rules.find((r) => new RegExp(r.pattern).test(url));
}

/** Static ES module imports of a bundled script (relative/absolute specifiers only). */
function jsImports(file: string, fileUrl: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:\bimport\s*(?:[\w*{}\s,$]+from\s*)?|\bexport\s*[\w*{}\s,$]+from\s*|\bimport\s*\()\s*["']([^"']+)["']/g;
  for (const m of src.matchAll(re)) {
    const spec = m[1] ?? '';
    if (spec.startsWith('.') || spec.startsWith('/')) out.push(new URL(spec, PLACEHOLDER + fileUrl).pathname);
  }
  return out;
}

export function measurePage(dir: string, page: Page, rules: BudgetRule[]): PageWeight {
  const doc = parseFile(page.file);
  const base = PLACEHOLDER + page.url;
  const css = new Set<string>();
  const js = new Set<string>();
  const local = (v: string): string | null => {
    try {
      const u = new URL(v, base);
      return u.origin === PLACEHOLDER ? u.pathname : null;
    } catch {
      return null;
    }
  };
  for (const l of doc.querySelectorAll('link[href]')) {
    const rel = (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const p = local(l.getAttribute('href') ?? '');
    if (!p) continue;
    if (rel.includes('stylesheet')) css.add(p);
    if (rel.includes('modulepreload') || (rel.includes('preload') && l.getAttribute('as') === 'script')) js.add(p);
  }
  for (const s of doc.querySelectorAll('script[src]')) {
    const p = local(s.getAttribute('src') ?? '');
    if (p) js.add(p);
  }
  // follow the module graph of the page's scripts
  const queue = [...js];
  while (queue.length) {
    const p = queue.shift()!;
    const f = urlToFile(dir, p);
    if (!f) continue;
    for (const dep of jsImports(f, p)) if (!js.has(dep)) (js.add(dep), queue.push(dep));
  }
  const sizeOf = (urls: Set<string>) =>
    [...urls].reduce((sum, u) => {
      const f = urlToFile(dir, u);
      return sum + (f ? gzipSize(f) : 0);
    }, 0);
  const html = gzipSize(page.file);
  const cssBytes = sizeOf(css);
  const jsBytes = sizeOf(js);
  return {
    url: page.url,
    type: ruleFor(page.url, rules)?.type ?? '(none)',
    html,
    css: cssBytes,
    js: jsBytes,
    total: html + cssBytes + jsBytes,
    cssFiles: [...css],
    jsFiles: [...js],
  };
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

export function checkBudgets(dir: string, pages: Page[], rules: BudgetRule[]): { problems: Problem[]; weights: PageWeight[] } {
  const problems: Problem[] = [];
  const weights: PageWeight[] = [];
  for (const page of pages) {
    const rule = ruleFor(page.url, rules);
    const w = measurePage(dir, page, rules);
    weights.push(w);
    if (!rule) {
      problems.push({ page: page.url, message: 'matches no page type in budgets.json' });
      continue;
    }
    const over = (what: string, got: number, limitKB: number) => {
      if (got > limitKB * KB) problems.push({ page: page.url, message: `${rule.type}: ${what} ${kb(got)} gzipped > budget ${limitKB} KB` });
    };
    over('total HTML+CSS+JS', w.total, rule.totalKB);
    over('CSS', w.css, rule.cssKB);
    over('JS', w.js, rule.jsKB);
  }
  return { problems, weights };
}

/** One line per page type: pages, and the largest html/css/js/total seen. */
export function summarise(weights: PageWeight[]): string {
  const byType = new Map<string, PageWeight[]>();
  for (const w of weights) byType.set(w.type, [...(byType.get(w.type) ?? []), w]);
  return [...byType.entries()]
    .map(([type, ws]) => {
      const max = (k: 'html' | 'css' | 'js' | 'total') => kb(Math.max(...ws.map((w) => w[k])));
      return `${type.padEnd(12)} pages=${String(ws.length).padStart(4)}  max html=${max('html')} css=${max('css')} js=${max('js')} total=${max('total')}`;
    })
    .join('\n');
}
