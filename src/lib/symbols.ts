/**
 * One symbol vocabulary for every download: the EES data symbols (DfE
 * analysts' guide, "Data symbols"). A published file's own symbol that is not
 * in the vocabulary is translated when a download is written, and the
 * source's symbol is kept beside it in a `<column>_source_symbol` column, so
 * nothing the publisher wrote is lost.
 *
 * - `:` and `..` (not available) become `x`; `~` (older DfE "rounds to 0") becomes `low`.
 * - `-` means different things in different sources (nil in the SEND Tribunal
 *   table, "no value" in LAIT), so it needs a rule for the source it comes
 *   from: add one to SOURCE_SYMBOLS, keyed by the source's id in data/sources.json.
 *   A `-` from a source with no rule stops the build.
 */
import { SYMBOLS, type SymbolCode } from './cell.ts';

export const EES_SYMBOLS = {
  c: 'Confidential: suppressed to protect small numbers or personal information',
  x: 'Unavailable for other reasons (for example not collected, or the area did not exist)',
  z: 'Not applicable (for example a rate with nothing to divide by)',
  low: 'Positive but rounds to 0',
  k: 'Positive but rounds to 0 (sensitive data)',
  u: 'Low reliability',
} as const;

export type EesSymbol = keyof typeof EES_SYMBOLS;

/** What a source's symbol becomes: an EES symbol, or `nil` (a true zero, written as 0). */
export type SymbolRule = EesSymbol | 'nil';

/** Translations that hold whatever the source: obsolete DfE and ONS symbols. */
export const DEFAULT_SYMBOL_RULES: Partial<Record<SymbolCode, SymbolRule>> = {
  ':': 'x',
  '..': 'x',
  '~': 'low',
};

/** Per-source meanings of symbols that depend on the publisher. Keys are data/sources.json ids. */
export const SOURCE_SYMBOLS: Record<string, Partial<Record<SymbolCode, SymbolRule>>> = {
  // The Ministry of Justice SEND Tribunal table: "-" = nil (none), ".." = not available.
  'tribunal-appeals': { '-': 'nil' },
  // DfE's Local Authority Interactive Tool: "-" = no value for this area and year.
  'lait-store': { '-': 'x' },
  // The SEN census cut of the LAIT store: "-" = no value (sen_census/SOURCES.md).
  'sen-census-prevalence': { '-': 'x' },
};

export function isEesSymbol(s: string): s is EesSymbol {
  return Object.hasOwn(EES_SYMBOLS, s);
}

export interface SymbolTranslation {
  /** The EES symbol, or null for nil (written as the number 0). */
  to: EesSymbol | null;
  /** Why: the source whose rule applied, or "obsolete symbol". */
  basis: string;
}

export class SymbolRules {
  private readonly rules = new Map<SymbolCode, { rule: SymbolRule; basis: string }>();

  constructor(
    readonly sourceIds: readonly string[],
    /** Names the download or chart in error messages. */
    readonly where: string,
  ) {
    for (const [code, rule] of Object.entries(DEFAULT_SYMBOL_RULES)) this.rules.set(code as SymbolCode, { rule: rule!, basis: 'obsolete symbol' });
    for (const id of sourceIds) {
      for (const [code, rule] of Object.entries(SOURCE_SYMBOLS[id] ?? {})) {
        const prev = this.rules.get(code as SymbolCode);
        if (prev && prev.basis !== 'obsolete symbol' && prev.rule !== rule) {
          throw new Error(`${where}: the symbol "${code}" means "${prev.rule}" in ${prev.basis} but "${rule}" in ${id}; split the download by source or give each source's cells their EES symbol before writing`);
        }
        this.rules.set(code as SymbolCode, { rule: rule!, basis: id });
      }
    }
  }

  /** The EES form of a symbol: itself when it is in the vocabulary, else its translation. */
  translate(code: SymbolCode, column: string): SymbolTranslation | null {
    if (isEesSymbol(code)) return null;
    const r = this.rules.get(code);
    if (!r) {
      throw new Error(
        `${where(this.where, column)}: the symbol "${code}" (${SYMBOLS[code].meaning}) has no EES equivalent for source(s) ${this.sourceIds.join(', ') || '(none named)'}; add its meaning to SOURCE_SYMBOLS in src/lib/symbols.ts`,
      );
    }
    return { to: r.rule === 'nil' ? null : r.rule, basis: r.basis };
  }

  /** Each translation that can apply, for notes and READMEs. */
  describe(): { from: SymbolCode; to: SymbolRule; basis: string }[] {
    return [...this.rules].map(([from, r]) => ({ from, to: r.rule, basis: r.basis }));
  }
}

function where(w: string, column: string): string {
  return `${w} column "${column}"`;
}

/** Plain-text lines describing the vocabulary and the translations used, for README files. */
export function symbolNotes(used: ReadonlySet<string>, translations: readonly { from: string; to: SymbolRule; basis: string }[]): string[] {
  const lines = Object.entries(EES_SYMBOLS).map(([s, m]) => `  ${s.padEnd(4)} ${m}${used.has(s) ? '' : ' (not used in this file)'}`);
  const applied = translations.filter((t) => used.has(`source:${t.from}`));
  if (applied.length > 0) {
    lines.push('', '  Symbols translated from the source (the source symbol is kept in the *_source_symbol column):');
    for (const t of applied) {
      const meaning = t.basis === 'obsolete symbol' ? (SYMBOLS[t.from as SymbolCode]?.meaning ?? 'an older symbol') : t.to === 'nil' ? 'nil' : 'no value';
      lines.push(`  "${t.from}" (${meaning.toLowerCase()}${t.basis === 'obsolete symbol' ? '' : `, source ${t.basis}`}) is written as ${t.to === 'nil' ? '0 (nil: none)' : `"${t.to}"`}`);
    }
  }
  return lines;
}
