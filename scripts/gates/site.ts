/**
 * Finding the pages of a built site: sitemap locs mapped to files, embed pages,
 * and every HTML file. Works on any directory (dist/ or a test fixture).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './config.ts';

export const DIST = path.join(ROOT, 'dist');
export const DIST_MISSING = 'dist/ not found: run `npm run build` first';

/** Throws (so the calling test fails, never skips) when dist/ has not been built. */
export function requireDist(dir: string = DIST): string {
  if (!existsSync(path.join(dir, 'index.html')) && !existsSync(path.join(dir, 'sitemap.xml'))) {
    throw new Error(DIST_MISSING);
  }
  return dir;
}

export interface Page {
  /** URL path with leading slash, e.g. /areas/warwickshire/ */
  url: string;
  /** Absolute file path of the HTML file. */
  file: string;
}

/** Recursively list files under dir (relative paths with forward slashes), sorted. */
export function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, r));
    else if (entry.isFile()) out.push(r);
  }
  return out.sort();
}

/** Map a URL path (no origin) to a file in dir, or null if nothing is there. */
export function urlToFile(dir: string, urlPath: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  if (!p.startsWith('/')) p = `/${p}`;
  const full = path.join(dir, p);
  if (!full.startsWith(path.resolve(dir))) return null; // no escaping the root
  const candidates = p.endsWith('/') ? [path.join(full, 'index.html')] : [full, path.join(full, 'index.html'), `${full}.html`];
  for (const c of candidates) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

/** URL path for an HTML file in dir: a/b/index.html -> /a/b/ */
export function fileToUrl(dir: string, file: string): string {
  const rel = path.relative(dir, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

function locs(xml: string, tag: 'url' | 'sitemap'): string[] {
  const re = new RegExp(`<${tag}>[\\s\\S]*?<loc>\\s*([^<\\s]+)\\s*</loc>`, 'g');
  return [...xml.matchAll(re)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

export interface Sitemap {
  origin: string;
  pages: Page[];
  /** Problems found while reading the sitemap (locs with no file, mixed origins, ...). */
  problems: string[];
}

/** Read dir/sitemap.xml (a urlset, or a sitemapindex pointing at urlsets in dir). */
export function readSitemap(dir: string): Sitemap {
  const problems: string[] = [];
  const root = path.join(dir, 'sitemap.xml');
  if (!existsSync(root)) return { origin: '', pages: [], problems: ['sitemap.xml not found'] };
  let xml = readFileSync(root, 'utf8');
  let urls: string[] = [];
  if (/<sitemapindex[\s>]/.test(xml)) {
    for (const loc of locs(xml, 'sitemap')) {
      const f = urlToFile(dir, new URL(loc).pathname);
      if (!f) problems.push(`sitemap index points at missing ${loc}`);
      else {
        xml = readFileSync(f, 'utf8');
        urls.push(...locs(xml, 'url'));
      }
    }
  } else {
    urls = locs(xml, 'url');
  }
  if (urls.length === 0) problems.push('sitemap.xml lists no <url><loc>');
  const origins = new Set<string>();
  const pages: Page[] = [];
  const seen = new Set<string>();
  for (const loc of urls) {
    let u: URL;
    try {
      u = new URL(loc);
    } catch {
      problems.push(`sitemap loc is not an absolute URL: ${loc}`);
      continue;
    }
    origins.add(u.origin);
    if (seen.has(u.pathname)) {
      problems.push(`sitemap lists ${u.pathname} twice`);
      continue;
    }
    seen.add(u.pathname);
    const file = urlToFile(dir, u.pathname);
    if (!file || !file.endsWith('.html')) problems.push(`sitemap loc has no HTML file in the build: ${loc}`);
    else pages.push({ url: u.pathname, file });
  }
  if (origins.size > 1) problems.push(`sitemap mixes origins: ${[...origins].join(', ')}`);
  return { origin: [...origins][0] ?? '', pages, problems };
}

/** Every dir/embed/** /index.html page (embeds are noindex and not in the sitemap). */
export function embedPages(dir: string): Page[] {
  const embedDir = path.join(dir, 'embed');
  if (!existsSync(embedDir)) return [];
  return walk(embedDir)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => {
      const file = path.join(embedDir, f);
      return { url: fileToUrl(dir, file), file };
    });
}

/**
 * One embed per chart: every embed of a chart comes from the same template and chart code, so the
 * browser gates load one of each (about 20 pages rather than 800); the static gates (HTML, links,
 * figures, budgets) still read every embed.
 */
export function sampleEmbeds(embeds: Page[]): Page[] {
  const byChart = new Map<string, Page>();
  for (const e of [...embeds].sort((a, b) => a.url.localeCompare(b.url))) {
    const chart = e.url.split('/')[2] ?? e.url;
    if (!byChart.has(chart)) byChart.set(chart, e);
  }
  return [...byChart.values()];
}

/** Pages to check in a browser: the sitemap plus one embed of each chart, de-duplicated. */
export function pagesToCheck(dir: string): { pages: Page[]; problems: string[]; origin: string } {
  const sm = readSitemap(dir);
  const byUrl = new Map(sm.pages.map((p) => [p.url, p]));
  for (const e of sampleEmbeds(embedPages(dir))) if (!byUrl.has(e.url)) byUrl.set(e.url, e);
  return { pages: [...byUrl.values()], problems: sm.problems, origin: sm.origin };
}

/** Every .html file in dir (all built pages, whether or not in the sitemap). */
export function allHtmlPages(dir: string): Page[] {
  return walk(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const file = path.join(dir, f);
      return { url: fileToUrl(dir, file), file };
    });
}
