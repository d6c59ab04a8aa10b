// @ts-check
import { defineConfig } from 'astro/config';
import { sitemap } from './scripts/sitemap.mjs';
import { headers } from './scripts/headers.mjs';

// The public address of the site: citations and the sitemap use it.
// Set SITE_URL when deploying; the default is a placeholder.
const site = process.env.SITE_URL ?? 'https://send-outcomes.example.org';

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
