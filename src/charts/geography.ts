/** Charts about the areas themselves. */
import * as Plot from '@observablehq/plot';
import { geo, sourceDate } from '../read/site.ts';
import { SOURCE_LINES } from '../read/source-lines.ts';
import { formatDate, listInProse, plural } from '../lib/format.ts';
import { PALETTE, textWidth } from './render.ts';
import { defineChart } from './types.ts';

/** The date of the register snapshot, from its manifest entry ("… (2026-07-27)"). */
const registerDate = formatDate(sourceDate('geo-las'));

export const areasByRegion = defineChart({
  id: 'areas-by-region',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const rows = geo.geography.regions
      .map((r) => ({ region_name: r.name, region_code: r.code, areas: geo.areasInRegion(r.code).length }))
      .sort((a, b) => b.areas - a.areas || a.region_name.localeCompare(b.region_name));
    const most = rows.filter((r) => r.areas === rows[0]!.areas).map((r) => r.region_name);
    const fewest = rows.filter((r) => r.areas === rows.at(-1)!.areas).map((r) => r.region_name);
    return {
      page: '/areas/',
      placeName: 'England',
      title: `${listInProse(most)} ${most.length > 1 ? 'have' : 'has'} the most local areas`,
      subtitle: `Number of local areas (upper-tier councils) in each region of England, from the register of ${registerDate}`,
      source: SOURCE_LINES.register.source,
      sourceIds: ['geo-las', 'geo-regions'],
      release: SOURCE_LINES.register.release,
      columns: [
        { name: 'region_name', type: 'Filter', label: 'Region' },
        { name: 'region_code', type: 'Filter', label: 'Region code' },
        { name: 'areas', type: 'Indicator', label: 'Local areas', unit: '', dp: 0 },
      ],
      rows,
      summary: `England has ${plural(geo.areas.length, 'local area')} in ${plural(rows.length, 'region')}. ${listInProse(most)} ${most.length > 1 ? 'have' : 'has'} the most (${rows[0]!.areas}); ${listInProse(fewest)} ${fewest.length > 1 ? 'have' : 'has'} the fewest (${rows.at(-1)!.areas}).`,
      notes: [],
      plot: {
        height: 320,
        marginLeft: Math.max(...rows.map((r) => textWidth(r.region_name, 14))) + 14,
        marginRight: 32,
        marginBottom: 44,
        x: { label: 'Local areas', grid: true, labelAnchor: 'center', labelArrow: 'none' },
        y: { label: null, domain: rows.map((r) => r.region_name) },
        marks: [
          Plot.barX(rows, { x: 'areas', y: 'region_name', fill: PALETTE.blue }),
          Plot.text(rows, { x: 'areas', y: 'region_name', text: (d: { areas: number }) => String(d.areas), dx: 4, textAnchor: 'start', fill: PALETTE.text }),
          Plot.ruleX([0]),
        ],
      },
    };
  },
});
