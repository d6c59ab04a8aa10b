/** /charts/<chart>/<key>/data.csv — the data behind one chart, as tidy EES-style CSV (src/charts/files.ts). */
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
  return new Response(files.csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
