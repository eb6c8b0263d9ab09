import { addDays, daysInMonth, parseBusinessDate, type BusinessDate } from '../time/shanghai.js';

/** An inclusive range of dates. */
export interface DateRange {
  from: BusinessDate;
  to: BusinessDate;
}

/**
 * How a rollup kept per month and per day answers a range of dates with the fewest rows: the
 * whole months inside it from the monthly rows (a month is named by its first day), the days
 * left at either end from the daily rows. "This year to date" on 22 November is ten month rows
 * and twenty-two day rows, rather than 326 day rows.
 */
export interface RollupSpans {
  /** First days of the first and the last whole month inside the range, or null when none is. */
  months: DateRange | null;
  /** The days outside those months: none, one or two ranges. */
  days: DateRange[];
}

const firstOfMonth = (date: BusinessDate) => `${date.slice(0, 8)}01`;

function lastOfMonth(date: BusinessDate): BusinessDate {
  const p = parseBusinessDate(date)!;
  return `${date.slice(0, 8)}${String(daysInMonth(p.year, p.month)).padStart(2, '0')}`;
}

export function rollupSpans(range: DateRange): RollupSpans {
  if (range.from > range.to) return { months: null, days: [] };
  // The first whole month starts on the range's first day or on the 1st after it.
  const firstMonth = range.from === firstOfMonth(range.from) ? range.from : addDays(lastOfMonth(range.from), 1);
  // The last whole month ends on the range's last day or before the 1st of its month.
  const lastMonth = range.to === lastOfMonth(range.to) ? firstOfMonth(range.to) : firstOfMonth(addDays(firstOfMonth(range.to), -1));
  if (firstMonth > lastMonth) return { months: null, days: [range] };
  const days: DateRange[] = [];
  if (range.from < firstMonth) days.push({ from: range.from, to: addDays(firstMonth, -1) });
  const afterMonths = addDays(lastOfMonth(lastMonth), 1);
  if (afterMonths <= range.to) days.push({ from: afterMonths, to: range.to });
  return { months: { from: firstMonth, to: lastMonth }, days };
}

/** The dates the spans' whole months cover (from the first month's first day to the last one's last). */
export function monthDays(spans: RollupSpans): DateRange | null {
  return spans.months ? { from: spans.months.from, to: lastOfMonth(spans.months.to) } : null;
}

/** Every date of the ranges, in order: for the few days a rollup kept by month leaves to count. */
export function datesIn(ranges: readonly (DateRange | null)[]): BusinessDate[] {
  const out: BusinessDate[] = [];
  for (const r of ranges) if (r) for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push(d);
  return out;
}
