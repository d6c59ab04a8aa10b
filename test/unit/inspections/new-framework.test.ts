/** The 2023-framework register (src/datasets/inspections/new-framework.ts): validation errors, and codes that do not join (events.ts). */
import { describe, expect, it } from 'vitest';
import { newFrameworkError } from './fixtures.ts';

describe('2023-framework register: validation errors', () => {
  it.each([
    ['nf-bad-outcome.csv', 'outcome', /"4" is not an outcome \(1, 2 or 3\)/],
    ['nf-published-before-start.csv', 'publication_date', /published 2024-07-01, before the inspection started \(2024-07-08\)/],
    ['nf-blank-start-unflagged.csv', 'inspection_start', /blank start date without the start_date_missing_in_D2I flag/],
    ['nf-next-mismatch.csv', 'next_inspection', /"5 years" does not match outcome 2/],
    ['nf-unknown-code.csv', 'la_code_old', /999 \(Nowhere\) is not the code/],
    ['nf-bad-date.csv', 'inspection_start', /"2024-02-30" is not a date/],
  ])('%s → %s', async (name, column, problem) => {
    const err = await newFrameworkError(name);
    expect(err.file).toBe(name);
    expect(err.line).toBe(2);
    expect(err.column).toBe(column);
    expect(err.problem).toMatch(problem);
  });
});
