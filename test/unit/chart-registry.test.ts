/** The chart registry checks every spec it hands out, for every consumer (pages, CSV, SVG, PNG, README, embeds). */
import { afterEach, describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';

requireGenerated(['geography']);
const { CHARTS, chart } = await import('../../src/charts/registry.ts');
const good = chart('areas-by-region', 'england');

const added: number[] = [];
function register(id: string, make: (key: string) => unknown) {
  added.push(CHARTS.push({ id, scope: 'national', keys: () => ['england'], make: make as never }) - 1);
}
afterEach(() => {
  for (const i of added.reverse()) CHARTS.splice(i, 1);
  added.length = 0;
});

describe('chart registry', () => {
  it('hands out a checked spec', () => {
    expect(good.id).toBe('areas-by-region');
    expect(good.key).toBe('england');
  });
  it('refuses a spec that fails checkSpec (a title over ten words)', () => {
    register('test-long-title', () => ({ ...good, id: 'test-long-title', title: 'One two three four five six seven eight nine ten eleven' }));
    expect(() => chart('test-long-title', 'england')).toThrow(/title .* has 11 words/);
  });
  it('refuses a spec made for another chart or key', () => {
    register('test-wrong-id', () => ({ ...good }));
    expect(() => chart('test-wrong-id', 'england')).toThrow(/its factory made a spec for areas-by-region\/england/);
  });
});
