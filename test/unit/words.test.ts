import { describe, expect, it } from 'vitest';
import { academicYear, article, councilType, financialYear, inRegion, measureInSentence, theRegion } from '../../src/lib/words.ts';

describe('words', () => {
  it('gives council types the right article, and the City of London its own words', () => {
    expect(councilType({ name: 'Coventry', laType: 'Metropolitan district' })).toBe('a metropolitan district');
    expect(councilType({ name: 'Derby', laType: 'Unitary authority' })).toBe('a unitary authority');
    expect(councilType({ name: 'Kent', laType: 'County council' })).toBe('a county council');
    expect(councilType({ name: 'Camden', laType: 'London borough' })).toBe('a London borough');
    expect(councilType({ name: 'City of London', laType: 'London borough' })).toBe('a local authority area of its own, run by the City of London Corporation,');
    expect(article('unitary authority')).toBe('a');
    expect(article('inner London borough')).toBe('an');
  });

  it('puts "the" before region names that need it', () => {
    expect(inRegion('West Midlands')).toBe('in the West Midlands');
    expect(inRegion('South West')).toBe('in the South West');
    expect(inRegion('East of England')).toBe('in the East of England');
    expect(inRegion('London')).toBe('in London');
    expect(inRegion('Yorkshire and The Humber')).toBe('in Yorkshire and The Humber');
    expect(theRegion('North East')).toBe('the North East');
  });

  it('keeps measure names readable in a sentence', () => {
    expect(measureInSentence('EHC plans held in January')).toBe('EHC plans held in January');
    expect(measureInSentence('New EHC plans issued within 20 weeks')).toBe('new EHC plans issued within 20 weeks');
    expect(measureInSentence('Persistent absence, pupils with an EHC plan')).toBe('persistent absence, pupils with an EHC plan');
  });

  it('writes academic years with a slash and financial years with a hyphen', () => {
    expect(academicYear('202425')).toBe('2024/25');
    expect(academicYear('2024-25')).toBe('2024/25');
    expect(academicYear(2024)).toBe('2024/25');
    expect(financialYear('2024/25')).toBe('2024-25');
    expect(financialYear('2024-2025')).toBe('2024-25');
    expect(academicYear('1999')).toBe('1999/00');
    expect(() => academicYear('24')).toThrow(/not a year/);
  });
});
