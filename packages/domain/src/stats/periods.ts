import type { Bilingual } from '../errors/error-codes.js';
import {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  endOfShanghaiDay,
  formatDateParts,
  parseBusinessDate,
  shiftYears,
  startOfShanghaiDay,
  type BusinessDate,
} from '../time/shanghai.js';

/**
 * Statistical periods are inclusive ranges of Shanghai dates; an accident belongs to the
 * period containing the Shanghai date it occurred on. The kind is kept because it decides
 * what "the same period last year" and "the previous period" mean: a whole month compares
 * with a whole month (February 2024 has 29 days, February 2023 has 28), a range of dates
 * with the same dates.
 */
export const PERIOD_KINDS = ['year_to_date', 'year', 'quarter', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS = {
  year_to_date: { zh: '本年累计', en: 'Year to date' },
  year: { zh: '全年', en: 'Year' },
  quarter: { zh: '季度', en: 'Quarter' },
  month: { zh: '月度', en: 'Month' },
  custom: { zh: '自定义', en: 'Custom range' },
} as const satisfies Record<PeriodKind, Bilingual>;

export interface Period {
  kind: PeriodKind;
  /** First day, inclusive. */
  from: BusinessDate;
  /** Last day, inclusive. */
  to: BusinessDate;
}

function parts(date: BusinessDate) {
  const p = parseBusinessDate(date);
  if (!p) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return p;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2 || year > 9999) throw new RangeError(`invalid year: ${year}`);
}

/** 1 January up to and including `today`. */
export function yearToDate(today: BusinessDate): Period {
  return { kind: 'year_to_date', from: formatDateParts({ year: parts(today).year, month: 1, day: 1 }), to: today };
}

export function wholeYear(year: number): Period {
  checkYear(year);
  return { kind: 'year', from: formatDateParts({ year, month: 1, day: 1 }), to: formatDateParts({ year, month: 12, day: 31 }) };
}

export function monthPeriod(year: number, month: number): Period {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`invalid month: ${month}`);
  return { kind: 'month', from: formatDateParts({ year, month, day: 1 }), to: formatDateParts({ year, month, day: daysInMonth(year, month) }) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`invalid quarter: ${quarter}`);
  const first = monthPeriod(year, quarter * 3 - 2);
  const last = monthPeriod(year, quarter * 3);
  return { kind: 'quarter', from: first.from, to: last.to };
}

export function customPeriod(from: BusinessDate, to: BusinessDate): Period {
  if (compareDates(from, to) > 0) throw new RangeError(`a period cannot end (${to}) before it starts (${from})`);
  return { kind: 'custom', from, to };
}

export function quarterOf(date: BusinessDate): number {
  return Math.ceil(parts(date).month / 3);
}

/** The same period a year earlier (同比); 29 February maps to 28 February. */
export function samePeriodLastYear(period: Period): Period {
  const { year, month } = parts(period.from);
  switch (period.kind) {
    case 'year':
      return wholeYear(year - 1);
    case 'quarter':
      return quarterPeriod(year - 1, quarterOf(period.from));
    case 'month':
      return monthPeriod(year - 1, month);
    case 'year_to_date':
      return { kind: 'year_to_date', from: shiftYears(period.from, -1), to: shiftYears(period.to, -1) };
    case 'custom':
      return { kind: 'custom', from: shiftYears(period.from, -1), to: shiftYears(period.to, -1) };
  }
}

/**
 * The period just before (环比): the previous month, quarter or year; for a custom range or
 * a year-to-date, the range of equal length ending the day before it starts.
 */
export function previousPeriod(period: Period): Period {
  const { year, month } = parts(period.from);
  switch (period.kind) {
    case 'year':
      return wholeYear(year - 1);
    case 'quarter': {
      const q = quarterOf(period.from);
      return q === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, q - 1);
    }
    case 'month':
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    case 'year_to_date':
    case 'custom': {
      const to = addDays(period.from, -1);
      return { kind: 'custom', from: addDays(to, -(periodDays(period) - 1)), to };
    }
  }
}

/** Number of days, both ends included. */
export function periodDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

export function periodContains(period: Period, date: BusinessDate): boolean {
  return compareDates(period.from, date) <= 0 && compareDates(date, period.to) <= 0;
}

/** The half-open instant range [start, end) for queries on timestamptz columns. */
export function periodInstants(period: Period): { start: Date; end: Date } {
  return { start: startOfShanghaiDay(period.from), end: endOfShanghaiDay(period.to) };
}

/**
 * A period cut off at `today` (this month or this quarter so far). A cut period compares
 * date for date, so it becomes a custom range; an uncut one keeps its kind, and so does one
 * that has not started yet (there is nothing to cut it to).
 */
export function clampToDate(period: Period, today: BusinessDate): Period {
  if (compareDates(period.to, today) <= 0 || compareDates(period.from, today) > 0) return period;
  return customPeriod(period.from, today);
}

/**
 * What a period is called on screen, from the kind the user asked for: a running month or
 * quarter is cut at today and compared date for date (clampToDate makes it a custom range),
 * yet the user chose 月度 or 季度, and the label says so — with "截至" the day it is cut at.
 */
export function periodLabel(asked: PeriodKind, period: Period): Bilingual {
  const { year, month } = parts(period.from);
  const end = parts(period.to);
  const q = quarterOf(period.from);
  const whole =
    asked === 'month' ? period.to === monthPeriod(year, month).to
      : asked === 'quarter' ? period.to === quarterPeriod(year, q).to
        : asked === 'year' ? period.to === wholeYear(year).to
          : true;
  const cut = whole ? null : { zh: `，截至${end.month}月${end.day}日`, en: `, to ${period.to}` };
  const name: Bilingual =
    asked === 'month' ? { zh: `${year}年${month}月`, en: `${year}-${String(month).padStart(2, '0')}` }
      : asked === 'quarter' ? { zh: `${year}年第${q}季度`, en: `Q${q} ${year}` }
        : asked === 'year' ? { zh: `${year}年全年`, en: `Year ${year}` }
          : PERIOD_KIND_LABELS[asked];
  return { zh: `${period.from} 至 ${period.to}（${name.zh}${cut?.zh ?? ''}）`, en: `${period.from} to ${period.to} (${name.en}${cut?.en ?? ''})` };
}
