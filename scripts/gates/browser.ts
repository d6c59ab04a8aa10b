/** One shared headless Chromium (Debian /usr/bin/chromium via playwright-core). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from './config.ts';

export async function launchBrowser(): Promise<Browser> {
  const { chromium: c } = loadConfig();
  if (!existsSync(c.executablePath)) {
    throw new Error(`Chromium not found at ${c.executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: c.executablePath, args: c.args });
}

/** Run fn over items with at most `limit` in flight. Results keep input order. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}
