/**
 * External-request gate: nothing a page loads (scripts, styles, images, fonts, frames,
 * CSS url()/@import) may come from another host. Links the reader follows are not requests.
 */
import { readFileSync } from 'node:fs';
import { cssUrls, parseFile, urlRefs } from './dom.ts';
import type { Problem } from './links.ts';
import { type Page, urlToFile } from './site.ts';

const PLACEHOLDER = 'http://site.invalid';

function isExternal(value: string, base: string, origin: string): boolean {
  if (/^(data|blob|about):/i.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return false; // the link gate reports malformed URLs
  }
  return url.origin !== PLACEHOLDER && url.origin !== origin;
}

export function checkExternalRequests(dir: string, pages: Page[], origin = ''): Problem[] {
  const problems: Problem[] = [];
  const cssChecked = new Map<string, string[]>();
  const checkCss = (file: string, cssUrl: string): string[] => {
    let found = cssChecked.get(file);
    if (!found) {
      found = [];
      cssChecked.set(file, found);
      const css = readFileSync(file, 'utf8');
      for (const u of cssUrls(css)) {
        const base = new URL(cssUrl, PLACEHOLDER).href;
        if (isExternal(u, base, origin)) found.push(u);
        else {
          const imported = new URL(u, base);
          const f = imported.origin === PLACEHOLDER ? urlToFile(dir, imported.pathname) : null;
          if (f && f.endsWith('.css')) found.push(...checkCss(f, imported.pathname).map((x) => `${x} (via ${imported.pathname})`));
        }
      }
    }
    return found;
  };
  for (const page of pages) {
    const doc = parseFile(page.file);
    const base = PLACEHOLDER + page.url;
    const bad = (message: string) => problems.push({ page: page.url, message });
    for (const ref of urlRefs(doc)) {
      if (!ref.isResource) continue;
      if (isExternal(ref.value, base, origin)) bad(`<${ref.tag} ${ref.attr}="${ref.value}"> loads from another host`);
      if (ref.tag === 'link') {
        const u = new URL(ref.value, base);
        const f = u.origin === PLACEHOLDER ? urlToFile(dir, u.pathname) : null;
        if (f && f.endsWith('.css')) for (const x of checkCss(f, u.pathname)) bad(`stylesheet ${u.pathname} loads ${x} from another host`);
      }
    }
    for (const style of doc.querySelectorAll('style')) {
      for (const u of cssUrls(style.textContent ?? '')) if (isExternal(u, base, origin)) bad(`<style> loads ${u} from another host`);
    }
    for (const el of doc.querySelectorAll('[style]')) {
      for (const u of cssUrls(el.getAttribute('style') ?? '')) if (isExternal(u, base, origin)) bad(`style attribute loads ${u} from another host`);
    }
  }
  return problems;
}
