import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../scripts/gates/report.ts';
import { checkSecurity } from '../../scripts/gates/security.ts';
import { site } from './context.ts';

describe('site: security', () => {
  it("every page has a CSP meta without 'unsafe-inline' in script-src, no inline handlers or inline scripts", () => {
    const problems = checkSecurity(site().allPages);
    expect(problems.length, formatProblems('Security gate', problems)).toBe(0);
  }, 600_000);
});
