import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  daysInYear,
  endOfShanghaiDay,
  isBusinessDate,
  isLeapYear,
  parseBusinessDate,
  shanghaiDate,
  shanghaiYear,
  shiftYears,
  startOfShanghaiDay,
  yearProgress,
} from './shanghai.js';

describe('shanghaiDate', () => {
  it.each([
    ['2026-03-31T15:59:59.999Z', '2026-03-31'],
    ['2026-03-31T16:00:00.000Z', '2026-04-01'],
    ['2026-04-01T00:00:00.000Z', '2026-04-01'],
    ['2026-04-01T15:59:59.999Z', '2026-04-01'],
    ['2025-12-31T15:59:59.999Z', '2025-12-31'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2024-02-29T16:00:00.000Z', '2024-03-01'],
    ['1970-01-01T00:00:00.000Z', '1970-01-01'],
    ['1969-12-31T15:59:59.999Z', '1969-12-31'],
    ['1969-12-31T16:00:00.000Z', '1970-01-01'],
    ['2000-02-29T12:00:00.000Z', '2000-02-29'],
  ])('%s is %s in Shanghai', (iso, date) => {
    expect(shanghaiDate(new Date(iso))).toBe(date);
  });

  it('does not depend on the host time zone', () => {
    // Offsets written into the ISO string are the only zone information used.
    expect(shanghaiDate(new Date('2026-04-01T00:00:00+08:00'))).toBe('2026-04-01');
    expect(shanghaiDate(new Date('2026-03-31T23:59:59-08:00'))).toBe('2026-04-01');
  });

  it('gives the Shanghai year, which turns eight hours before UTC', () => {
    expect(shanghaiYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(shanghaiYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
  });

  it('rejects an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('startOfShanghaiDay / endOfShanghaiDay', () => {
  it('is 16:00Z the day before', () => {
    expect(startOfShanghaiDay('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-04-01').toISOString()).toBe('2026-04-01T16:00:00.000Z');
    expect(startOfShanghaiDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfShanghaiDay('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });

  it('round-trips with shanghaiDate for every day of a leap year', () => {
    for (let d = '2024-01-01'; d !== '2025-01-01'; d = addDays(d, 1)) {
      const start = startOfShanghaiDay(d);
      expect(shanghaiDate(start)).toBe(d);
      expect(shanghaiDate(new Date(start.getTime() - 1))).toBe(addDays(d, -1));
    }
  });
});

describe('calendar validation', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (d) => {
    expect(isBusinessDate(d)).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '20260401', '0000-01-01', ' 2026-04-01', 20260401, null])(
    'rejects %j',
    (d) => {
      expect(isBusinessDate(d)).toBe(false);
    },
  );

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2026)).toBe(365);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(parseBusinessDate('2026-04-01')).toEqual({ year: 2026, month: 4, day: 1 });
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-01-10', 60)).toBe('2026-03-11');
    expect(addDays('2026-04-01', 0)).toBe('2026-04-01');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('refuses fractional days and bad dates', () => {
    expect(() => addDays('2026-04-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('compares and counts', () => {
    expect(compareDates('2026-04-01', '2026-04-02')).toBe(-1);
    expect(compareDates('2026-04-02', '2026-04-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysBetween('2026-01-01', '2026-01-02')).toBe(1);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(() => compareDates('2026-04-01', 'tomorrow')).toThrow(RangeError);
  });

  it('shifts years keeping month and day, 29 February to 28', () => {
    expect(shiftYears('2026-04-01', -1)).toBe('2025-04-01');
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(shiftYears('2025-02-28', -1)).toBe('2024-02-28');
  });
});

describe('yearProgress', () => {
  it('counts a date as a whole day elapsed', () => {
    expect(yearProgress('2026-01-01', 2026)).toBeCloseTo(1 / 365, 12);
    expect(yearProgress('2026-12-31', 2026)).toBe(1);
    expect(yearProgress('2024-12-31', 2024)).toBe(1);
    expect(yearProgress('2024-07-01', 2024)).toBeCloseTo(183 / 366, 12);
    expect(yearProgress('2026-07-02', 2026)).toBeCloseTo(183 / 365, 12);
  });

  it('clamps outside the year', () => {
    expect(yearProgress('2025-12-31', 2026)).toBe(0);
    expect(yearProgress('2027-01-01', 2026)).toBe(1);
  });

  it('measures an instant from Shanghai midnight on 1 January', () => {
    expect(yearProgress(new Date('2025-12-31T16:00:00Z'), 2026)).toBe(0);
    expect(yearProgress(new Date('2025-12-31T15:59:59Z'), 2026)).toBe(0);
    expect(yearProgress(new Date('2026-12-31T16:00:00Z'), 2026)).toBe(1);
    // Noon in Shanghai on 2 January (leap year): 1.5 days of 366.
    expect(yearProgress(new Date('2024-01-02T04:00:00Z'), 2024)).toBeCloseTo(1.5 / 366, 12);
    expect(yearProgress(new Date('2026-07-02T04:00:00Z'), 2026)).toBeCloseTo(182.5 / 365, 12);
  });

  it('rejects a nonsense year', () => {
    expect(() => yearProgress('2026-01-01', 2026.5)).toThrow(RangeError);
  });
});
