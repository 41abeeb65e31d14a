import { addDays, dateOf, lastDay, overdueFrom, periodsOf } from './calendar';

describe('the obligations calendar', () => {
  it('an obligation due on a day is overdue from 00:00 UTC the next day', () => {
    expect(overdueFrom('2026-06-30')).toBe('2026-07-01T00:00:00.000Z');
    expect(overdueFrom('2026-12-31')).toBe('2027-01-01T00:00:00.000Z');
    expect(dateOf('2026-04-30T23:59:59.999Z')).toBe('2026-04-30');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 10)).toBe('2027-01-10');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-04-01', -1)).toBe('2026-03-31');
  });

  it('months, quarters, halves and the year, as half-open periods', () => {
    expect(periodsOf(2026, 'month')[1]).toEqual({ id: '2026-02', start: '2026-02-01', end: '2026-03-01' });
    expect(periodsOf(2026, 'month')).toHaveLength(12);
    expect(periodsOf(2026, 'quarter')[3]).toEqual({ id: '2026-Q4', start: '2026-10-01', end: '2027-01-01' });
    expect(periodsOf(2026, 'half').map((p) => p.id)).toEqual(['2026-H1', '2026-H2']);
    expect(periodsOf(2026, 'year')).toEqual([{ id: '2026', start: '2026-01-01', end: '2027-01-01' }]);
    expect(lastDay(periodsOf(2026, 'quarter')[0])).toBe('2026-03-31');
  });

  it('ISO weeks of the week-year: each week belongs to exactly one year', () => {
    const weeks2026 = periodsOf(2026, 'week');
    // 1 January 2026 is a Thursday: week 1 starts on Monday 29 December 2025, and 2026 has 53 weeks.
    expect(weeks2026[0]).toEqual({ id: '2026-W01', start: '2025-12-29', end: '2026-01-05' });
    expect(weeks2026).toHaveLength(53);
    expect(weeks2026[52]).toEqual({ id: '2026-W53', start: '2026-12-28', end: '2027-01-04' });
    const weeks2027 = periodsOf(2027, 'week');
    expect(weeks2027[0].start).toBe('2027-01-04');
    expect(weeks2027).toHaveLength(52);
  });
});
