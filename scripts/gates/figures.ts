/** Chart gate (static): every <figure> that contains an <svg> has a <figcaption> and a text alternative. */
import { parseFile } from './dom.ts';
import type { Problem } from './links.ts';
import type { Page } from './site.ts';

export function checkFigures(pages: Page[], textAlternativeSelector: string): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages) {
    const doc = parseFile(page.file);
    const figures = [...doc.querySelectorAll('figure')];
    figures.forEach((fig, i) => {
      if (!fig.querySelector('svg')) return;
      const label = fig.getAttribute('id') ? `figure#${fig.getAttribute('id')}` : `figure ${i + 1}`;
      const caption = fig.querySelector('figcaption');
      if (!caption || (caption.textContent ?? '').trim() === '') problems.push({ page: page.url, message: `${label} has an <svg> but no non-empty <figcaption>` });
      if (!fig.querySelector(textAlternativeSelector)) problems.push({ page: page.url, message: `${label} has an <svg> but no text alternative (${textAlternativeSelector})` });
    });
  }
  return problems;
}
