import type { Problem } from './links.ts';

/** Group problems by page for a readable assertion message. */
export function formatProblems(title: string, problems: Problem[], limit = 200): string {
  if (problems.length === 0) return '';
  const byPage = new Map<string, string[]>();
  for (const p of problems) byPage.set(p.page, [...(byPage.get(p.page) ?? []), p.message]);
  const lines = [`${title}: ${problems.length} problem(s) on ${byPage.size} page(s)`];
  let n = 0;
  for (const [page, msgs] of byPage) {
    lines.push(`  ${page}`);
    for (const m of msgs) {
      if (n++ >= limit) break;
      lines.push(`    - ${m}`);
    }
    if (n >= limit) {
      lines.push(`  ... ${problems.length - limit} more`);
      break;
    }
  }
  return lines.join('\n');
}
