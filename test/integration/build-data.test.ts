/**
 * data:build (issue 11.14): every raw file is checked against its sha256 in
 * data/sources.json before anything is read, and output is swapped in only
 * when every dataset has built — a failure leaves the previous output as it was.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data.ts';
import { DataError } from '../../src/lib/csv.ts';
import { sha256File } from '../../src/lib/raw-check.ts';
import { MANIFEST_PATH, RAW_DIR, readManifest } from '../../src/lib/sources.ts';
import { requireRaw } from '../helpers.ts';

requireRaw();
const work = mkdtempSync(join(tmpdir(), 'build-data-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A raw folder of links to data/raw, with one file replaced, and a manifest to match (or not). */
function rawWith(replace: { path: string; content: string; updateManifest: boolean }): { rawDir: string; manifestPath: string } {
  const dir = mkdtempSync(join(work, 'raw-'));
  const manifest = readManifest();
  for (const s of manifest.sources) {
    const to = join(dir, s.path);
    mkdirSync(dirname(to), { recursive: true });
    if (s.path === replace.path) writeFileSync(to, replace.content);
    else symlinkSync(join(RAW_DIR, s.path), to);
  }
  if (replace.updateManifest) {
    const s = manifest.sources.find((x) => x.path === replace.path)!;
    s.sha256 = sha256File(join(dir, s.path));
    s.bytes = Buffer.byteLength(replace.content);
  }
  const manifestPath = join(dir, 'sources.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { rawDir: dir, manifestPath };
}

/** Output folders holding a previous build's sentinel files. */
function previousOutput(): { generated: string; publicData: string } {
  const out = mkdtempSync(join(work, 'out-'));
  const generated = join(out, 'src/generated');
  const publicData = join(out, 'public/data');
  for (const d of [generated, publicData]) {
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'previous.json'), '"previous build"');
  }
  return { generated, publicData };
}

describe('data:build', () => {
  it('stops before reading anything when a raw file differs from its sha256 in data/sources.json', async () => {
    const caseload = 'ehcp/ees_2025_release/data/caseload.csv';
    const original = readFileSync(join(RAW_DIR, caseload), 'utf8');
    const { rawDir } = rawWith({ path: caseload, content: original.replace(/,(\d+)\r?\n/, ',999999\n'), updateManifest: false });
    const targets = { ...previousOutput(), manifestPath: MANIFEST_PATH };
    const err = await buildData(rawDir, () => {}, targets).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/caseload\.csv: sha256 [0-9a-f]{64} .* does not match data\/sources\.json .*npm run data:fetch/);
    expect(readdirSync(targets.generated)).toEqual(['previous.json']);
    expect(readdirSync(targets.publicData)).toEqual(['previous.json']);
  });

  it('a header-only caseload file stops the build with a located gap, and leaves the previous output untouched', async () => {
    const caseload = 'ehcp/ees_2025_release/data/caseload.csv';
    const header = readFileSync(join(RAW_DIR, caseload), 'utf8').split('\n')[0]!;
    const { rawDir, manifestPath } = rawWith({ path: caseload, content: `${header}\n`, updateManifest: true });
    const targets = { ...previousOutput(), manifestPath };
    const err = await buildData(rawDir, () => {}, targets).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/ehcp\/ees_2025_release\/data\/caseload\.csv column "ehcplans": EHC plans at January: no rows at all for January 2019/);
    // Earlier datasets (geography, boundaries, inspections, absence) had built: none of their output leaked.
    expect(readdirSync(targets.generated)).toEqual(['previous.json']);
    expect(readdirSync(targets.publicData)).toEqual(['previous.json']);
    expect(readdirSync(dirname(targets.generated)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a successful build replaces the previous output whole', async () => {
    const targets = { ...previousOutput(), manifestPath: MANIFEST_PATH };
    await buildData(RAW_DIR, () => {}, targets);
    expect(readdirSync(targets.generated)).not.toContain('previous.json');
    expect(readdirSync(targets.generated)).toContain('ehcp.json');
    expect(readdirSync(targets.publicData)).toContain('catalogue.json');
    cpSync(targets.generated, join(work, 'kept'), { recursive: true });
  });
});
