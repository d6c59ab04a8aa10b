/** /charts/<chart>/<key>/data.csv — the data behind one chart, as tidy CSV. */
import type { APIRoute } from 'astro';
import { allCharts, chart } from '../../../../charts/registry.ts';
import { toCsv } from '../../../../lib/downloads.ts';

export function getStaticPaths() {
  return allCharts().map(({ id, key }) => ({ params: { chart: id, key } }));
}

export const GET: APIRoute = ({ params }) => {
  const spec = chart(params.chart!, params.key!);
  return new Response(toCsv(spec.columns, spec.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
