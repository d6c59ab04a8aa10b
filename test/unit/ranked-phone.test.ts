/** The phone form of a ranking: all areas when there are 20 or fewer, else the first and last 10 and a line for the rest. */
import { describe, expect, it } from 'vitest';
import { rankedPhonePlot } from '../../src/charts/ranked.ts';

const data = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Area ${i + 1}`, v: 100 - i }));
const opts = { xLabel: 'x', format: String, reference: { x: 50, label: 'England' } };
const domainOf = (n: number) => (rankedPhonePlot(data(n), opts).y as { domain: string[] }).domain;

describe('ranked phone form', () => {
  it('shows every area, ranked, when there are 20 or fewer, with no "in between" line', () => {
    expect(domainOf(12)).toEqual(data(12).map((d, i) => `${i + 1}. ${d.name}`));
    expect(domainOf(20)).toHaveLength(20);
  });
  it('counts the areas in between in words, singular and plural', () => {
    expect(domainOf(21)[10]).toBe('1 area in between');
    expect(domainOf(153)[10]).toBe('133 areas in between');
    expect(domainOf(153).at(-1)).toBe('153. Area 153');
  });
});
