/**
 * One definition per measure: no measure's label, noun, axis label, description,
 * polarity words, source line or release is typed as a literal (a whole quoted
 * string, template or element text) in more than one file of src/. Sentences
 * that use the words are not definitions and are not counted.
 * Each is written once (the measure's entry in src/read/measures.ts, its
 * dataset's measure list, data/sources.json through src/read/source-lines.ts),
 * and everything else reads it from there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';
import { codeFiles, ROOT } from './imports.ts';

requireGenerated(['geography', 'ehcp', 'tribunal', 'outcomes', 'inspections', 'absence-sen', 'absence-lait', 'absence-meta', 'money', 'sen-prevalence']);
const { KEY_MEASURES, POLARITY_WORDS } = await import('../../src/read/measures.ts');

/** The source text of every code file, comment lines aside (a comment may name a measure). */
const sources = codeFiles('src').map((f) => ({
  file: f,
  text: readFileSync(path.join(ROOT, f), 'utf8')
    .split('\n')
    .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
    .join('\n'),
}));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files that type `needle` as a whole literal: a quoted string, a template, or an element's text in markup. */
export function filesTyping(needle: string, files: readonly { file: string; text: string }[]): string[] {
  const re = new RegExp(`(['"\`]|>\\s*)${escape(needle)}(['"\`]|\\s*<)`);
  return files.filter((f) => re.test(f.text)).map((f) => f.file);
}

/** A measure's words, 8 characters or longer (shorter ones, such as a bare unit, are ordinary words). */
const strings = (m: (typeof KEY_MEASURES)[number]): [string, string][] => {
  const d = m as unknown as Record<string, unknown>;
  return (['label', 'noun', 'axisLabel', 'description', 'source', 'release'] as const).flatMap((k) => (typeof d[k] === 'string' && (d[k] as string).length >= 8 ? [[k, d[k] as string]] : []));
};

describe('one definition per measure', () => {
  it.each(KEY_MEASURES.map((m) => [m.id, m] as const))('%s: its words are typed in one file at most', (_id, m) => {
    const twice = strings(m).flatMap(([k, s]) => {
      const files = filesTyping(s, sources);
      return files.length > 1 ? [`${k} "${s}" in ${files.join(', ')}`] : [];
    });
    expect(twice).toEqual([]);
  });

  it('polarity words are typed once', () => {
    for (const w of Object.values(POLARITY_WORDS)) expect(filesTyping(w, sources), w).toHaveLength(1);
  });

  it('the scan finds a literal typed twice (a copy in a second file fails)', () => {
    const label = KEY_MEASURES.find((m) => m.id === 'timeliness-20-weeks')!.label;
    const files = [...sources, { file: 'src/components/Copy.astro', text: `<th>${label}</th>` }, { file: 'src/charts/copy.ts', text: `const t = '${label}';` }];
    expect(filesTyping(label, files).slice(-2)).toEqual(['src/components/Copy.astro', 'src/charts/copy.ts']);
    // Prose that uses the words within a sentence is not a second definition.
    expect(filesTyping(label, [{ file: 'src/x.ts', text: `const s = 'In 2024, ${label.toLowerCase()} rose';` }])).toEqual([]);
  });
});
