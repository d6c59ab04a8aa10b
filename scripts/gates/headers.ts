/**
 * Reading a `_headers` file (Netlify / Cloudflare Pages format) the way those
 * hosts do: a line starting at column 0 is a path pattern (a trailing `*`
 * matches the rest of the path), indented `Name: value` lines below it are
 * its headers; every rule that matches a path applies, and a header set by
 * several matching rules is sent with their values joined by ", ".
 */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(raw);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`_headers:${i + 1}: expected "  Name: value" under a path`);
    rule.headers.push([m[1]!, m[2]!.trim()]);
  }
  return rules;
}

export function ruleMatches(pattern: string, pathname: string): boolean {
  if (pattern.endsWith('*')) return pathname.startsWith(pattern.slice(0, -1));
  return pathname === pattern;
}

/** The headers a host sends for `pathname`, names lower-cased. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    if (!ruleMatches(r.pattern, pathname)) continue;
    for (const [name, value] of r.headers) {
      const k = name.toLowerCase();
      out[k] = out[k] === undefined ? value : `${out[k]}, ${value}`;
    }
  }
  return out;
}
