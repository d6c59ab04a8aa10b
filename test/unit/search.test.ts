import { describe, expect, it } from 'vitest';
import {
  directHit,
  keyWord,
  normalise,
  parsePostcode,
  resolvePostcode,
  searchPlaces,
  shardKeyFor,
  shardPlaces,
  sharePercent,
  splitSentence,
  type IndexedPlace,
  type PlaceEntry,
  type PostcodeShard,
  type SearchMeta,
} from '../../src/lib/search.ts';

const meta: SearchMeta = {
  areas: [
    ['st-helens', 'St. Helens'],
    ['knowsley', 'Knowsley'],
    ['warwickshire', 'Warwickshire'],
    ['westminster', 'Westminster'],
    ['cheshire-west-and-chester', 'Cheshire West and Chester'],
    ['kingston-upon-hull', 'Kingston upon Hull'],
    ['solihull', 'Solihull'],
    ['coventry', 'Coventry'],
    ['derbyshire', 'Derbyshire'],
    ['sefton', 'Sefton'],
    ['westmorland-and-furness', 'Westmorland and Furness'],
    ['bristol', 'Bristol'],
  ],
  districts: ['Nuneaton and Bedworth', 'South Lakeland'],
  keys: [],
  postcodeAreas: ['CV', 'BS', 'LD'],
  postcodeRelease: 'October 2025',
};
const P = (name: string, type: IndexedPlace['type'], area: number, district = -1): IndexedPlace => ({ name, type, area, district });
const places: IndexedPlace[] = [
  ...meta.areas.map(([, name], i) => P(name, 'council area', i)),
  P('St Helens South and Whiston', 'parliamentary constituency', 1),
  P('St Helens South and Whiston', 'parliamentary constituency', 0),
  P('Nuneaton', 'parliamentary constituency', 2),
  P('Nuneaton', 'town', 2, 0),
  P('Nuneaton and Bedworth', 'district', 2),
  P('Westminster', 'ward', 4),
  P('Abbey', 'ward', 3),
  P('Abbey', 'ward', 2),
  P('Hulland', 'ward', 8),
  P('Hulland', 'village', 8),
  P('Kingston upon Hull', 'city', 5),
  P('Hull East', 'parliamentary constituency', 5),
  P('Maghull', 'town', 9),
  P('Kendal', 'town', 10, 1),
  P('Kendal', 'civil parish', 10, 1),
  P('Kendal Castle', 'ward', 10, 1),
  P('Barrow-in-Furness', 'town', 10),
  P('Bristol West', 'former parliamentary constituency', 11),
  P('Newtown', 'village', 4),
  P('Newtown', 'hamlet', 8),
];
const shards = shardPlaces(places, 400);
meta.keys = Object.keys(shards);

function find(q: string) {
  const w = keyWord(q);
  const key = w ? shardKeyFor(w, meta.keys) : null;
  const entries: PlaceEntry[] = key ? shards[key]!.e : [];
  return searchPlaces(meta, entries, q);
}

describe('find my area: place names', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalise('St. Helens')).toBe(normalise('st helens'));
    expect(normalise('Saint Helens')).toBe('st helens');
    expect(normalise('Barrow-in-Furness')).toBe('barrow in furness');
    expect(normalise('Ŕöthwell')).toBe('rothwell');
    expect(find('ST. HELENS')[0]).toMatchObject({ name: 'St. Helens', score: 3 });
    expect(directHit(find('Barrow in Furness'))?.slug).toBe('westmorland-and-furness');
  });

  it('goes straight to Warwickshire for "Nuneaton" (a town and a constituency)', () => {
    const m = find('Nuneaton');
    expect(m.map((x) => x.name)).toEqual(['Nuneaton', 'Nuneaton and Bedworth']);
    expect(directHit(m)).toEqual({ name: 'Nuneaton', slug: 'warwickshire', area: 'Warwickshire' });
  });

  it('goes to the council called Westminster, not a ward of that name elsewhere', () => {
    expect(directHit(find('westminster'))?.slug).toBe('westminster');
  });

  it('Kendal and Barrow-in-Furness reach Westmorland and Furness; a former constituency reaches its area', () => {
    expect(directHit(find('Kendal'))?.slug).toBe('westmorland-and-furness');
    expect(directHit(find('Barrow-in-Furness'))?.slug).toBe('westmorland-and-furness');
    expect(directHit(find('bristol west'))?.slug).toBe('bristol');
  });

  it('matches whole words: "Hull" offers Kingston upon Hull first, never Maghull or Solihull, and Hulland only as a word start', () => {
    const m = find('Hull');
    expect(m[0]!.name).toBe('Kingston upon Hull');
    expect(m[0]!.hits[0]!.type).toBe('council area');
    expect(m.map((x) => x.name)).not.toContain('Maghull');
    expect(m.map((x) => x.name)).not.toContain('Solihull');
    expect(m.findIndex((x) => x.name === 'Hulland')).toBeGreaterThan(m.findIndex((x) => x.name === 'Hull East'));
    expect(directHit(m)).toBeNull();
  });

  it('lists rather than guesses when a name is in several areas, each with its area', () => {
    const m = find('newtown');
    expect(directHit(m)).toBeNull();
    expect(m[0]!.hits.map((h) => h.area)).toEqual(['Cheshire West and Chester', 'Derbyshire']);
    expect(directHit(find('abbey'))).toBeNull();
  });

  it('offers both areas for a constituency spanning two', () => {
    const m = find('St Helens South');
    const c = m.find((x) => x.name === 'St Helens South and Whiston')!;
    expect(c.hits.map((h) => h.slug).sort()).toEqual(['knowsley', 'st-helens']);
  });

  it('finds nothing for an unknown word or a single letter', () => {
    expect(find('qwertyuiop')).toEqual([]);
    expect(find('a')).toEqual([]);
  });

  it('splits big shards by one more letter and keeps short words in the parent shard', () => {
    const big = Array.from({ length: 400 }, (_, i) => P(`Stanton ${i}`, 'village', 0)).concat([P('St Ives', 'town', 1)]);
    const s = shardPlaces(big, 2000);
    expect(Object.keys(s)).toContain('st');
    expect(Object.keys(s).some((k) => k.startsWith('sta'))).toBe(true);
    expect(s.st!.e.map((e) => e[0])).toEqual(['St Ives']);
    expect(shardKeyFor('stanton', Object.keys(s))).not.toBe('st');
    for (const [k, shard] of Object.entries(s)) expect(JSON.stringify(shard).length <= 2000 || k.length >= 5, `shard ${k}`).toBe(true);
  });
});

const cv: PostcodeShard = {
  d: { CV1: [[7, 1]], CV7: [[2, 0.5608], [6, 0.3419], [7, 0.0973]] },
  s: { 'CV1 2': [[7, 1]], 'CV7 7': [[2, 0.9], [6, 0.1]] },
};

describe('find my area: postcodes', () => {
  it('reads full postcodes in any case or spacing, sectors and districts', () => {
    expect(parsePostcode('CV1 2GT')).toMatchObject({ kind: 'full', district: 'CV1', sector: 'CV1 2', display: 'CV1 2GT' });
    expect(parsePostcode('cv12gt')).toMatchObject({ kind: 'full', district: 'CV1', sector: 'CV1 2' });
    expect(parsePostcode(' cv1   2gt ')).toMatchObject({ kind: 'full', sector: 'CV1 2' });
    expect(parsePostcode('SW1A 1AA')).toMatchObject({ kind: 'full', district: 'SW1A', sector: 'SW1A 1' });
    expect(parsePostcode('BS1')).toMatchObject({ kind: 'district', district: 'BS1' });
    expect(parsePostcode('cv7')).toMatchObject({ kind: 'district', district: 'CV7' });
    expect(parsePostcode('CV1 2')).toMatchObject({ kind: 'sector', sector: 'CV1 2' });
    expect(parsePostcode('CV1 2G')).toMatchObject({ kind: 'invalid' });
    expect(parsePostcode('Hull')).toBeNull();
    expect(parsePostcode('Nuneaton')).toBeNull();
  });

  it('a full postcode resolves through its sector, a partial one through its district', () => {
    const r = resolvePostcode(meta, cv, parsePostcode('CV1 2GT') as never);
    expect(r).toMatchObject({ kind: 'areas', basis: 'sector', label: 'CV1 2', areas: [{ slug: 'coventry', share: 1 }] });
    const d = resolvePostcode(meta, cv, parsePostcode('CV7') as never);
    expect(d.kind === 'areas' && d.areas.map((a) => a.name)).toEqual(['Warwickshire', 'Solihull', 'Coventry']);
  });

  it('falls back to the district when the sector is not listed', () => {
    expect(resolvePostcode(meta, cv, parsePostcode('CV1 9ZZ') as never)).toMatchObject({ basis: 'district', label: 'CV1' });
  });

  it('says so for Scottish, Welsh and Northern Irish postcodes, and for ones not found', () => {
    expect(resolvePostcode(meta, null, parsePostcode('EH1 1YZ') as never)).toEqual({ kind: 'not-england', label: 'EH1 1YZ', country: 'Scotland' });
    expect(resolvePostcode(meta, null, parsePostcode('CF10 1AA') as never)).toMatchObject({ kind: 'not-england', country: 'Wales' });
    expect(resolvePostcode(meta, null, parsePostcode('BT1 1AA') as never)).toMatchObject({ kind: 'not-england', country: 'Northern Ireland' });
    expect(resolvePostcode(meta, cv, parsePostcode('CV99') as never)).toMatchObject({ kind: 'not-found' });
  });

  it('words a split: most of, then the rest; largest share first', () => {
    const d = resolvePostcode(meta, cv, parsePostcode('CV7') as never);
    if (d.kind !== 'areas') throw new Error('expected areas');
    expect(splitSentence(d.label, d.areas)).toBe('Most of CV7 is in Warwickshire; parts are in Solihull and Coventry.');
    expect(splitSentence('X1', [{ name: 'A', share: 0.4 }, { name: 'B', share: 0.35 }], [{ country: 'Wales', share: 0.25 }])).toBe('X1 is split between A, B and Wales.');
    expect(sharePercent(0.5608)).toBe('56%');
    expect(sharePercent(0.003)).toBe('less than 1%');
  });
});

describe('arrival notes (no JavaScript on the area page)', async () => {
  const { arrivalNotes, placeFragment } = await import('../../src/lib/arrival.ts');
  const notes = arrivalNotes(meta, shards, { CV: cv });
  const ids = (i: number) => notes[i]!.map((n) => n.id);

  it('names towns and constituencies that belong to one area only, and every area of a split postcode district', () => {
    expect(notes[2]!.find((n) => n.id === 'from-nuneaton')?.text).toBe('Nuneaton is in Warwickshire.');
    expect(notes[10]!.find((n) => n.id === 'from-barrow-in-furness')?.text).toBe('Barrow-in-Furness is in Westmorland and Furness.');
    expect(ids(4)).not.toContain('from-newtown');
    for (const i of [2, 6, 7]) expect(notes[i]!.find((n) => n.id === 'from-pc-cv7')?.text).toMatch(/^Most of CV7 is in Warwickshire; parts are in Solihull and Coventry\. This page is about /);
    expect(ids(7)).not.toContain('from-pc-cv1');
    for (const list of notes) expect(new Set(list.map((n) => n.id)).size).toBe(list.length);
  });

  it('the search page links a direct hit to its note, or to the general one', () => {
    expect(placeFragment(find('Nuneaton')[0]!, 'warwickshire')).toBe('#from-nuneaton');
    expect(placeFragment(find('Westminster')[0]!, 'westminster')).toBe('');
    expect(placeFragment(find('Kendal')[0]!, 'westmorland-and-furness')).toBe('#from-kendal');
    expect(placeFragment(find('Newtown')[0]!, 'derbyshire')).toBe('#from-place');
  });
});
