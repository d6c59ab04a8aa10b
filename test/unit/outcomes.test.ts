import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkLaitDictionary, LAIT_MEASURES, laitPeriod } from '../../src/datasets/outcomes.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/outcomes/${name}`, import.meta.url));
const measure = (code: string) => LAIT_MEASURES.find((m) => m.code === code)!;

describe('LAIT helpers', () => {
  it('reads LAIT year labels by the measure’s year basis', () => {
    expect(laitPeriod('2025', 'academic')).toBe(2025);
    expect(laitPeriod('2024-25 (OT)', 'financial')).toBe(2025);
    expect(() => laitPeriod('2024-26 (OT)', 'financial')).toThrow(/not a financial year/);
    expect(() => laitPeriod('2014-16', 'academic')).toThrow(/not a year/);
  });

  it('accepts a measure the dictionary describes as expected (across a line break)', async () => {
    await expect(checkLaitDictionary(fixture('lait_dictionary.csv'), [measure('SEN_TotStat')])).resolves.toBeUndefined();
  });

  it('stops when the dictionary gives a measure another year basis, naming the line', async () => {
    await expect(checkLaitDictionary(fixture('lait_dictionary.csv'), [measure('SENFinance')])).rejects.toThrow(/lait_dictionary\.csv:4 column "Year_Type": SENFinance: expected "Financial Year"/);
  });

  it('stops when a measure is missing from the dictionary', async () => {
    await expect(checkLaitDictionary(fixture('lait_dictionary.csv'), [measure('SEN_Stat_AVG_Attain8_Score')])).rejects.toThrow(/not in the dictionary/);
  });
});
