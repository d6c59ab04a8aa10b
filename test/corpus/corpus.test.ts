/**
 * The bad-input corpus (issue 11): every broken variant of every raw file type
 * either stops with a located DataError — the file named relative to the
 * project, the line, the column, the problem and what to do — or gives
 * exactly the output of the unbroken fixture.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/lib/csv.ts';
import { PROJECT_ROOT } from '../../src/lib/sources.ts';
import { corpus, type CorpusCase } from './generator.ts';

const WORK = join(PROJECT_ROOT, 'test/corpus/.work');
const cases = corpus();
const baseOutputs = new Map<string, unknown>();

function write(c: CorpusCase, content: string | Uint8Array): string {
  const dir = join(WORK, c.id.replace(/[^a-z0-9/-]+/gi, '_'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, c.name);
  writeFileSync(path, content);
  return path;
}

async function baseOutput(c: CorpusCase): Promise<unknown> {
  const key = `${c.id.split('/')[0]}`;
  if (!baseOutputs.has(key)) baseOutputs.set(key, await c.run(write({ ...c, id: `${key}/base` }, c.base!)));
  return baseOutputs.get(key);
}

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('bad-input corpus', () => {
  it('has at least 100 cases, each with a unique id', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.filter((c) => c.expect.kind === 'error').length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const path = write(c, c.content);
    const rel = relative(PROJECT_ROOT, path);
    if (c.expect.kind === 'same-as-base') {
      const out = await c.run(path);
      expect(out).toEqual(await baseOutput(c));
      return;
    }
    let error: unknown = null;
    try {
      await c.run(path);
    } catch (e) {
      error = e;
    }
    expect(error, 'the broken file must stop the build').toBeInstanceOf(DataError);
    const e = error as DataError;
    expect(e.file, 'names the file relative to the project').toBe(rel);
    expect(e.line, 'names the line').toBe(c.expect.line);
    expect(e.column, 'names the column').toBe(c.expect.column);
    expect(e.problem).toMatch(c.expect.problem);
    // The message starts "file:line column "x": " and says what to do.
    const prefix = `${rel}${c.expect.line === null ? '' : `:${c.expect.line}`}${c.expect.column === null ? '' : ` column "${c.expect.column}"`}: `;
    expect(e.message.startsWith(prefix), `${e.message} starts with ${prefix}`).toBe(true);
    expect(e.message).toMatch(/npm run|check |remove |documented exception|fix |update /i);
    expect(e.message).not.toMatch(/\/work\/|\/tmp\//);
  });
});
