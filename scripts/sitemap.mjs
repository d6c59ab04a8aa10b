// @ts-check
/**
 * Writes dist/sitemap.xml after the build from the pages actually built:
 * every index.html except those marked noindex (embeds). Sorted, so two
 * builds give the same bytes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @param {string} dir @returns {string[]} */
function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(p);
    return e.name === 'index.html' ? [p] : [];
  });
}

/** @returns {import('astro').AstroIntegration} */
export function sitemap() {
  /** @type {URL | undefined} */
  let site;
  return {
    name: 'local-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': ({ dir }) => {
        if (!site) throw new Error('sitemap: set `site` in astro.config.mjs');
        const root = fileURLToPath(dir);
        const urls = htmlFiles(root)
          .filter((f) => !/<meta name="robots" content="noindex"/.test(readFileSync(f, 'utf8')))
          .map((f) => {
            const rel = relative(root, f).split(sep).slice(0, -1).join('/');
            return new URL(rel ? `${rel}/` : '', site).href;
          })
          .sort();
        const body = urls.map((u) => `  <url><loc>${u}</loc></url>`).join('\n');
        writeFileSync(join(root, 'sitemap.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
      },
    },
  };
}
