import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root (scripts/gates/ is two levels down). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BudgetRule {
  type: string;
  pattern: string;
  totalKB: number;
  cssKB: number;
  jsKB: number;
}

export interface GatesConfig {
  defaultSiteUrl: string;
  externalLinks: { allowedHosts: string[]; allowedSchemes: string[]; requireHttps: boolean };
  a11y: { axeTags: string[]; concurrency: number; focusTabStops: number; textAlternativeSelector: string };
  screenshots: { widths: number[]; pages: string[] };
  lighthouse: { pages: string[]; minScores: Record<string, number> };
  chromium: { executablePath: string; args: string[] };
  sitemapExempt: { patterns: string[] };
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

export function loadConfig(): GatesConfig {
  const cfg = readJson<GatesConfig>('gates.config.json');
  if (process.env['CHROMIUM_PATH']) cfg.chromium.executablePath = process.env['CHROMIUM_PATH'];
  return cfg;
}

export function loadBudgets(): BudgetRule[] {
  return readJson<{ pageTypes: BudgetRule[] }>('budgets.json').pageTypes;
}
