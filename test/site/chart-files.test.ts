/**
 * Issue 17 acceptance: every per-chart CSV of three areas explains itself. The area's
 * name is in it, every column is in its dictionary (data.meta.csv) with a unit, and its
 * README.txt names the source, the licence and the chart's URL. Also: every CSV the site
 * serves starts with a UTF-8 byte-order mark and has no text cell Excel would run as a formula.
 */
import { existsSync, openSync, readSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { site } from './context.ts';

const AREAS = ['coventry', 'north-northamptonshire', 'westminster'];
const EES = new Set(['c', 'x', 'z', 'low', 'k', 'u']);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0), 'CSV starts with a byte-order mark').toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors, 'CSV parses').toEqual([]);
  return parsed.data;
}

/** A cell Excel would read as a formula: starts with = + - @ tab or CR, and is not a number or the symbol "-". */
const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell) && cell !== '-';

describe('site: per-chart files explain themselves (issue 17)', () => {
  for (const slug of AREAS) {
    it(`${slug}: every chart's data.csv names the area, its dictionary gives every column a unit, its README names source, licence and URL`, () => {
      const { dir, origin } = site();
      const { document } = parseHTML(readFileSync(join(dir, 'areas', slug, 'index.html'), 'utf8'));
      const areaName = document.querySelector('h1')!.textContent!.trim();
      const figures = [...document.querySelectorAll('figure.chart')];
      expect(figures.length).toBeGreaterThanOrEqual(8);
      for (const fig of figures) {
        const id = fig.getAttribute('id')!;
        const csvHref = [...fig.querySelectorAll('.chart-actions a')].map((a) => a.getAttribute('href')!).find((h) => h.endsWith('/data.csv'))!;
        const folder = join(dir, csvHref.replace(/data\.csv$/, ''));
        for (const f of ['data.csv', 'data.meta.csv', 'README.txt']) expect(existsSync(join(folder, f)), `${id}: ${f}`).toBe(true);

        const [header, ...rows] = parseCsv(readFileSync(join(folder, 'data.csv'), 'utf8'));
        expect(rows.length, `${id}: rows`).toBeGreaterThan(0);
        const nameCol = header!.indexOf('area_name');
        expect(nameCol, `${id}: area_name column`).toBeGreaterThanOrEqual(0);
        for (const r of rows) expect(r[nameCol], `${id}: area_name`).toBe(areaName);
        expect(header).toEqual(expect.arrayContaining(['geographic_level', 'area_code', 'area_name']));
        if (header!.includes('value')) {
          // Tidy: the measure and unit in words on every row, the value a number or an EES symbol.
          const [m, u, v] = ['measure', 'unit', 'value'].map((c) => header!.indexOf(c));
          for (const r of rows) {
            expect(r[m!], `${id}: measure`).toMatch(/[a-z]{3}/i);
            expect(r[u!], `${id}: unit`).not.toBe('');
            expect(NUMBER.test(r[v!]!) || EES.has(r[v!]!) || r[v!] === '' || r[u!] === 'text', `${id}: value "${r[v!]}"`).toBe(true);
          }
        }
        for (const r of rows) for (const cell of r) expect(formulaLike(cell), `${id}: formula-like cell ${cell}`).toBe(false);

        const [dictHeader, ...dict] = parseCsv(readFileSync(join(folder, 'data.meta.csv'), 'utf8'));
        expect(dictHeader).toEqual(['col_name', 'col_type', 'label', 'unit']);
        for (const col of header!) {
          const entry = dict.find((d) => d[0] === col);
          expect(entry, `${id}: column ${col} is in data.meta.csv`).toBeDefined();
          expect(entry![2], `${id}: ${col} has a label`).not.toBe('');
          expect(entry![3], `${id}: ${col} has a unit`).not.toBe('');
        }
        expect(dict.map((d) => d[0]).sort()).toEqual([...header!].sort());

        const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
        const title = fig.querySelector('.chart-title')!.textContent!.trim();
        const source = fig.querySelector('.chart-source')!.textContent!.trim().replace(/^Source: /, '').replace(/\.$/, '');
        expect(readme.startsWith(title), `${id}: README starts with the title`).toBe(true);
        expect(readme.replace(/\s+/g, ' '), `${id}: README names the source`).toContain(source.replace(/\s+/g, ' '));
        const flat = readme.replace(/\s+/g, ' ');
        expect(flat, `${id}: README names the licence`).toMatch(/LICENCE The data are published under .*Open Government Licence v3\.0 \(https:\/\/www\.nationalarchives\.gov\.uk\/doc\/open-government-licence\/version\/3\/\)/);
        expect(flat, `${id}: README gives the attribution`).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
        expect(readme, `${id}: README gives the chart URL`).toContain(`Chart: ${origin}/areas/${slug}/#${id}`);
        expect(readme).toContain(areaName);
        expect(readme).toMatch(/SYMBOLS\n/);
        expect(readme).toMatch(/CITATION\n/);
      }
    });
  }

  it('every CSV the site serves starts with a UTF-8 byte-order mark', () => {
    const { dir } = site();
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.csv')) files.push(join(d, e.name));
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThan(1000);
    const buf = Buffer.alloc(3);
    const without = files.filter((f) => {
      const fd = openSync(f, 'r');
      readSync(fd, buf, 0, 3, 0);
      closeSync(fd);
      return !(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf);
    });
    expect(without, `CSV files without a byte-order mark:\n${without.slice(0, 10).join('\n')}`).toEqual([]);
  });

  it('no text cell in the data downloads can run as a formula in Excel, and only EES symbols appear in value columns', () => {
    const { dir } = site();
    const cat = JSON.parse(readFileSync(join(dir, 'data/catalogue.json'), 'utf8')) as { downloads: { file: string; fields: { name: string; type: string; unit?: string }[] }[] };
    for (const d of cat.downloads) {
      const [header, ...rows] = parseCsv(readFileSync(join(dir, d.file), 'utf8'));
      const indicators = d.fields.filter((f) => f.type === 'Indicator' && f.unit !== 'numberstring').map((f) => header!.indexOf(f.name));
      const bad: string[] = [];
      for (const r of rows) {
        for (const cell of r) if (formulaLike(cell)) bad.push(`formula-like cell ${JSON.stringify(cell)}`);
        for (const i of indicators) {
          const v = r[i]!;
          if (v !== '' && !NUMBER.test(v) && !EES.has(v)) bad.push(`${header![i]}: "${v}" is not an EES symbol`);
        }
      }
      expect(bad.slice(0, 10), d.file).toEqual([]);
    }
  }, 300_000);
});
