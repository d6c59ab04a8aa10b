/**
 * Issue 17 acceptance: the all-data zip's datapackage.json validates against the
 * Frictionless Data Package schema (the published draft-04 profiles, vendored in
 * test/fixtures/frictionless/) and lists every file in the zip with its schema.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { site } from './context.ts';

const PROFILES = join(import.meta.dirname, '../fixtures/frictionless');
const load = (f: string) => JSON.parse(readFileSync(join(PROFILES, f), 'utf8')) as Record<string, unknown>;

interface Field { name: string; type: string; title?: string; unit?: string }
interface Resource { name: string; path: string; profile: string; bytes: number; hash: string; schema?: { fields: Field[]; missingValues?: string[] }; sources?: unknown[]; licenses?: unknown[] }
interface Descriptor { resources: Resource[]; licenses: unknown[]; sources: unknown[] }

function zipOf(dir: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(join(dir, 'data/send-outcomes-england-data.zip'))));
}

describe('site: all the data in one download (issue 17)', () => {
  it('datapackage.json validates against the Frictionless Data Package profile; each CSV against the tabular data resource profile', () => {
    const { dir } = site();
    const descriptor = JSON.parse(readFileSync(join(dir, 'data/datapackage.json'), 'utf8')) as Descriptor;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const pkg = ajv.compile(load('data-package.json'));
    expect(pkg(descriptor), ajv.errorsText(pkg.errors)).toBe(true);
    const tabularResource = ajv.compile((load('tabular-data-package.json').properties as { resources: { items: object } }).resources.items);
    const csvs = descriptor.resources.filter((r) => r.path.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThanOrEqual(20);
    for (const r of csvs) {
      expect(r.profile).toBe('tabular-data-resource');
      expect(tabularResource(r), `${r.name}: ${ajv.errorsText(tabularResource.errors)}`).toBe(true);
      expect(r.sources?.length, `${r.name}: sources`).toBeGreaterThan(0);
      expect(r.licenses?.length, `${r.name}: licences`).toBeGreaterThan(0);
    }
    expect(descriptor.licenses.length).toBeGreaterThan(0);
    expect(descriptor.sources.length).toBeGreaterThan(0);
  });

  it('a descriptor that breaks the profile is rejected (the check can fail)', () => {
    const ajv = new Ajv({ strict: false });
    const pkg = ajv.compile(load('data-package.json'));
    expect(pkg({ name: 'Bad Name', resources: [] })).toBe(false);
    expect(pkg({ resources: [{ name: 'x' }] })).toBe(false);
  });

  it('the zip holds datapackage.json, README.txt and every download CSV with its dictionary; the descriptor lists every file with its schema, size and hash', () => {
    const { dir } = site();
    const files = zipOf(dir);
    const names = Object.keys(files).sort();
    const descriptorText = new TextDecoder().decode(files['datapackage.json']);
    expect(descriptorText, 'the zip carries the same datapackage.json as /data/').toBe(readFileSync(join(dir, 'data/datapackage.json'), 'utf8'));
    const descriptor = JSON.parse(descriptorText) as Descriptor;
    expect(names).toContain('README.txt');
    const listed = new Map(descriptor.resources.map((r) => [r.path, r]));
    for (const name of names.filter((n) => n !== 'datapackage.json')) {
      const r = listed.get(name);
      expect(r, `${name} is listed in datapackage.json`).toBeDefined();
      expect(r!.bytes, `${name}: bytes`).toBe(files[name]!.byteLength);
      expect(r!.hash, `${name}: hash`).toBe(`sha256:${createHash('sha256').update(files[name]!).digest('hex')}`);
      if (name.endsWith('.csv')) {
        expect(r!.schema?.fields.length, `${name}: schema`).toBeGreaterThan(0);
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files[name]);
        expect(text.charCodeAt(0), `${name}: byte-order mark`).toBe(0xfeff);
        const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
        expect(header, `${name}: schema fields are the file's columns, in order`).toEqual(r!.schema!.fields.map((f) => f.name));
        const missing = new Set(r!.schema!.missingValues ?? ['']);
        r!.schema!.fields.forEach((f, i) => {
          if (f.type !== 'number') return;
          expect(f.unit, `${name} ${f.name}: unit`).toBeTruthy();
          const bad = rows.map((row) => row[i]!).find((v) => !missing.has(v) && !Number.isFinite(Number(v)));
          expect(bad, `${name} ${f.name}: every value is a number or a declared missing value`).toBeUndefined();
        });
      }
    }
    for (const path of listed.keys()) expect(names, `${path} in datapackage.json is in the zip`).toContain(path);
    // Every download of the catalogue is there, with its dictionary.
    const cat = JSON.parse(readFileSync(join(dir, 'data/catalogue.json'), 'utf8')) as { downloads: { id: string }[] };
    for (const d of cat.downloads) expect(names).toEqual(expect.arrayContaining([`data/${d.id}.csv`, `data/${d.id}.meta.csv`]));
  }, 120_000);

  it('the zip is reproducible: every entry has the same fixed timestamp', () => {
    const raw = readFileSync(join(site().dir, 'data/send-outcomes-england-data.zip'));
    // End of central directory record (no comment): the central directory's entry count and offset.
    const eocd = raw.length - 22;
    expect(raw.readUInt32LE(eocd)).toBe(0x06054b50);
    const count = raw.readUInt16LE(eocd + 10);
    let at = raw.readUInt32LE(eocd + 16);
    const stamps = new Set<string>();
    for (let k = 0; k < count; k++) {
      expect(raw.readUInt32LE(at)).toBe(0x02014b50);
      stamps.add(`${raw.readUInt16LE(at + 14)}:${raw.readUInt16LE(at + 12)}`);
      at += 46 + raw.readUInt16LE(at + 28) + raw.readUInt16LE(at + 30) + raw.readUInt16LE(at + 32);
    }
    expect(count).toBeGreaterThanOrEqual(20);
    expect([...stamps]).toHaveLength(1);
    const [date] = [...stamps][0]!.split(':').map(Number) as [number];
    expect((date >> 9) + 1980).toBe(2000);
  });
});
