/** /charts/<chart>/<key>/README.txt — what the chart files are: title, measures, source, licence, symbols, caveats, citation, URL (src/charts/files.ts). */
import type { APIRoute } from 'astro';
import { allCharts, chart } from '../../../../charts/registry.ts';
import { chartFiles } from '../../../../charts/files.ts';
import { chartHome } from '../../../../charts/links.ts';
import { absoluteUrl } from '../../../../read/site.ts';

export function getStaticPaths() {
  return allCharts().map(({ id, key }) => ({ params: { chart: id, key } }));
}

export const GET: APIRoute = ({ params }) => {
  const spec = chart(params.chart!, params.key!);
  const files = chartFiles(spec, absoluteUrl(chartHome(spec)), absoluteUrl(`/charts/${spec.id}/${spec.key}/`));
  return new Response(files.readme, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
