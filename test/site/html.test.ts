import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../scripts/gates/htmlvalid.ts';
import { formatProblems } from '../../scripts/gates/report.ts';
import { site } from './context.ts';

describe('site: HTML validity', () => {
  it('every built page passes html-validate with .htmlvalidate.json', async () => {
    const problems = await checkHtml(site().allPages);
    expect(problems.length, formatProblems('html-validate', problems)).toBe(0);
  }, 600_000);
});
