/**
 * Link gate: every internal href/src and #anchor resolves to a file (and an id) in the build;
 * external links go only to hosts on the allow-list in gates.config.json.
 */
import path from 'node:path';
import type { GatesConfig } from './config.ts';
import { anchorsOf, parseFile, urlRefs } from './dom.ts';
import { type Page, urlToFile } from './site.ts';

export interface Problem {
  page: string;
  message: string;
}

/** '*.gov.uk' matches gov.uk and any subdomain; other patterns match exactly. */
export function hostAllowed(host: string, patterns: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((p) => {
    const pat = p.toLowerCase();
    if (pat.startsWith('*.')) {
      const base = pat.slice(2);
      return h === base || h.endsWith(`.${base}`);
    }
    return h === pat;
  });
}

const PLACEHOLDER = 'http://site.invalid';

export interface LinkCheckOptions {
  dir: string;
  pages: Page[];
  /** Site origin (from the sitemap): absolute URLs on it count as internal. */
  origin: string;
  config: GatesConfig['externalLinks'];
}

export function checkLinks({ dir, pages, origin, config }: LinkCheckOptions): Problem[] {
  const problems: Problem[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    let a = anchorCache.get(file);
    if (!a) {
      a = anchorsOf(parseFile(file));
      anchorCache.set(file, a);
    }
    return a;
  };
  for (const page of pages) {
    const doc = parseFile(page.file);
    const seen = new Set<string>();
    for (const ref of urlRefs(doc)) {
      const key = `${ref.tag}|${ref.attr}|${ref.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = `<${ref.tag} ${ref.attr}="${ref.value}">`;
      const bad = (message: string) => problems.push({ page: page.url, message: `${where}: ${message}` });
      const v = ref.value;
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
      if (scheme && scheme !== 'http' && scheme !== 'https') {
        if (scheme === 'data' && ref.isResource) continue;
        if (!config.allowedSchemes.includes(`${scheme}:`)) bad(`scheme ${scheme}: is not allowed`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(v, PLACEHOLDER + page.url);
      } catch {
        bad('not a valid URL');
        continue;
      }
      const internal = url.origin === PLACEHOLDER || (origin !== '' && url.origin === origin);
      if (!internal) {
        if (config.requireHttps && url.protocol !== 'https:') bad('external link is not https');
        else if (!hostAllowed(url.hostname, config.allowedHosts)) bad(`external host ${url.hostname} is not on the allow-list (gates.config.json externalLinks.allowedHosts)`);
        continue;
      }
      const target = v.startsWith('#') ? page.file : urlToFile(dir, url.pathname);
      if (!target) {
        bad(`no file in the build for ${url.pathname}`);
        continue;
      }
      const frag = url.hash.slice(1);
      if (frag === '' || frag.toLowerCase() === 'top') continue;
      if (!target.endsWith('.html')) continue;
      let id = frag;
      try {
        id = decodeURIComponent(frag);
      } catch {
        /* keep raw */
      }
      if (!anchors(target).has(id)) {
        const rel = path.relative(dir, target).split(path.sep).join('/');
        bad(`no element with id="${id}" in ${rel}`);
      }
    }
  }
  return problems;
}
