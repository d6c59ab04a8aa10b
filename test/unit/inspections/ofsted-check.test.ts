/** Ofsted's own table and the check of the compiled register against it (src/datasets/inspections/ofsted-check.ts). */
import { describe, expect, it } from 'vitest';
import { checkAgainstOfsted, parseFirstCycle, parseOfstedTable } from '../../../src/datasets/inspections/index.ts';
import { files, fx } from './fixtures.ts';

describe('check against Ofsted’s own table', () => {
  it('passes when the register agrees, and names the row when it does not', async () => {
    const register = await parseFirstCycle(files.firstCycle);
    expect(() => checkAgainstOfsted(register, [], 'r.csv')).toThrow(/the register has 5 rows from Ofsted's main table, Ofsted has 0/);
    const good = await parseOfstedTable(files.ofsted);
    expect(() => checkAgainstOfsted(register, good, 'r.csv')).not.toThrow();
    const bad = await parseOfstedTable(fx('ofsted-disagrees.csv'));
    expect(() => checkAgainstOfsted(register, bad, 'r.csv')).toThrow(/^r\.csv:7: Kent \(E10000016, Ofsted line 6\): written statement of action differs/);
  });
});
