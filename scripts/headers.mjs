// @ts-check
/**
 * Writes dist/_headers after the build: the HTTP headers a static host sends
 * with each path, in the `_headers` format that Netlify and Cloudflare Pages
 * read (GitHub Pages and plain web servers ignore the file: set the same
 * headers in their own configuration).
 *
 * Framing: the chart embeds (/embed/...) may be framed by any site; every
 * other page may not (CSP frame-ancestors 'none', and X-Frame-Options DENY for
 * older browsers). frame-ancestors only works as an HTTP header, never in the
 * <meta> CSP the pages carry (src/lib/csp.ts).
 *
 * The rules never overlap for a framing header (both hosts merge every rule
 * that matches a path, so a site-wide "deny" would also reach the embeds):
 * one rule per top-level folder and file of the built site, except /embed/.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EMBED_FRAME_POLICY = 'frame-ancestors *';
export const PAGE_FRAME_POLICY = "frame-ancestors 'none'";

/**
 * The _headers text for a built site whose top-level entries are `entries`
 * (names, with a trailing "/" for folders). Sorted, so two builds give the same bytes.
 * @param {string[]} entries
 * @returns {string}
 */
export function headersFile(entries) {
  const deny = [`  Content-Security-Policy: ${PAGE_FRAME_POLICY}`, '  X-Frame-Options: DENY'];
  /** @type {string[]} */
  const lines = [
    '# HTTP headers for Netlify and Cloudflare Pages (written by scripts/headers.mjs; do not edit).',
    '# Chart embeds under /embed/ may be framed by any site; no other page may be framed.',
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
    '/embed/*',
    `  Content-Security-Policy: ${EMBED_FRAME_POLICY}`,
    '',
    '/',
    ...deny,
    '',
  ];
  for (const e of [...entries].sort()) {
    if (e === 'embed/' || e === '_headers') continue;
    lines.push(e.endsWith('/') ? `/${e}*` : `/${e}`, ...deny, '');
  }
  return lines.join('\n');
}

/** @returns {import('astro').AstroIntegration} */
export function headers() {
  return {
    name: 'local-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const entries = readdirSync(root, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
        writeFileSync(join(root, '_headers'), headersFile(entries));
      },
    },
  };
}
