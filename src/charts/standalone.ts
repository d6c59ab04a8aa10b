/**
 * A chart as a file of its own: title, subtitle, the graphic, source line and
 * site name in one SVG, for pasting into committee papers.
 */
import { svgToPng } from './png.ts';
import { chartSvg } from './render.ts';
import { escapeXml, wrapLines } from './svg.ts';
import type { ChartSpec } from './types.ts';

/** Lines of text at `size` px from `y`, wrapped to `width` (about 0.55 em a character in Arial). */
function textBlock(text: string, y: number, size: number, width: number, attrs: string): { svg: string; height: number } {
  const lineHeight = Math.round(size * 1.3);
  const lines = wrapLines(text, Math.floor(width / (size * 0.55)), { cut: true });
  const svg = lines.map((l, i) => `<text x="0" y="${y + size + i * lineHeight}" font-size="${size}" ${attrs}>${escapeXml(l)}</text>`).join('\n');
  return { svg, height: lines.length * lineHeight };
}

/**
 * `url` is where the chart lives on the site (page and anchor): printed under
 * the source so a pasted image still says where it came from.
 */
export function standaloneSvg(spec: ChartSpec, url?: string, siteName = 'SEND outcomes in England'): string {
  const inner = chartSvg(spec);
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(inner);
  if (!m) throw new Error(`chart ${spec.id}: SVG has no viewBox`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  const title = textBlock(spec.title, 0, 18, width, 'font-weight="700" fill="#0b0c0c"');
  const subtitle = textBlock(spec.subtitle, title.height + 4, 13, width, 'fill="#505a5f"');
  const top = title.height + subtitle.height + 16;
  const source = textBlock(`Source: ${spec.source}, ${spec.release}.`, top + height + 8, 12, width, 'fill="#505a5f"');
  const siteY = top + height + 8 + source.height;
  const site = textBlock(siteName, siteY, 12, width, 'fill="#505a5f"');
  // The URL stays whole on one line (so it can be copied), in a smaller font when it is long.
  const urlSize = url ? Math.min(12, Math.floor((width / (url.length * 0.55)) * 10) / 10) : 0;
  const urlLine = url ? `<text x="0" y="${siteY + site.height + urlSize}" font-size="${urlSize}" fill="#505a5f">${escapeXml(url)}</text>` : '';
  const total = siteY + site.height + (url ? Math.round(urlSize * 1.3) : 0) + 8;
  const body = inner.replace(/^<svg\b[^>]*>/, '').replace(/<\/svg>$/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" font-family="Arial, sans-serif" role="img" aria-labelledby="t d">
<title id="t">${escapeXml(spec.title)}</title>
<desc id="d">${escapeXml(spec.summary)}</desc>
<rect width="100%" height="100%" fill="#fff"/>
${title.svg}
${subtitle.svg}
<g transform="translate(0 ${top})" font-size="14" fill="#0b0c0c">${body}</g>
${source.svg}
${site.svg}
${urlLine}
</svg>
`;
}

/** The chart as a PNG: the standalone SVG (with `url`), drawn by svgToPng. */
export function standalonePng(spec: ChartSpec, url?: string): Uint8Array {
  return svgToPng(standaloneSvg(spec, url));
}
