/** The first-framework register (src/datasets/inspections/first-cycle.ts): validation errors, and codes that do not join (join.ts). */
import { describe, expect, it } from 'vitest';
import { firstCycleError } from './fixtures.ts';

describe('first-cycle register: validation errors name file, line and column', () => {
  it.each([
    ['fc-unknown-code.csv', 'la_code_old', /999 \(Nowhere\) is not the code of a current or former English local area/],
    ['fc-bad-revisit-outcome.csv', 'revisit_outcome', /"Partly" is not one of Yes, Some, No/],
    ['fc-revisit-before-inspection.csv', 'revisit_date', /revisit 2018-05-24 is before the inspection started \(2019-01-28\)/],
    ['fc-published-before-start.csv', 'publication_date', /published 2019-01-20, before the inspection started/],
    ['fc-blank-code.csv', 'la_code_old', /blank area code \(only old Dorset may have one\)/],
    ['fc-wsoa-not-boolean.csv', 'wsoa_required', /"Yes" is not true or false/],
    ['fc-revisit-without-wsoa.csv', 'revisit_outcome', /no written statement of action was required/],
    ['fc-counts-disagree.csv', 'revisit_outcome', /"Yes" disagrees with 7 of 9 weaknesses/],
    ['fc-ons-mismatch.csv', 'la_code_old', /ONS code E09000002 and DfE code 886 are different areas/],
  ])('%s → %s', async (name, column, problem) => {
    const err = await firstCycleError(name);
    expect(err.file).toBe(name);
    expect(err.line).toBe(2);
    expect(err.column).toBe(column);
    expect(err.problem).toMatch(problem);
  });

  it('a code listed twice is an error on the second line', async () => {
    const err = await firstCycleError('fc-duplicate.csv');
    expect(err.message).toBe('fc-duplicate.csv:3 column "la_code_old": 886 already appears on line 2. Check this against the published source, or run `npm run data:fetch` to restore the file');
  });
});
