import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BudgetRule } from '../../scripts/gates/config.ts';
import type { Problem } from '../../scripts/gates/links.ts';
import { pagesToCheck } from '../../scripts/gates/site.ts';

export const GOOD = fileURLToPath(new URL('../fixtures/site-good', import.meta.url));
export const BROKEN = fileURLToPath(new URL('../fixtures/site-broken', import.meta.url));

export function site(dir: string) {
  const s = pagesToCheck(dir);
  if (s.problems.length) throw new Error(s.problems.join('\n'));
  return s;
}

export function brokenBudgets(): BudgetRule[] {
  return (JSON.parse(readFileSync(`${BROKEN}/budgets.json`, 'utf8')) as { pageTypes: BudgetRule[] }).pageTypes;
}

/** Messages reported for one page. */
export function on(problems: Problem[], page: string): string[] {
  return problems.filter((p) => p.page === page).map((p) => p.message);
}
