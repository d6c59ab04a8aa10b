/**
 * A chart as a file of its own: title, subtitle, the graphic, source line and
 * site name in one SVG, for pasting into committee papers.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { chartSvg } from './render.ts';
import type { ChartSpec } from './types.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function standaloneSvg(spec: ChartSpec, siteName = 'SEND outcomes in England'): string {
  const inner = chartSvg(spec);
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(inner);
  if (!m) throw new Error(`chart ${spec.id}: SVG has no viewBox`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  const top = 56;
  const bottom = 40;
  const body = inner.replace(/^<svg\b[^>]*>/, '').replace(/<\/svg>$/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + top + bottom}" width="${width}" height="${height + top + bottom}" font-family="Arial, sans-serif" role="img" aria-labelledby="t d">
<title id="t">${escape(spec.title)}</title>
<desc id="d">${escape(spec.summary)}</desc>
<rect width="100%" height="100%" fill="#fff"/>
<text x="0" y="20" font-size="18" font-weight="700" fill="#0b0c0c">${escape(spec.title)}</text>
<text x="0" y="42" font-size="13" fill="#505a5f">${escape(spec.subtitle)}</text>
<g transform="translate(0 ${top})" font-size="14" fill="#0b0c0c">${body}</g>
<text x="0" y="${height + top + 20}" font-size="12" fill="#505a5f">Source: ${escape(spec.source)}, ${escape(spec.release)}.</text>
<text x="0" y="${height + top + 36}" font-size="12" fill="#505a5f">${escape(siteName)}</text>
</svg>
`;
}

/** Fonts for PNG text: Liberation Sans (Arial's metrics) where installed, else the system's. */
const FONT_FILES = ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'].filter((f) =>
  existsSync(f),
);

export function standalonePng(spec: ChartSpec): Uint8Array {
  const svg = standaloneSvg(spec);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { fontFiles: FONT_FILES, loadSystemFonts: FONT_FILES.length === 0, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
