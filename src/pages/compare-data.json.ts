/**
 * /compare-data.json — what the compare page's script needs, built from the
 * key-measures registry: each measure's labels and, per area, its series with
 * each point's words already written (so the browser never invents a label).
 */
import type { APIRoute } from 'astro';
import { compareData } from '../read/measures.ts';
import { geo } from '../read/site.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(compareData(geo)), { headers: { 'Content-Type': 'application/json' } });
