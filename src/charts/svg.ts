/**
 * Text in hand-written SVG: the one XML escape and the one word wrap used by every chart
 * (Plot marks, the timeline, the colour key, the standalone file).
 */

/** Escape text for SVG (or HTML) content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Greedy word wrap to lines of at most `max` characters, breaking at white space. A word longer
 * than a line keeps a line of its own, or with `cut` (a URL in a footer) is cut into line-sized pieces.
 */
export function wrapLines(text: string, max: number, opts: { cut?: boolean } = {}): string[] {
  let words = text.split(/\s+/).filter(Boolean);
  if (opts.cut) words = words.flatMap((w) => w.match(new RegExp(`.{1,${max}}`, 'g')) ?? []);
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + w.length <= max) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines;
}
