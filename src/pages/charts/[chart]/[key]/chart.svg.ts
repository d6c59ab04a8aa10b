/** /charts/<chart>/<key>/chart.svg — one chart as a standalone SVG file, with its title and source. */
import type { APIRoute } from 'astro';
import { allCharts, chart } from '../../../../charts/registry.ts';
import { standaloneSvg } from '../../../../charts/standalone.ts';
import { chartHome } from '../../../../charts/links.ts';
import { absoluteUrl } from '../../../../read/site.ts';

export function getStaticPaths() {
  return allCharts().map(({ id, key }) => ({ params: { chart: id, key } }));
}

export const GET: APIRoute = ({ params }) => {
  const spec = chart(params.chart!, params.key!);
  return new Response(standaloneSvg(spec, absoluteUrl(chartHome(spec))), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
