/**
 * Rebuild the two derived postcode tables (postcode sector → LA and postcode
 * district → LA, with shares of live postcodes) from the 120 area files of
 * OS Code-Point Open at their pinned public commit, byte for byte: a port of
 * `build_postcode_lookups.py` in the mirror's geo/SOURCES.md (same grouping,
 * ordering, ties, Python csv writing with LF line ends, and Python's
 * `f"{x:.4f}"` rounding). The LAD → LA mapping comes from three other
 * sources already fetched into data/raw/ (the DfE hierarchy, the code history
 * and the DfE register), named by path in the recipe. The result is checked
 * against the manifest's sha256 like any download.
 */

export interface PostcodeLookupRecipe {
  kind: 'codepoint-postcode-lookup';
  table: 'sector' | 'district';
  /** Paths under data/raw/ of the inputs fetched before this source. */
  hierarchy: string;
  codeHistory: string;
  las: string;
}

/** Rows of a CSV text as Python's csv.reader reads them (quotes, doubled quotes, CR LF or LF). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let any = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"') {
      quoted = true;
      any = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      any = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (any || field !== '') row.push(field);
      rows.push(row);
      row = [];
      field = '';
      any = false;
    } else {
      field += c;
      any = true;
    }
    i++;
  }
  if (any || field !== '') {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function dictRows(text: string, file: string): Record<string, string>[] {
  const [header, ...rest] = csvRows(text.replace(/^\uFEFF/, ''));
  if (!header) throw new Error(`${file} is empty`);
  return rest.filter((r) => r.length > 0).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Python's f"{n / total:.4f}": correctly rounded, ties (exact in binary) to even; toFixed rounds those up. */
export function share4(n: number, total: number): string {
  const q = n * 20000;
  if (q % total === 0) {
    const m = q / total; // n / total = m / 20000: a tie at 4 decimals when m is odd, exact in binary when 625 divides m
    if (m % 2 === 1 && m % 625 === 0) {
      const down = (m - 1) / 2;
      return ((down % 2 === 0 ? down : down + 1) / 10000).toFixed(4);
    }
  }
  return (n / total).toFixed(4);
}

function field(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function postcodeLookup(parts: { path: string; text: string }[], inputs: { hierarchy: string; codeHistory: string; las: string }, recipe: PostcodeLookupRecipe): Buffer {
  if (recipe.kind !== 'codepoint-postcode-lookup') throw new Error(`unknown recipe kind "${String(recipe.kind)}"`);
  const recode = new Map<string, string>();
  for (const r of dictRows(inputs.codeHistory, recipe.codeHistory)) if (r.effective_date!.startsWith('2025')) recode.set(r.old_ons_code!, r.new_ons_code!);
  const lad = new Map<string, [string, string]>();
  for (const r of dictRows(inputs.hierarchy, recipe.hierarchy)) {
    if (r.most_recent_year_included !== '2024') continue;
    const code = recode.get(r.lad_code!) ?? r.lad_code!;
    const la = recode.get(r.new_la_code!) ?? r.new_la_code!;
    const had = lad.get(code);
    if (had && (had[0] !== r.lad_name || had[1] !== la)) throw new Error(`${recipe.hierarchy}: LAD ${code} is in two LAs`);
    lad.set(code, [r.lad_name!, la]);
  }
  const las = new Map<string, [string, string]>();
  for (const r of dictRows(inputs.las, recipe.las)) {
    if (r.status === 'live' && r.new_la_code!.startsWith('E') && !r.new_la_code!.includes('/')) las.set(r.new_la_code!, [r.la_name!, r.old_la_code!]);
  }
  if (las.size !== 153) throw new Error(`${recipe.las}: ${las.size} live English LAs, not 153`);

  const ladOf = (dc: string) => {
    const l = lad.get(dc);
    if (!l) throw new Error(`district code ${dc} is not in ${recipe.hierarchy}`);
    return l;
  };
  const unitLad = new Map<string, string>();
  for (const p of parts) {
    for (const row of csvRows(p.text)) {
      const [pc, , , , cy, , , cc, dc] = row as [string, string, string, string, string, string, string, string, string];
      if (!dc) continue;
      if (cy.startsWith('E') && (cc || dc) !== ladOf(dc)[1]) throw new Error(`${p.path}: postcode ${pc}: county code ${cc} does not match the LA of district ${dc}`);
      unitLad.set(pc.replaceAll(' ', ''), dc);
    }
  }
  const laOf = (dc: string): [string, string, string, string] => {
    const [name, la] = ladOf(dc);
    if (dc.startsWith('E')) {
      const l = las.get(la);
      if (!l) throw new Error(`LA ${la} is not live in ${recipe.las}`);
      return [la, l[1], l[0], name];
    }
    return [la, '', name, name];
  };
  const natural = (key: string): [string, number, string] => {
    const m = /^([A-Z]+)(\d+)(.*)/.exec(key);
    if (!m) throw new Error(`postcode key "${key}" is not letters then digits`);
    return [m[1]!, Number(m[2]), m[3]!];
  };
  const byNatural = (a: string, b: string) => {
    const x = natural(a);
    const y = natural(b);
    return cmp(x[0], y[0]) || x[1] - y[1] || cmp(x[2], y[2]);
  };
  const keyOf = recipe.table === 'sector' ? (pc: string) => `${pc.slice(0, -3)} ${pc.at(-3)}` : (pc: string) => pc.slice(0, -3);
  const per = new Map<string, Map<string, number>>();
  for (const [pc, dc] of unitLad) {
    const k = keyOf(pc);
    let c = per.get(k);
    if (!c) per.set(k, (c = new Map()));
    c.set(dc, (c.get(dc) ?? 0) + 1);
  }
  const lines: string[] = [];
  const out = (cells: (string | number)[]) => lines.push(cells.map(field).join(','));
  if (recipe.table === 'sector') {
    out(['pc_sector', 'pc_district', 'lad_code', 'lad_name', 'new_la_code', 'old_la_code', 'la_name', 'country', 'postcodes', 'sector_postcodes', 'lad_share', 'la_postcodes', 'la_share', 'la_rank', 'n_la']);
  } else {
    out(['pc_district', 'new_la_code', 'old_la_code', 'la_name', 'country', 'la_postcodes', 'district_postcodes', 'la_share', 'la_rank', 'n_la']);
  }
  const seen = new Set<string>();
  for (const key of [...per.keys()].sort(byNatural)) {
    const c = per.get(key)!;
    if (![...c.keys()].some((d) => d.startsWith('E'))) continue;
    let total = 0;
    for (const n of c.values()) total += n;
    const laTot = new Map<string, number>();
    for (const [d, n] of c) {
      const la = laOf(d)[0];
      laTot.set(la, (laTot.get(la) ?? 0) + n);
    }
    const rank = new Map([...laTot].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([la], i) => [la, i + 1]));
    const sorted = [...c].sort((a, b) => rank.get(laOf(a[0])[0])! - rank.get(laOf(b[0])[0])! || b[1] - a[1] || cmp(a[0], b[0]));
    for (const [d, n] of sorted) {
      const [la, old, laName, ladName] = laOf(d);
      const laN = laTot.get(la)!;
      if (recipe.table === 'sector') {
        out([key, key.split(' ')[0]!, d, ladName, la, old, laName, d[0]!, n, total, share4(n, total), laN, share4(laN, total), rank.get(la)!, laTot.size]);
      } else {
        if (seen.has(`${key}\t${la}`)) continue;
        seen.add(`${key}\t${la}`);
        out([key, la, old, laName, d[0]!, laN, total, share4(laN, total), rank.get(la)!, laTot.size]);
      }
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
