/** Rebuilding a compiled table from its JSON parts, byte for byte as Python wrote it. */
import { describe, expect, it } from 'vitest';
import { parseJsonKeepingNumbers, pythonFloat, stackJsonRecords } from '../../src/lib/stack-json.ts';

describe('stack-json', () => {
  it('formats numbers as Python does: floats keep ".0", ints do not, small floats use an exponent', () => {
    expect(pythonFloat('1.0')).toBe('1.0');
    expect(pythonFloat('100.0')).toBe('100.0');
    expect(pythonFloat('-6.410747')).toBe('-6.410747');
    expect(pythonFloat('0.00001')).toBe('1e-05');
    expect(pythonFloat('0.0001')).toBe('0.0001');
    expect(pythonFloat('0.0')).toBe('0.0');
  });

  it('keeps each number’s text and rejects malformed JSON', () => {
    const j = parseJsonKeepingNumbers('{"a":[1.50, 2], "b":"x:1"}') as { a: { raw: string }[]; b: string };
    expect(j.a.map((n) => n.raw)).toEqual(['1.50', '2']);
    expect(j.b).toBe('x:1');
    expect(() => parseJsonKeepingNumbers('{"a":1')).toThrow(SyntaxError);
  });

  it('stacks records, sorts by the keys as text, quotes like Python’s csv module and ends lines with CRLF', () => {
    const out = stackJsonRecords(
      [
        { path: 'm/r1.json', text: '{"records":[{"la":"Hull, City of","t":"202526","v":2.0},{"la":"Barnet","t":"202526","v":null}]}' },
        { path: 'm/r2.json', text: '{"records":[{"la":"Ashford \\"A\\"","t":"202425","v":3}]}' },
      ],
      { kind: 'stack-json-records', columns: ['la', 't', 'v', 'src'], sortBy: ['la'], sourceColumn: 'src', sourcePrefix: 'd/' },
    ).toString();
    expect(out).toBe('la,t,v,src\r\n"Ashford ""A""",202425,3,d/m/r2.json\r\nBarnet,202526,,d/m/r1.json\r\n"Hull, City of",202526,2.0,d/m/r1.json\r\n');
    expect(() => stackJsonRecords([{ path: 'x.json', text: '{}' }], { kind: 'stack-json-records', columns: ['a'], sortBy: [] })).toThrow(/x\.json: no "records" array/);
  });
});
