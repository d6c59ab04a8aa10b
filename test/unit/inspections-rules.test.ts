import { describe, expect, it } from 'vitest';
import { academicYear, addMonths, monthsBetween, nextInspection, DUE_NOW_RULE, NEXT_RULES } from '../../src/lib/inspections.ts';

describe('next-inspection rules', () => {
  it('outcome 1: full inspection within about 5 years of the last day of inspection', () => {
    const n = nextInspection({ framework: '2023', outcome: 1, date: '2024-03-15' }, '2026-06-26');
    expect(n).toMatchObject({ status: 'expected', fullBy: '2029-03-15', monitoringBy: null, overdue: false, monitoringDue: false, rule: NEXT_RULES[1].rule });
    expect(n.rule).toMatch(/5 years/);
  });

  it('outcome 2: full inspection within about 3 years', () => {
    const n = nextInspection({ framework: '2023', outcome: 2, date: '2024-07-12' }, '2026-06-26');
    expect(n).toMatchObject({ status: 'expected', fullBy: '2027-07-12', monitoringBy: null, overdue: false });
    expect(n.rule).toMatch(/3 years/);
  });

  it('outcome 3: monitoring within about 18 months and full reinspection within about 3 years', () => {
    const n = nextInspection({ framework: '2023', outcome: 3, date: '2024-01-26' }, '2025-06-01');
    expect(n).toMatchObject({ fullBy: '2027-01-26', monitoringBy: '2025-07-26', monitoringDue: false, overdue: false });
    expect(n.rule).toMatch(/18 months/);
    expect(nextInspection({ framework: '2023', outcome: 3, date: '2024-01-26' }, '2025-07-27').monitoringDue).toBe(true);
  });

  it('flags an inspection as overdue only once the reference date is past the expected-by date', () => {
    expect(nextInspection({ framework: '2023', outcome: 2, date: '2023-03-10' }, '2026-03-10').overdue).toBe(false);
    expect(nextInspection({ framework: '2023', outcome: 2, date: '2023-03-10' }, '2026-03-11').overdue).toBe(true);
  });

  it('an area last inspected under the first framework is due now, with months since that inspection', () => {
    const n = nextInspection({ framework: '2016', outcome: null, date: '2022-09-27' }, '2026-06-26');
    expect(n).toMatchObject({ status: 'due-now', fullBy: null, monitoringBy: null, rule: DUE_NOW_RULE, lastDate: '2022-09-27', monthsSinceLast: 44 });
  });

  it('depends on the reference date passed in, not the clock', () => {
    const a = nextInspection({ framework: '2023', outcome: 1, date: '2020-01-01' }, '2024-12-31');
    const b = nextInspection({ framework: '2023', outcome: 1, date: '2020-01-01' }, '2025-01-02');
    expect([a.overdue, b.overdue]).toEqual([false, true]);
  });

  it('rejects dates that are not ISO dates', () => {
    expect(() => nextInspection({ framework: '2023', outcome: 1, date: '15/03/2024' }, '2026-06-26')).toThrow(/not an ISO date/);
    expect(() => nextInspection({ framework: '2023', outcome: 1, date: '2024-03-15' }, '2026-02-30')).toThrow(/reference date/);
  });
});

describe('date helpers', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2023-08-31', 18)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2023-11-15', 2)).toBe('2024-01-15');
  });
  it('counts whole months', () => {
    expect(monthsBetween('2022-09-27', '2026-06-26')).toBe(44);
    expect(monthsBetween('2022-09-27', '2026-06-27')).toBe(45);
  });
  it('academic years run September to August', () => {
    expect(academicYear('2016-08-31')).toBe('2015/16');
    expect(academicYear('2016-09-01')).toBe('2016/17');
    expect(academicYear('2099-12-01')).toBe('2099/00');
  });
});
