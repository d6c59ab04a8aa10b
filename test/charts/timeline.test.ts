/**
 * The inspection timeline (timelineSvg, desktop and phone widths) from hand-made entries, and
 * the stacked outcome bars (stackedOutcomePlot) from hand-made counts.
 *
 * Not from fixtures: timelineSpec(area) and timelineEntries(a) read the generated inspection
 * events by id at module scope (listed in the report); the drawing, which takes its entries,
 * is what these goldens cover. Inspections have no suppressed figures; the timeline's missing
 * value is an undated event ("date not published").
 */
import { describe, expect, it } from 'vitest';
import { checkGoldenPair } from './golden.ts';
import { chartPhoneSvg, chartSvg, PHONE_WIDTH, stackedOutcomePlot, timelineSvg, timelineText, timelineTitle, type ChartSpec } from './fixtures.ts';

type Entry = Parameters<typeof timelineSvg>[0][number];
const SRC = 'https://reports.ofsted.gov.uk/fixture';

const first = (as = ''): Entry => ({ date: '2017-03-06', when: '6 March 2017', kind: 'first-inspection', title: `Inspection${as}`, detail: 'Written Statement of Action required: 4 significant weaknesses', outcome: null, source: SRC });
const revisit = (as = ''): Entry => ({ date: '2019-11-18', when: '18 November 2019', kind: 'revisit', title: `Revisit${as}`, detail: 'Sufficient progress on some weaknesses (2 of 4)', outcome: null, source: SRC });
const full2: Entry = { date: '2024-02-05', when: '5 February 2024', kind: 'full-inspection', title: 'Full inspection: outcome 2', detail: 'Inconsistent experiences and outcomes', outcome: 2, source: SRC };
const full3: Entry = { date: '2023-06-12', when: '12 June 2023', kind: 'full-inspection', title: 'Full inspection: outcome 3', detail: 'Widespread and/or systemic failings', outcome: 3, source: SRC };
const next = (when: string, after: string): Entry => ({ date: '2027-02-01', when, kind: 'expected', title: 'Next full inspection expected', detail: after, outcome: null, source: 'rule' });

const golden = (name: string, entries: Entry[]) => checkGoldenPair('timeline', name, { desktop: timelineSvg(entries), phone: timelineSvg(entries, PHONE_WIDTH) });

const markers = (svg: string) => ({
  circles: (svg.match(/<circle/g) ?? []).length,
  diamonds: (svg.match(/rotate\(45/g) ?? []).length,
  outcomes: [...svg.matchAll(/font-size="14" font-weight="700" fill="[^"]+">(\d)<\/text>/g)].map((m) => Number(m[1])),
  dashed: (svg.match(/stroke-dasharray="3 2"/g) ?? []).length,
});

describe('inspection timeline goldens', () => {
  it('normal: first inspection, revisit, full inspection with its outcome, and the next one expected', () => {
    const entries = [first(), revisit(), full2, next('By February 2027', 'About 3 years after outcome 2')];
    const { desktop, phone } = golden('normal', entries);
    for (const svg of [desktop, phone]) expect(markers(svg)).toEqual({ circles: 1, diamonds: 1, outcomes: [2], dashed: 1 });
    expect(phone).toContain('width="344"');
    expect(timelineText(entries)).toBe('Timeline of 4 entries, oldest first: 6 March 2017: inspection, Written Statement of Action required: 4 significant weaknesses; 18 November 2019: revisit, sufficient progress on some weaknesses (2 of 4); 5 February 2024: full inspection: outcome 2, inconsistent experiences and outcomes; by February 2027: next full inspection expected, about 3 years after outcome 2.');
  });

  it('reorganised: a successor area shows its predecessor’s inspections, labelled as such', () => {
    const entries = [first(' (as Northamptonshire)'), revisit(' (as Northamptonshire)'), full3, { ...next('By December 2024', 'About 18 months after outcome 3'), kind: 'monitoring' as const, title: 'Monitoring inspection expected' }, next('By June 2026', 'About 3 years after outcome 3')];
    const { desktop, phone } = golden('reorganised', entries);
    for (const svg of [desktop, phone]) {
      // (wrapped on the phone: read the words, not the lines)
      const words = [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1]).join(' ');
      expect(words).toContain('Inspection (as Northamptonshire)');
      expect(words).toContain('Revisit (as Northamptonshire)');
      expect(markers(svg).outcomes).toEqual([3]);
    }
    expect(timelineTitle('North Northamptonshire', 'outcome-3')).toBe('North Northamptonshire: latest inspection found systemic failings');
  });

  it('undated (the timeline’s missing value): an event whose date was not published says so', () => {
    const undated: Entry = { ...full2, date: '', when: 'date not published' };
    const { desktop } = golden('undated', [first(), undated, next('By February 2027', 'About 3 years after outcome 2')]);
    expect(desktop).toContain('>date not</text>');
    expect(desktop).toContain('>published</text>');
  });

  it('all missing: an area never inspected shows one entry, the inspection due', () => {
    const entries: Entry[] = [{ date: '2025-08-31', when: 'Due now', kind: 'expected', title: 'Full inspection due', detail: 'Not yet inspected under the 2023 framework', outcome: null, source: 'rule' }];
    const { desktop, phone } = golden('all-missing', entries);
    for (const svg of [desktop, phone]) expect(markers(svg)).toEqual({ circles: 0, diamonds: 0, outcomes: [], dashed: 1 });
    // The long form has 11 words: the title drops "under the 2023 framework" to stay within 10.
    expect(timelineTitle('Isles of Scilly', 'not-yet')).toBe('Isles of Scilly: due a full inspection');
  });
});

describe('stacked outcome bar goldens', () => {
  const spec = (rows: { y: string; counts: Record<string, number> }[]) =>
    ({
      id: 'fixture-stacked',
      plot: stackedOutcomePlot(rows, ['outcome-1', 'outcome-2', 'outcome-3', 'not-yet'], { label: 'Number of local areas' }, { height: 80 + 36 * rows.length }),
      phonePlot: stackedOutcomePlot(rows, ['outcome-1', 'outcome-2', 'outcome-3', 'not-yet'], { label: 'Number of local areas' }, { height: 130 + 40 * rows.length }, 'phone'),
    }) as unknown as ChartSpec;
  const segments = (svg: string) => (svg.match(/<rect[^>]*fill="[^"]+"[^>]*height=|<rect[^>]*height=[^>]*fill=/g) ?? []).length;

  it('normal: each region’s areas stacked by latest outcome, counts written where they fit, the key in the SVG', () => {
    const s = spec([
      { y: 'North East', counts: { 'outcome-1': 3, 'outcome-2': 5, 'outcome-3': 1, 'not-yet': 3 } },
      { y: 'Yorkshire and The Humber', counts: { 'outcome-1': 2, 'outcome-2': 6, 'outcome-3': 2, 'not-yet': 5 } },
      { y: 'South West', counts: { 'outcome-1': 1, 'outcome-2': 4, 'outcome-3': 3, 'not-yet': 7 } },
    ]);
    const { desktop, phone } = checkGoldenPair('stacked', 'normal', { desktop: chartSvg(s), phone: chartPhoneSvg(s) });
    for (const svg of [desktop, phone]) expect(svg).toContain('class="chart-key"');
    expect(segments(desktop)).toBeGreaterThanOrEqual(12);
  });

  it('zero counts: a category with none draws no segment and no "0" label', () => {
    const s = spec([
      { y: 'North East', counts: { 'outcome-1': 0, 'outcome-2': 5, 'outcome-3': 0, 'not-yet': 7 } },
      { y: 'London', counts: { 'outcome-1': 4, 'outcome-2': 0, 'outcome-3': 0, 'not-yet': 29 } },
    ]);
    const { desktop } = checkGoldenPair('stacked', 'zeros', { desktop: chartSvg(s), phone: chartPhoneSvg(s) });
    const labels = /aria-label="text">([^]*?)<\/g>/.exec(desktop)![1]!;
    expect([...labels.matchAll(/>(\d+)<\/text>/g)].map((m) => m[1])).toEqual(['5', '7', '4', '29']);
  });
});
