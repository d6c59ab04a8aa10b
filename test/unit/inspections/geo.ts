/** A hand-made slice of England's geography for the inspections tests. */
import { GeographyIndex, slugify, type Area, type CodeChange, type Geography } from '../../../src/lib/geography.ts';

const area = (laCode: string, onsCode: string, name: string, regionCode: string, formerOnsCodes: string[] = []): Area => ({
  laCode,
  onsCode,
  officialName: name,
  name,
  slug: slugify(name),
  regionCode,
  laType: 'Unitary authority',
  formerOnsCodes,
  neighbours: [],
});

const change = (effectiveDate: string, oldLaCode: string, oldOnsCode: string, oldName: string, newLaCode: string, newOnsCode: string, newName: string): CodeChange => ({
  effectiveDate,
  event: 'test',
  oldLaCode,
  oldOnsCode,
  oldName,
  newLaCode,
  newOnsCode,
  newName,
  note: '',
});

export function testGeography(): GeographyIndex {
  const geography: Geography = {
    regions: [
      { code: 'E12000002', name: 'North West', slug: 'north-west' },
      { code: 'E12000004', name: 'East Midlands', slug: 'east-midlands' },
      { code: 'E12000007', name: 'London', slug: 'london' },
      { code: 'E12000008', name: 'South East', slug: 'south-east' },
      { code: 'E12000009', name: 'South West', slug: 'south-west' },
    ],
    areas: [
      area('301', 'E09000002', 'Barking and Dagenham', 'E12000007'),
      area('839', 'E06000058', 'Bournemouth, Christchurch and Poole', 'E12000009'),
      area('825', 'E06000060', 'Buckinghamshire', 'E12000008', ['E10000002']),
      area('942', 'E06000063', 'Cumberland', 'E12000002'),
      area('838', 'E06000059', 'Dorset', 'E12000009'),
      area('886', 'E10000016', 'Kent', 'E12000008'),
      area('940', 'E06000061', 'North Northamptonshire', 'E12000004'),
      area('941', 'E06000062', 'West Northamptonshire', 'E12000004'),
      area('943', 'E06000064', 'Westmorland and Furness', 'E12000002'),
    ],
    codeChanges: [
      change('2019-04-01', '835', 'E10000009', 'Dorset (county)', '839', 'E06000058', 'Bournemouth, Christchurch and Poole'),
      change('2019-04-01', '835', 'E10000009', 'Dorset (county)', '838', 'E06000059', 'Dorset'),
      change('2020-04-01', '825', 'E10000002', 'Buckinghamshire (county)', '825', 'E06000060', 'Buckinghamshire'),
      change('2021-04-01', '928', 'E10000021', 'Northamptonshire', '940', 'E06000061', 'North Northamptonshire'),
      change('2021-04-01', '928', 'E10000021', 'Northamptonshire', '941', 'E06000062', 'West Northamptonshire'),
      change('2023-04-01', '909', 'E10000006', 'Cumbria', '942', 'E06000063', 'Cumberland'),
      change('2023-04-01', '909', 'E10000006', 'Cumbria', '943', 'E06000064', 'Westmorland and Furness'),
    ],
    registerCodes: {},
  };
  return new GeographyIndex(geography);
}
