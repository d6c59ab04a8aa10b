import { describe, expect, it } from 'vitest';
import { buildSearchIndex, directHit, normalise, search } from '../../src/lib/search.ts';

const areas = [
  { laCode: '342', slug: 'st-helens', name: 'St. Helens' },
  { laCode: '340', slug: 'knowsley', name: 'Knowsley' },
  { laCode: '937', slug: 'warwickshire', name: 'Warwickshire' },
  { laCode: '213', slug: 'westminster', name: 'Westminster' },
  { laCode: '896', slug: 'cheshire-west-and-chester', name: 'Cheshire West and Chester' },
];
const index = buildSearchIndex(areas, [
  ...areas.map((a) => ({ name: a.name, kind: 'area' as const, laCodes: [a.laCode] })),
  { name: 'St Helens South and Whiston', kind: 'constituency', laCodes: ['340', '342'] },
  { name: 'Nuneaton', kind: 'constituency', laCodes: ['937'] },
  { name: 'Nuneaton and Bedworth', kind: 'district', laCodes: ['937'] },
  { name: 'Westminster', kind: 'ward', laCodes: ['896'] },
  { name: 'Abbey', kind: 'ward', laCodes: ['213'] },
  { name: 'Abbey', kind: 'ward', laCodes: ['937'] },
]);

describe('find my area', () => {
  it('ignores case and punctuation', () => {
    expect(normalise('St. Helens')).toBe(normalise('st helens'));
    expect(normalise('Saint Helens')).toBe('st helens');
    expect(search(index, 'st helens')[0]).toMatchObject({ name: 'St. Helens', kind: 'area' });
    expect(search(index, 'ST. HELENS')[0]).toMatchObject({ name: 'St. Helens', kind: 'area' });
  });

  it('goes straight to Warwickshire for "Nuneaton" (a constituency)', () => {
    const m = search(index, 'Nuneaton');
    expect(m.map((x) => x.name)).toEqual(['Nuneaton', 'Nuneaton and Bedworth']);
    expect(directHit(m)?.areas).toEqual([{ slug: 'warwickshire', name: 'Warwickshire' }]);
  });

  it('goes to the council called Westminster, not a ward of that name elsewhere', () => {
    const m = search(index, 'westminster');
    expect(m.map((x) => x.kind)).toEqual(['area', 'ward']);
    expect(directHit(m)?.areas).toEqual([{ slug: 'westminster', name: 'Westminster' }]);
  });

  it('lists rather than guesses when an exact name is in two areas', () => {
    expect(directHit(search(index, 'abbey'))).toBeNull();
  });

  it('ranks prefix matches before matches inside a name', () => {
    const m = search(index, 'helens');
    expect(m.map((x) => x.name)).toEqual(['St. Helens', 'St Helens South and Whiston']);
  });

  it('offers both areas for a constituency spanning two', () => {
    const m = search(index, 'St Helens South');
    expect(m[0]!.areas.map((a) => a.slug)).toEqual(['knowsley', 'st-helens']);
    expect(directHit(m)).toBeNull();
  });

  it('merges same-named wards and finds nothing for an unknown word', () => {
    expect(search(index, 'abbey')[0]!.areas).toHaveLength(2);
    expect(search(index, 'qwertyuiop')).toEqual([]);
    expect(search(index, 'a')).toEqual([]);
  });
});
