/** HTML parsing helpers shared by the static gates (linkedom, no browser). */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

export type Doc = ReturnType<typeof parseHTML>['document'];
export type El = ReturnType<Doc['querySelectorAll']>[number];

const cache = new Map<string, Doc>();

export function parseFile(file: string): Doc {
  let doc = cache.get(file);
  if (!doc) {
    doc = parseHTML(readFileSync(file, 'utf8')).document;
    if (cache.size > 400) cache.clear();
    cache.set(file, doc);
  }
  return doc;
}

export function parseString(html: string): Doc {
  return parseHTML(html).document;
}

/** All ids (and legacy a[name]) in a document: the valid #fragment targets. */
export function anchorsOf(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const el of doc.querySelectorAll('[id]')) out.add(el.getAttribute('id') ?? '');
  for (const el of doc.querySelectorAll('a[name]')) out.add(el.getAttribute('name') ?? '');
  return out;
}

export interface UrlRef {
  /** Element tag name, lower case. */
  tag: string;
  attr: string;
  value: string;
  /** True when the browser fetches it as part of loading the page (vs. a link the user follows). */
  isResource: boolean;
}

/** <link rel> values that are navigation metadata, not fetched by the browser. */
const NON_FETCHING_RELS = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'next', 'prev', 'search', 'me', 'bookmark', 'external', 'nofollow', 'noopener', 'noreferrer', 'tag', 'privacy-policy', 'terms-of-service']);

function srcsetUrls(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Every URL-bearing attribute in the document. */
export function urlRefs(doc: Doc): UrlRef[] {
  const refs: UrlRef[] = [];
  const all = doc.querySelectorAll('*');
  for (const el of all) {
    const tag = el.tagName.toLowerCase();
    const get = (a: string) => el.getAttribute(a);
    const push = (attr: string, value: string | null, isResource: boolean) => {
      if (value !== null && value.trim() !== '') refs.push({ tag, attr, value: value.trim(), isResource });
    };
    switch (tag) {
      case 'a':
      case 'area':
        push('href', get('href'), false);
        push('xlink:href', get('xlink:href'), false);
        break;
      case 'link': {
        const rels = (get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const fetches = rels.length === 0 || rels.some((r) => !NON_FETCHING_RELS.has(r));
        push('href', get('href'), fetches);
        if (get('imagesrcset')) for (const u of srcsetUrls(get('imagesrcset') ?? '')) push('imagesrcset', u, true);
        break;
      }
      case 'img':
      case 'script':
      case 'iframe':
      case 'source':
      case 'audio':
      case 'video':
      case 'track':
      case 'embed':
      case 'input':
        push('src', get('src'), true);
        if (get('srcset')) for (const u of srcsetUrls(get('srcset') ?? '')) push('srcset', u, true);
        if (tag === 'video') push('poster', get('poster'), true);
        break;
      case 'object':
        push('data', get('data'), true);
        break;
      case 'image':
      case 'use':
      case 'feimage':
        push('href', get('href'), true);
        push('xlink:href', get('xlink:href'), true);
        break;
      case 'form':
        push('action', get('action'), false);
        break;
      default:
        break;
    }
  }
  return refs;
}

/** url(...) and @import targets in a CSS string. */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) out.push((m[2] ?? '').trim());
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)) out.push((m[2] ?? '').trim());
  return out.filter((u) => u !== '');
}
