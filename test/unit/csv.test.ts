import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DataError, readCsv } from '../../src/lib/csv.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const columns = ['code', 'name', 'value'];

describe('readCsv', () => {
  it('strips a byte-order mark so the first column matches', async () => {
    const rows = await readCsv(fixture('bom.csv'), { columns, displayName: 'bom.csv' });
    expect(rows.map((r) => r.get('code'))).toEqual(['301', '302']);
    expect(rows[1]!.get('name')).toBe('Barnet, London');
    expect(rows[1]!.cell('value')).toEqual({ kind: 'symbol', code: 'c' });
  });

  it('never auto-types: values stay strings until parsed as cells', async () => {
    const rows = await readCsv(fixture('bom.csv'), { columns });
    expect(typeof rows[0]!.get('value')).toBe('string');
    expect(rows[0]!.cell('value')).toEqual({ kind: 'value', value: 12 });
  });

  it('names file, line and column when a column is renamed', async () => {
    await expect(readCsv(fixture('renamed-column.csv'), { columns, displayName: 'renamed-column.csv' })).rejects.toThrow(
      /^renamed-column\.csv:1 column "name": expected column not found in header/,
    );
  });

  it('names file and line for a row with missing fields', async () => {
    const err = await readCsv(fixture('short-row.csv'), { columns, displayName: 'short-row.csv' }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toBe('short-row.csv:3: expected 3 fields, found 2. Check this against the published source, or run `npm run data:fetch` to restore the file');
  });

  it('names file, line and column for a value that is not a number or symbol', async () => {
    const rows = await readCsv(fixture('bad-number.csv'), { columns, displayName: 'bad-number.csv' });
    expect(() => rows[1]!.cell('value')).toThrow('bad-number.csv:3 column "value": "twelve" is not a number or a known symbol');
  });

  it('counts physical lines across quoted line breaks', async () => {
    const rows = await readCsv(fixture('multiline.csv'), { columns, displayName: 'multiline.csv' });
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(() => rows[1]!.number('value')).toThrow(/^multiline\.csv:5 column "value"/);
  });

  it('stops on a malformed row (unclosed quote) with its line', async () => {
    await expect(readCsv(fixture('unclosed-quote.csv'), { columns, displayName: 'unclosed-quote.csv' })).rejects.toThrow(
      /^unclosed-quote\.csv:4: malformed CSV/,
    );
  });

  it('says to fetch the data when the file is missing', async () => {
    await expect(readCsv(fixture('nope.csv'), { columns, displayName: 'nope.csv' })).rejects.toThrow(
      'nope.csv: file not found (run `npm run data:fetch`)',
    );
  });

  it('reads headerless files with given columns', async () => {
    const rows = await readCsv(fixture('bom.csv'), { columns, header: ['code', 'name', 'value'] });
    expect(rows).toHaveLength(3); // the header line is data here
    expect(rows[0]!.get('code')).toBe('code');
  });
});
