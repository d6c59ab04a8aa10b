import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from './context.ts';

describe('site: data downloads', () => {
  it('dist/data/ has CSVs, each with a .meta.csv beside it, all named in catalogue.json', () => {
    const dir = path.join(site().dir, 'data');
    expect(existsSync(dir), 'dist/data/ is missing').toBe(true);
    const files = readdirSync(dir);
    const csvs = files.filter((f) => f.endsWith('.csv') && !f.endsWith('.meta.csv'));
    expect(csvs.length).toBeGreaterThan(0);
    const missingMeta = csvs.filter((f) => !files.includes(f.replace(/\.csv$/, '.meta.csv')));
    expect(missingMeta, `CSV files without .meta.csv: ${missingMeta.join(', ')}`).toEqual([]);
    const catalogueFile = path.join(dir, 'catalogue.json');
    expect(existsSync(catalogueFile), 'dist/data/catalogue.json is missing').toBe(true);
    const catalogue = readFileSync(catalogueFile, 'utf8');
    expect(() => JSON.parse(catalogue)).not.toThrow();
    const unlisted = csvs.filter((f) => !catalogue.includes(f));
    expect(unlisted, `CSV files not named in catalogue.json: ${unlisted.join(', ')}`).toEqual([]);
  });
});
