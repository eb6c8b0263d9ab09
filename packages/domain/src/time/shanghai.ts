/**
 * Business dates are calendar dates in Asia/Shanghai, written 'YYYY-MM-DD'. China has kept
 * UTC+8 without daylight saving since 1991, so a fixed offset is exact for every date the
 * platform handles, and plain integer arithmetic avoids depending on the host's Intl/tzdata
 * (a server in UTC and a browser in Berlin must agree on what "today" is).
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

/** A calendar date 'YYYY-MM-DD' in Asia/Shanghai. */
export type BusinessDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Null unless the text is a real calendar date in 0001–9999 (so 2026-02-29 is null). */
export function parseBusinessDate(date: string): DateParts | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isBusinessDate(value: unknown): value is BusinessDate {
  return typeof value === 'string' && parseBusinessDate(value) !== null;
}

function requireDate(date: string): DateParts {
  const parts = parseBusinessDate(date);
  if (!parts) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return parts;
}

function requireInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

export function formatDateParts({ year, month, day }: DateParts): BusinessDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/*
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
 * Date.UTC would do for most years but silently maps years 0–99 to 1900–1999.
 */
function dayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function dateFromDayNumber(n: number): BusinessDate {
  const parts = fromDayNumber(n);
  if (parts.year < 1 || parts.year > 9999) throw new RangeError(`date out of range (year ${parts.year})`);
  return formatDateParts(parts);
}

/** The Shanghai calendar date on which an instant falls. */
export function shanghaiDate(instant: Date): BusinessDate {
  return dateFromDayNumber(Math.floor((requireInstant(instant) + SHANGHAI_OFFSET_MS) / DAY_MS));
}

export function shanghaiYear(instant: Date): number {
  return requireDate(shanghaiDate(instant)).year;
}

/** The UTC instant at which a Shanghai date begins (00:00 +08:00 = 16:00Z the day before). */
export function startOfShanghaiDay(date: BusinessDate): Date {
  return new Date(dayNumber(requireDate(date)) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** The instant the date ends, exclusive: the start of the next day (for `at < end` queries). */
export function endOfShanghaiDay(date: BusinessDate): Date {
  return new Date(startOfShanghaiDay(date).getTime() + DAY_MS);
}

export function addDays(date: BusinessDate, n: number): BusinessDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days: ${n}`);
  return dateFromDayNumber(dayNumber(requireDate(date)) + n);
}

/** −1, 0 or 1, for sorting; both arguments are validated. */
export function compareDates(a: BusinessDate, b: BusinessDate): -1 | 0 | 1 {
  const d = dayNumber(requireDate(a)) - dayNumber(requireDate(b));
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Signed whole days from a to b: daysBetween('2026-01-01', '2026-01-02') = 1. */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return dayNumber(requireDate(b)) - dayNumber(requireDate(a));
}

/**
 * The same month and day in another year; 29 February becomes 28 February when the target
 * year is not a leap year (the convention of 同比 comparisons).
 */
export function shiftYears(date: BusinessDate, years: number): BusinessDate {
  const { year, month, day } = requireDate(date);
  const target = year + years;
  return formatDateParts({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
}

/**
 * The share of `year` elapsed, 0…1, for control-indicator gauges ("时间过半、任务过半").
 * A date counts as a whole day gone — the figures shown for a date include that day — so
 * 1 January gives 1/365 and 31 December gives 1. An instant gives the exact fraction of the
 * Shanghai year. Anything before the year is 0, anything after it 1.
 */
export function yearProgress(at: BusinessDate | Date, year: number): number {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  const start = dayNumber({ year, month: 1, day: 1 });
  const length = daysInYear(year);
  const elapsedDays =
    typeof at === 'string'
      ? dayNumber(requireDate(at)) + 1 - start
      : (requireInstant(at) + SHANGHAI_OFFSET_MS) / DAY_MS - start;
  return Math.min(1, Math.max(0, elapsedDays / length));
}
