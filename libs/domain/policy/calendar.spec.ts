import { isIsoDate, periodLabel, periodsOf } from './calendar';
import { periodOfDate } from '../sales/period';

/** What isIsoDate answered before it checked by arithmetic: Date's own reading of the day. */
const byDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

describe('the policy calendar', () => {
  it('takes a date exactly when Date reads it as that day, leap years included', () => {
    for (const year of [0, 1900, 1999, 2000, 2024, 2025, 2026, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect([value, isIsoDate(value)]).toEqual([value, byDate(value)]);
        }
      }
    }
  });

  it('refuses anything but YYYY-MM-DD', () => {
    for (const bad of ['2026-1-05', '2026-01-5', ' 2026-01-05', '2026-01-05T00:00:00Z', '２０２６-01-05', '', 20260105, null, undefined]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('labels periods as the plan lists them, and finds the period of a date', () => {
    expect(periodsOf(2026, 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOf(2026, 'month')).toHaveLength(12);
    expect(periodsOf(2026, 'month').every((label, i) => label === periodLabel(2026, i, 'month'))).toBe(true);
    expect(periodOfDate('2026-03-31', 'month')).toBe('2026-03');
    expect(periodOfDate('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOfDate('2026-12-31', 'quarter')).toBe('2026-Q4');
    expect(() => periodOfDate('2026-02-29', 'month')).toThrow(RangeError);
  });
});
