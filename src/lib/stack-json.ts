/**
 * Rebuild a table that a mirror compiled by stacking the `records` arrays of
 * several JSON files (e.g. the absence-by-SEN-status table, from Data to
 * Insight's 84 per-region files), byte for byte: columns in a given order,
 * rows sorted by given keys, written as Python's csv module writes them (CRLF,
 * minimal quoting) with Python's number formatting (`1.0`, not `1`). The
 * result is checked against the manifest's sha256 like any download, so a
 * recipe that does not reproduce the file exactly stops the fetch.
 */

export interface StackRecipe {
  kind: 'stack-json-records';
  /** Output columns, in order. */
  columns: string[];
  /** Sort keys (compared as text, like Python's `str()`), in order. */
  sortBy: string[];
  /** Column that names the file each row came from, and the prefix before the part's path. */
  sourceColumn?: string;
  sourcePrefix?: string;
}

/** A JSON number kept as its source text, so 1.0 stays a float and 5 an int (as Python reads them). */
class Num {
  constructor(readonly raw: string) {}
}
type Json = null | boolean | string | Num | Json[] | { [k: string]: Json };

/** A small JSON parser that keeps each number's text. Throws on malformed input. */
export function parseJsonKeepingNumbers(text: string): Json {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at character ${i}`);
  };
  const value = (): Json => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o: Record<string, Json> = {};
      ws();
      if (text[i] === '}') return i++, o;
      for (;;) {
        ws();
        const k = str();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        o[k] = value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, o;
        else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const a: Json[] = [];
      ws();
      if (text[i] === ']') return i++, a;
      for (;;) {
        a.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, a;
        else fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 40));
    if (m) return (i += m[0].length), new Num(m[0]);
    for (const [w, v] of [['true', true], ['false', false], ['null', null], ['NaN', new Num('NaN')]] as const) {
      if (text.startsWith(w, i)) return (i += w.length), v;
    }
    return fail('unexpected character');
  };
  const str = (): string => {
    if (text[i] !== '"') fail('expected a string');
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    const s = JSON.parse(text.slice(i, j + 1)) as string;
    i = j + 1;
    return s;
  };
  const out = value();
  ws();
  if (i !== text.length) fail('trailing characters');
  return out;
}

/** Python's repr() of a float, from the JSON text of a number. */
export function pythonFloat(raw: string): string {
  if (raw === 'NaN') return 'nan';
  const x = Number(raw);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    // Python: d.ddde-05 / 1e+16 (at least two exponent digits).
    const [m, e] = x.toExponential().split('e') as [string, string];
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = String(x);
  return Number.isInteger(x) ? `${s}.0` : s;
}

function cellText(v: Json | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Num) return /[.eE]/.test(v.raw) || v.raw === 'NaN' ? pythonFloat(v.raw) : String(BigInt(v.raw));
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return v;
  throw new Error('a record holds a list or an object where a value was expected');
}

/** Python csv.writer, QUOTE_MINIMAL, lineterminator CRLF. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Stack the `records` of each part (in the order given) and write the CSV bytes. */
export function stackJsonRecords(parts: { path: string; text: string }[], recipe: StackRecipe): Buffer {
  const rows: Record<string, string>[] = [];
  for (const p of parts) {
    let doc: Json;
    try {
      doc = parseJsonKeepingNumbers(p.text);
    } catch (e) {
      throw new Error(`${p.path}: not valid JSON (${(e as Error).message})`);
    }
    const records = (doc as { records?: Json }).records;
    if (!Array.isArray(records)) throw new Error(`${p.path}: no "records" array`);
    for (const r of records) {
      const rec = r as Record<string, Json>;
      const row: Record<string, string> = {};
      for (const c of recipe.columns) row[c] = c === recipe.sourceColumn ? `${recipe.sourcePrefix ?? ''}${p.path}` : cellText(rec[c]);
      rows.push(row);
    }
  }
  // Stable sort by the keys, as text (Python's sorted with a tuple key).
  const keyed = rows.map((r, i) => ({ r, i }));
  keyed.sort((a, b) => {
    for (const k of recipe.sortBy) {
      const x = a.r[k]!;
      const y = b.r[k]!;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return a.i - b.i;
  });
  const lines = [recipe.columns.map(csvField).join(','), ...keyed.map(({ r }) => recipe.columns.map((c) => csvField(r[c]!)).join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
