/** /charts/<chart>/<key>/chart.png — one chart as a PNG (rendered from its SVG at build time). */
import type { APIRoute } from 'astro';
import { allCharts, chart } from '../../../../charts/registry.ts';
import { standalonePng } from '../../../../charts/standalone.ts';

export function getStaticPaths() {
  return allCharts().map(({ id, key }) => ({ params: { chart: id, key } }));
}

export const GET: APIRoute = ({ params }) => {
  return new Response(standalonePng(chart(params.chart!, params.key!)), { headers: { 'Content-Type': 'image/png' } });
};
