/**
 * Lighthouse gate: mobile preset (Lighthouse's default config), Debian Chromium via chrome-launcher,
 * pages served from a loopback static server, so no network is needed.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { loadConfig } from './config.ts';
import { serveDir } from './server.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  path: string;
  scores: Record<Category, number>;
  /** Failing audits in categories below their minimum, for the report. */
  failedAudits: string[];
}

export interface LighthouseOptions {
  /** Directory to serve (default dist/). */
  dir: string;
  /** URL paths to audit (default gates.config.json lighthouse.pages). */
  paths?: string[];
}

export async function runLighthouse({ dir, paths }: LighthouseOptions): Promise<LighthouseResult[]> {
  const cfg = loadConfig();
  const server = await serveDir(dir);
  const chrome = await chromeLauncher.launch({
    chromePath: cfg.chromium.executablePath,
    chromeFlags: cfg.chromium.args,
    logLevel: 'silent',
  });
  const results: LighthouseResult[] = [];
  try {
    for (const p of paths ?? cfg.lighthouse.pages) {
      const runner = await lighthouse(`${server.origin}${p}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!runner) throw new Error(`Lighthouse returned nothing for ${p}`);
      const { lhr } = runner;
      if (lhr.runtimeError) throw new Error(`Lighthouse ${p}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failedAudits: string[] = [];
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failedAudits.push(`${c}: ${ref.id} (${audit.title}) score ${audit.score}`);
        }
      }
      results.push({ path: p, scores, failedAudits });
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}

/** Problems where a score is below its minimum in gates.config.json lighthouse.minScores. */
export function belowMinimum(results: LighthouseResult[], minScores = loadConfig().lighthouse.minScores): string[] {
  const out: string[] = [];
  for (const r of results) {
    for (const c of CATEGORIES) {
      const min = minScores[c] ?? 0;
      if (r.scores[c] < min) out.push(`${r.path}: ${c} ${r.scores[c]} < ${min}`);
    }
  }
  return out;
}
