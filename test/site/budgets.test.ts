import { describe, expect, it } from 'vitest';
import { checkBudgets, summarise } from '../../scripts/gates/budgets.ts';
import { loadBudgets } from '../../scripts/gates/config.ts';
import { formatProblems } from '../../scripts/gates/report.ts';
import { checkExternalRequests } from '../../scripts/gates/requests.ts';
import { site } from './context.ts';

describe('site: budgets and requests', () => {
  it('every page is within its page-type budget in budgets.json (gzipped HTML+CSS+JS)', () => {
    const s = site();
    const { problems, weights } = checkBudgets(s.dir, s.allPages, loadBudgets());
    console.log(`Page weights by type (gzipped):\n${summarise(weights)}`);
    expect(problems.length, formatProblems('Budget gate', problems)).toBe(0);
  }, 600_000);

  it('no page loads anything from another host (src, link href, CSS url()/@import, fonts)', () => {
    const s = site();
    const problems = checkExternalRequests(s.dir, s.allPages, s.origin);
    expect(problems.length, formatProblems('External-request gate', problems)).toBe(0);
  }, 600_000);
});
