/** The chart kit's one escape and one wrap (src/charts/svg.ts), and the one area/region lookup (places.ts). */
import { describe, expect, it } from 'vitest';
import { escapeXml, wrapLines } from '../../src/charts/svg.ts';
import './fixtures.ts'; // fails with the command to run when src/generated is absent
const { areaBySlug, regionBySlug } = await import('../../src/charts/places.ts');

describe('escapeXml', () => {
  it('escapes the four characters that break SVG text and attributes', () => {
    expect(escapeXml('Brighton & Hove <"quoted">')).toBe('Brighton &amp; Hove &lt;&quot;quoted&quot;&gt;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
});

describe('wrapLines', () => {
  it('fills each line up to the width, at white space of any kind', () => {
    expect(wrapLines('Bournemouth, Christchurch and Poole', 22)).toEqual(['Bournemouth,', 'Christchurch and Poole']);
    expect(wrapLines('  one  two\nthree ', 7)).toEqual(['one two', 'three']);
    expect(wrapLines('', 10)).toEqual([]);
  });
  it('gives a word longer than a line its own line, or cuts it with `cut`', () => {
    expect(wrapLines('see Northamptonshire now', 8)).toEqual(['see', 'Northamptonshire', 'now']);
    expect(wrapLines('see https://example.org/a', 10, { cut: true })).toEqual(['see', 'https://ex', 'ample.org/', 'a']);
  });
});

describe('areaBySlug, regionBySlug', () => {
  it('find the place, and stop naming an unknown key', () => {
    expect(areaBySlug('coventry').name).toBe('Coventry');
    expect(regionBySlug('west-midlands').name).toBe('West Midlands');
    expect(() => areaBySlug('atlantis')).toThrow('no area with slug atlantis');
    expect(() => regionBySlug('coventry')).toThrow('no region with slug coventry');
  });
});
