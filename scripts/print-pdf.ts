/**
 * npm run print -- <slug> [<slug> …]
 * Prints area pages from the built site (dist/) to A4 PDFs, as a reader would
 * with "Print → Save as PDF" in Chromium: reports/print/<slug>.pdf. Serves
 * dist/ on loopback with the gates' static server. Prints each file's page count.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './gates/browser.ts';
import { ROOT } from './gates/config.ts';
import { serveDir } from './gates/server.ts';
import { DIST, requireDist } from './gates/site.ts';

export const PRINT_DIR = path.join(ROOT, 'reports/print');

/** Pages in a PDF: its /Type /Page objects (not the /Pages tree nodes). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The PDF of one built page, printed as Chromium prints it (A4, print media, backgrounds). */
export async function printPage(browser: Browser, url: string, waitFor?: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const res = await page.goto(url, { waitUntil: 'load' });
    if (!res || !res.ok()) throw new Error(`print: ${url} answered ${res?.status() ?? 'nothing'}`);
    if (waitFor) await page.waitForSelector(waitFor);
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}

async function main(slugs: string[]): Promise<void> {
  if (slugs.length === 0) throw new Error('usage: npm run print -- <area-slug> [<area-slug> …]');
  requireDist(DIST);
  mkdirSync(PRINT_DIR, { recursive: true });
  const [browser, server] = await Promise.all([launchBrowser(), serveDir(DIST)]);
  try {
    for (const slug of slugs) {
      const pdf = await printPage(browser, `${server.origin}/areas/${slug}/`);
      const file = path.join(PRINT_DIR, `${slug}.pdf`);
      writeFileSync(file, pdf);
      console.log(`print: ${path.relative(ROOT, file)}: ${countPdfPages(pdf)} A4 pages, ${(pdf.length / 1024).toFixed(0)} KB`);
    }
  } finally {
    await Promise.all([browser.close(), server.close()]);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
