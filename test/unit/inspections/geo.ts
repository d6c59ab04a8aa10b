/** The inspections fixtures' areas, with every code change since 2019, from the one fixture geography (test/fixtures/geography.ts). */
import type { GeographyIndex } from '../../../src/lib/geography.ts';
import { fixtureGeo } from '../../fixtures/geography.ts';

export function testGeography(): GeographyIndex {
  return fixtureGeo(['301', '839', '825', '942', '838', '886', '940', '941', '943']);
}
