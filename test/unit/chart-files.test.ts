/** The tidy per-chart table (src/charts/files.ts): one row per period × measure, named area, measure and unit in words. */
import { describe, expect, it } from 'vitest';
import { symbol, value } from '../../src/lib/cell.ts';
import { chartTable, type Place } from '../../src/charts/files.ts';
import type { ChartSpec } from '../../src/charts/types.ts';

const PLACE: Place = { level: 'Local authority', code: 'E08000026', name: 'Coventry' };

function spec(over: Partial<ChartSpec>): ChartSpec {
  return {
    id: 'test-chart', key: 'coventry', title: 'T', subtitle: 'S', source: 'DfE', sourceIds: ['lait-store'], release: 'R', summary: 'x', notes: [], placeName: 'Coventry', page: '/areas/coventry/', svg: '<svg/>',
    columns: [], rows: [], ...over,
  };
}

describe('chartTable', () => {
  it('melts a comparison chart into area × year × place × measure rows with units in words, rounding once from the unrounded value', () => {
    const t = chartTable(spec({
      columns: [
        { name: 'year', type: 'Filter', label: 'Year' },
        { name: 'area', type: 'Indicator', label: 'Coventry', unit: '%', dp: 1, measure: 'Plans within 20 weeks, %', place: 'Coventry' },
        { name: 'england', type: 'Indicator', label: 'England', unit: '%', dp: 1, measure: 'Plans within 20 weeks, %', place: 'England' },
        { name: 'n', type: 'Indicator', label: 'Plans issued', unit: '', dp: 0 },
      ],
      rows: [{ year: 2015, area: value(58.149), england: symbol('c'), n: 167 }],
    }), PLACE);
    expect(t.columns.map((c) => c.name)).toEqual(['geographic_level', 'area_code', 'area_name', 'year', 'place', 'measure', 'unit', 'value']);
    expect(t.columns.every((c) => c.unitWords !== '')).toBe(true);
    expect(t.rows).toEqual([
      { geographic_level: 'Local authority', area_code: 'E08000026', area_name: 'Coventry', year: 2015, place: 'Coventry', measure: 'Plans within 20 weeks, %', unit: 'per cent', value: value(58.1) },
      { geographic_level: 'Local authority', area_code: 'E08000026', area_name: 'Coventry', year: 2015, place: 'England', measure: 'Plans within 20 weeks, %', unit: 'per cent', value: symbol('c') },
      { geographic_level: 'Local authority', area_code: 'E08000026', area_name: 'Coventry', year: 2015, place: '', measure: 'Plans issued', unit: 'number', value: value(167) },
    ]);
  });

  it('keeps a chart with no indicators (a timeline) as it is, with the area in front', () => {
    const t = chartTable(spec({ columns: [{ name: 'date', type: 'Filter', label: 'Date' }], rows: [{ date: '1 May 2024' }] }), PLACE);
    expect(t.rows).toEqual([{ geographic_level: 'Local authority', area_code: 'E08000026', area_name: 'Coventry', date: '1 May 2024' }]);
    expect(t.columns.find((c) => c.name === 'date')!.unitWords).toBe('time period (text)');
  });

  it('refuses a chart column that clashes with a tidy column', () => {
    expect(() => chartTable(spec({ columns: [{ name: 'value', type: 'Filter', label: 'v' }, { name: 'x', type: 'Indicator', label: 'x' }], rows: [{ value: 1, x: 1 }] }), PLACE)).toThrow(/clashes/);
  });
});
