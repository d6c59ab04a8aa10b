/** defineChart (src/charts/types.ts): the factory fills in the chart's id and the key each spec was made for. */
import { describe, expect, it } from 'vitest';
import { defineChart, type ChartContent } from '../../src/charts/types.ts';

const content = (key: string): ChartContent => ({
  title: `A chart for ${key}`, subtitle: 's', source: 'DfE', sourceIds: ['x'], release: 'r', columns: [], rows: [{ a: 1 }], summary: 'sum', notes: [], svg: '<svg></svg>', placeName: key, page: `/areas/${key}/`,
});

describe('defineChart', () => {
  it('fills id and key into every spec, first, and keeps the definition\'s scope and keys', () => {
    const seen: string[] = [];
    const f = defineChart({ id: 'fixture-chart', scope: 'area', keys: () => ['coventry', 'rutland'], make: (key) => (seen.push(key), content(key)) });
    expect(f.id).toBe('fixture-chart');
    expect(f.scope).toBe('area');
    expect(f.keys()).toEqual(['coventry', 'rutland']);
    const spec = f.make('rutland');
    expect(Object.keys(spec).slice(0, 2)).toEqual(['id', 'key']);
    expect([spec.id, spec.key, spec.title]).toEqual(['fixture-chart', 'rutland', 'A chart for rutland']);
    expect(seen).toEqual(['rutland']);
  });
});
