/** Astro telemetry stays off in every way the project runs Astro (issue 11.16). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('Astro telemetry', () => {
  it('is disabled in every package.json script that runs astro', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const astroScripts = Object.entries(scripts).filter(([, cmd]) => /(^|[\s&;])astro(\s|$)/.test(cmd));
    expect(astroScripts.length).toBeGreaterThan(0);
    for (const [name, cmd] of astroScripts) {
      for (const m of cmd.matchAll(/(?:^|&&|;)\s*([^&;]*?\bastro\b[^&;]*)/g)) {
        if (/^\s*(npm|tsx|vitest)\b/.test(m[1]!)) continue;
        expect(m[1], `script "${name}"`).toMatch(/ASTRO_TELEMETRY_DISABLED=1\s+astro\b/);
      }
    }
  });
  it('is disabled for the whole CI run', () => {
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^export ASTRO_TELEMETRY_DISABLED=1$/m);
  });
});
