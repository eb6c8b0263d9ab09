import { describe, expect, it } from 'vitest';
import {
  clampToDate,
  customPeriod,
  monthPeriod,
  periodContains,
  periodDays,
  periodInstants,
  previousPeriod,
  quarterOf,
  quarterPeriod,
  samePeriodLastYear,
  wholeYear,
  yearToDate,
  type Period,
} from './periods.js';

const range = (p: Period) => `${p.kind} ${p.from}..${p.to}`;

describe('building periods', () => {
  it('year to date runs from 1 January through today', () => {
    expect(range(yearToDate('2026-05-31'))).toBe('year_to_date 2026-01-01..2026-05-31');
  });

  it('months know their length, February in leap years too', () => {
    expect(range(monthPeriod(2024, 2))).toBe('month 2024-02-01..2024-02-29');
    expect(range(monthPeriod(2026, 2))).toBe('month 2026-02-01..2026-02-28');
    expect(range(monthPeriod(2026, 12))).toBe('month 2026-12-01..2026-12-31');
    expect(() => monthPeriod(2026, 13)).toThrow(RangeError);
  });

  it('quarters span three months', () => {
    expect(range(quarterPeriod(2026, 1))).toBe('quarter 2026-01-01..2026-03-31');
    expect(range(quarterPeriod(2026, 2))).toBe('quarter 2026-04-01..2026-06-30');
    expect(range(quarterPeriod(2026, 4))).toBe('quarter 2026-10-01..2026-12-31');
    expect(() => quarterPeriod(2026, 5)).toThrow(RangeError);
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([1, 1, 2, 4]);
  });

  it('custom ranges must not run backwards', () => {
    expect(range(customPeriod('2026-04-01', '2026-04-01'))).toBe('custom 2026-04-01..2026-04-01');
    expect(() => customPeriod('2026-04-02', '2026-04-01')).toThrow(RangeError);
    expect(() => customPeriod('2026-02-30', '2026-04-01')).toThrow(RangeError);
  });
});

describe('samePeriodLastYear (同比)', () => {
  it.each([
    [yearToDate('2026-05-31'), 'year_to_date 2025-01-01..2025-05-31'],
    [yearToDate('2024-02-29'), 'year_to_date 2023-01-01..2023-02-28'],
    [yearToDate('2025-02-28'), 'year_to_date 2024-01-01..2024-02-28'],
    [yearToDate('2025-03-01'), 'year_to_date 2024-01-01..2024-03-01'],
    [monthPeriod(2025, 2), 'month 2024-02-01..2024-02-29'],
    [monthPeriod(2024, 2), 'month 2023-02-01..2023-02-28'],
    [quarterPeriod(2025, 1), 'quarter 2024-01-01..2024-03-31'],
    [wholeYear(2026), 'year 2025-01-01..2025-12-31'],
    [customPeriod('2024-02-29', '2024-03-05'), 'custom 2023-02-28..2023-03-05'],
    [customPeriod('2026-06-13', '2026-06-20'), 'custom 2025-06-13..2025-06-20'],
  ])('%j → %s', (period, expected) => {
    expect(range(samePeriodLastYear(period))).toBe(expected);
  });
});

describe('previousPeriod (环比)', () => {
  it.each([
    [monthPeriod(2026, 3), 'month 2026-02-01..2026-02-28'],
    [monthPeriod(2024, 3), 'month 2024-02-01..2024-02-29'],
    [monthPeriod(2026, 1), 'month 2025-12-01..2025-12-31'],
    [quarterPeriod(2026, 1), 'quarter 2025-10-01..2025-12-31'],
    [quarterPeriod(2026, 3), 'quarter 2026-04-01..2026-06-30'],
    [wholeYear(2026), 'year 2025-01-01..2025-12-31'],
    [customPeriod('2026-04-11', '2026-04-20'), 'custom 2026-04-01..2026-04-10'],
    [customPeriod('2024-03-01', '2024-03-01'), 'custom 2024-02-29..2024-02-29'],
    [yearToDate('2026-01-31'), 'custom 2025-12-01..2025-12-31'],
  ])('%j → %s', (period, expected) => {
    expect(range(previousPeriod(period))).toBe(expected);
  });

  it('keeps the length of custom ranges', () => {
    const p = customPeriod('2026-02-15', '2026-03-14');
    expect(periodDays(previousPeriod(p))).toBe(periodDays(p));
  });
});

describe('period arithmetic', () => {
  it('counts days inclusively', () => {
    expect(periodDays(wholeYear(2024))).toBe(366);
    expect(periodDays(wholeYear(2026))).toBe(365);
    expect(periodDays(monthPeriod(2024, 2))).toBe(29);
    expect(periodDays(customPeriod('2026-04-01', '2026-04-01'))).toBe(1);
  });

  it('contains its own ends', () => {
    const p = monthPeriod(2026, 4);
    expect(['2026-03-31', '2026-04-01', '2026-04-30', '2026-05-01'].map((d) => periodContains(p, d))).toEqual([false, true, true, false]);
  });

  it('maps to Shanghai instants, end exclusive', () => {
    const { start, end } = periodInstants(monthPeriod(2026, 4));
    expect(start.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-04-30T16:00:00.000Z');
  });

  it('cuts a running period at today, comparing date for date from then on', () => {
    expect(range(clampToDate(monthPeriod(2026, 4), '2026-04-12'))).toBe('custom 2026-04-01..2026-04-12');
    expect(range(samePeriodLastYear(clampToDate(monthPeriod(2026, 4), '2026-04-12')))).toBe('custom 2025-04-01..2025-04-12');
    expect(range(clampToDate(monthPeriod(2026, 3), '2026-04-12'))).toBe('month 2026-03-01..2026-03-31');
    expect(range(clampToDate(monthPeriod(2026, 4), '2026-04-30'))).toBe('month 2026-04-01..2026-04-30');
    expect(range(clampToDate(monthPeriod(2026, 5), '2026-04-12'))).toBe('month 2026-05-01..2026-05-31');
  });
});
