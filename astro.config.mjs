// @ts-check
import { defineConfig } from 'astro/config';
import { sitemap } from './scripts/sitemap.mjs';
import { headers } from './scripts/headers.mjs';

import { siteOrigin } from './scripts/site-origin.mjs';

// The public address of the site, set in one place: SITE_URL (see README, "Site address").
// Canonical links, the sitemap, citations, embed codes and chart files all use it.
const site = siteOrigin();

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached stylesheet rather than CSS inlined into every page.
    inlineStylesheets: 'never',
  },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [sitemap(), headers()],
  vite: {
    build: {
      // Never inline scripts or assets as data: URLs (the CSP allows only 'self').
      assetsInlineLimit: 0,
    },
  },
});
