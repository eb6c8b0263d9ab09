import type { z } from 'zod';
import {
  clampToDate,
  compareDates,
  customPeriod,
  monthPeriod,
  periodDays,
  periodLabel,
  quarterPeriod,
  shiftYears,
  wholeYear,
  yearToDate,
  type AccidentStatsQuery,
  type BusinessDate,
  type Period,
  type PeriodKind,
  type StatsPeriod,
} from '@anjian/domain';
import { AppError } from '../../platform/errors.js';

const missing = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { summary: field }, [{ field, reason: 'required', message: { zh: `${field}：${zh}`, en: `${field}: ${en}` } }]);

/**
 * The period a statistics query asks for, in Shanghai dates. A running year, quarter or month
 * is cut at today, so it compares date for date with last year (clampToDate); a year-to-date of
 * an earlier year runs to the same day of that year.
 */
export function resolvePeriod(q: Pick<z.infer<typeof AccidentStatsQuery>, 'period' | 'year' | 'quarter' | 'month' | 'from' | 'to'>, today: BusinessDate): Period {
  const currentYear = Number(today.slice(0, 4));
  const year = q.year ?? currentYear;
  switch (q.period) {
    case 'ytd':
      return yearToDate(year === currentYear ? today : shiftYears(today, year - currentYear));
    case 'year':
      return clampToDate(wholeYear(year), today);
    case 'quarter':
      if (q.quarter === undefined) throw missing('query.quarter', '按季度统计须指定季度', 'a quarterly period needs a quarter');
      return clampToDate(quarterPeriod(year, q.quarter), today);
    case 'month':
      if (q.month === undefined) throw missing('query.month', '按月统计须指定月份', 'a monthly period needs a month');
      return clampToDate(monthPeriod(year, q.month), today);
    case 'custom':
      if (q.from === undefined) throw missing('query.from', '自定义期间须指定开始日期', 'a custom period needs a start date');
      if (q.to === undefined) throw missing('query.to', '自定义期间须指定结束日期', 'a custom period needs an end date');
      if (compareDates(q.from, q.to) > 0) {
        throw new AppError('VALIDATION_FAILED', { summary: 'query.to' }, [{ field: 'query.to', reason: 'before_from', message: { zh: '结束日期不能早于开始日期', en: 'query.to must not be before query.from' } }]);
      }
      return customPeriod(q.from, q.to);
  }
}

const ASKED: Record<z.infer<typeof AccidentStatsQuery>['period'], PeriodKind> = { ytd: 'year_to_date', year: 'year', quarter: 'quarter', month: 'month', custom: 'custom' };

/**
 * The period as the API reports it. `asked` is the kind in the query: a running month cut at
 * today is compared as a custom range, but is labelled the month the user chose (periodLabel).
 */
export function periodView(p: Period, asked: z.infer<typeof AccidentStatsQuery>['period']): StatsPeriod {
  return { kind: p.kind, from: p.from, to: p.to, days: periodDays(p), label: periodLabel(ASKED[asked], p) };
}
