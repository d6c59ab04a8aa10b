/** /charts/<chart>/<key>/chart.png — one chart as a PNG (rendered from its SVG at build time). */
import type { APIRoute } from 'astro';
import { allCharts, chart } from '../../../../charts/registry.ts';
import { standalonePng } from '../../../../charts/standalone.ts';
import { chartHome } from '../../../../charts/links.ts';
import { absoluteUrl } from '../../../../read/site.ts';

export function getStaticPaths() {
  return allCharts().map(({ id, key }) => ({ params: { chart: id, key } }));
}

export const GET: APIRoute = ({ params }) => {
  const spec = chart(params.chart!, params.key!);
  return new Response(new Uint8Array(standalonePng(spec, absoluteUrl(chartHome(spec)))), { headers: { 'Content-Type': 'image/png' } });
};
