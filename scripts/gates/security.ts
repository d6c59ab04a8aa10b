/**
 * Security gate (static): Content-Security-Policy meta with no 'unsafe-inline' in script-src,
 * every <script src> permitted by that policy, no inline event handlers, no inline scripts
 * other than JSON data blocks, no javascript: URLs.
 */
import { parseFile } from './dom.ts';
import type { Problem } from './links.ts';
import type { Page } from './site.ts';

export type Csp = Map<string, string[]>;

export function parseCsp(content: string): Csp {
  const csp: Csp = new Map();
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!csp.has(key)) csp.set(key, values); // first occurrence wins, as in browsers
  }
  return csp;
}

/** Does a CSP source list permit loading a script from url (resolved against pageOrigin)? */
export function cspAllows(sources: string[], url: URL, pageOrigin: string): boolean {
  const list = sources.map((s) => s.toLowerCase());
  if (list.includes("'none'")) return false;
  if (url.origin === pageOrigin && list.includes("'self'")) return true;
  for (const src of list) {
    if (src.startsWith("'")) continue;
    if (src === '*') {
      if (url.protocol === 'http:' || url.protocol === 'https:') return true;
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:$/.test(src)) {
      if (url.protocol === src) return true;
      continue;
    }
    const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+|\*)(?::(\d+|\*))?/.exec(src);
    if (!m) continue;
    const [, scheme, wildcard, host] = m;
    if (scheme && `${scheme}:` !== url.protocol) continue;
    const h = url.hostname.toLowerCase();
    if (host === '*' || (wildcard ? h.endsWith(`.${host}`) : h === host)) return true;
  }
  return false;
}

const JSON_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);

export function checkSecurity(pages: Page[], pageOrigin = 'http://site.invalid'): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages) {
    const bad = (message: string) => problems.push({ page: page.url, message });
    const doc = parseFile(page.file);
    const metas = [...doc.querySelectorAll('meta[http-equiv]')].filter(
      (m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy',
    );
    let scriptSrc: string[] | undefined;
    if (metas.length === 0) bad('no <meta http-equiv="Content-Security-Policy">');
    else {
      const meta = metas[0]!;
      if (meta.parentElement?.tagName.toLowerCase() !== 'head') bad('CSP <meta> is not in <head>');
      const csp = parseCsp(meta.getAttribute('content') ?? '');
      scriptSrc = csp.get('script-src-elem') ?? csp.get('script-src') ?? csp.get('default-src');
      if (!scriptSrc) bad('CSP has neither script-src nor default-src');
      for (const d of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
        const v = csp.get(d);
        if (v && (d !== 'default-src' || !csp.has('script-src')) && v.some((s) => s.toLowerCase() === "'unsafe-inline'")) {
          bad(`CSP ${d} allows 'unsafe-inline'`);
        }
      }
    }
    for (const el of doc.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      for (const attr of [...el.attributes]) {
        const name = attr.name.toLowerCase();
        if (/^on[a-z]/.test(name)) bad(`inline event handler <${tag} ${name}="${attr.value.slice(0, 60)}">`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) && /^\s*javascript:/i.test(attr.value)) {
          bad(`javascript: URL in <${tag} ${name}>`);
        }
      }
    }
    for (const s of doc.querySelectorAll('script')) {
      const src = s.getAttribute('src');
      const type = (s.getAttribute('type') ?? '').trim().toLowerCase();
      if (src === null) {
        if (!JSON_SCRIPT_TYPES.has(type)) bad(`inline <script${type ? ` type="${type}"` : ''}> (only JSON data blocks may be inline): ${s.textContent?.trim().slice(0, 60) ?? ''}`);
        continue;
      }
      if (scriptSrc) {
        let url: URL;
        try {
          url = new URL(src, pageOrigin + page.url);
        } catch {
          bad(`<script src="${src}"> is not a valid URL`);
          continue;
        }
        if (!cspAllows(scriptSrc, url, pageOrigin)) bad(`<script src="${src}"> is not permitted by the CSP script-src (${scriptSrc.join(' ')})`);
      }
    }
  }
  return problems;
}
