import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../time/shanghai.js';
import { daysDeadline, hoursDeadline, isOnTime, lastInstantOf } from './deadlines.js';

const t = (iso: string) => new Date(iso);
const after = (d: Date, ms = 1) => new Date(d.getTime() + ms);

describe('lastInstantOf', () => {
  it('is 23:59:59.999 Shanghai, 15:59:59.999Z', () => {
    expect(lastInstantOf('2026-05-01').toISOString()).toBe('2026-05-01T15:59:59.999Z');
    expect(shanghaiDate(lastInstantOf('2026-05-01'))).toBe('2026-05-01');
    expect(shanghaiDate(after(lastInstantOf('2026-05-01')))).toBe('2026-05-02');
  });
});

describe('daysDeadline: the starting day is not counted, the last day runs to 24:00 Shanghai', () => {
  it.each([
    // occurred (UTC)             days  last day still on time
    ['2026-04-01T02:00:00Z', 30, '2026-05-01'],
    ['2026-04-01T02:00:00Z', 7, '2026-04-08'],
    ['2026-04-01T02:00:00Z', 60, '2026-05-31'],
    ['2026-04-01T02:00:00Z', 120, '2026-07-30'],
    ['2026-05-20T15:59:59.999Z', 15, '2026-06-04'],
    // 23:59 on 31 March in Shanghai is still 31 March; 00:00 on 1 April is 1 April.
    ['2026-03-31T15:59:00Z', 7, '2026-04-07'],
    ['2026-03-31T16:00:00Z', 7, '2026-04-08'],
    // Across a month end, a year end, and 29 February.
    ['2026-01-31T04:00:00Z', 30, '2026-03-02'],
    ['2026-12-25T04:00:00Z', 7, '2027-01-01'],
    ['2028-02-22T04:00:00Z', 7, '2028-02-29'],
  ] as const)('from %s, %d days: last day %s', (from, days, lastDay) => {
    const d = daysDeadline(t(from), days);
    expect(d.unit).toBe('days');
    expect(d.dueDate).toBe(lastDay);
    expect(d.dueAt.toISOString()).toBe(lastInstantOf(lastDay).toISOString());
    // dueDate is the date of dueAt: nobody derives it by hand.
    expect(shanghaiDate(d.dueAt)).toBe(d.dueDate);
    expect(isOnTime(d, d.dueAt)).toBe(true);
    expect(isOnTime(d, after(d.dueAt))).toBe(false);
    // 00:00 of the day after is the first instant outside.
    expect(after(d.dueAt).toISOString()).toBe(new Date(Date.parse(`${lastDay}T00:00:00+08:00`) + 86_400_000).toISOString());
  });
});

describe('hoursDeadline: the exact instant, included', () => {
  it('1 hour from 10:00 is 11:00 that day', () => {
    const d = hoursDeadline(t('2026-04-01T02:00:00Z'), 1);
    expect([d.unit, d.dueAt.toISOString(), d.dueDate]).toEqual(['hours', '2026-04-01T03:00:00.000Z', '2026-04-01']);
    expect(isOnTime(d, t('2026-04-01T03:00:00.000Z'))).toBe(true);
    expect(isOnTime(d, t('2026-04-01T03:00:00.001Z'))).toBe(false);
  });

  it('names the Shanghai date the hour ends on: 23:30 + 1 hour is 00:30 the next day', () => {
    const d = hoursDeadline(t('2026-04-01T15:30:00Z'), 1);
    expect([d.dueAt.toISOString(), d.dueDate]).toEqual(['2026-04-01T16:30:00.000Z', '2026-04-02']);
  });
});
