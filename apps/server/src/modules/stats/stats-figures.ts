import {
  describeChange,
  formatPercent,
  periodOnPeriod,
  roundedPercent,
  share,
  yearOnYear,
  type AccidentMeasures,
  type Comparison,
  type StatsComparison,
  type StatsFigure,
  type StatsShare,
} from '@anjian/domain';

/*
 * Turning counts into the self-describing figures the API answers with. All arithmetic is the
 * domain's (yearOnYear, periodOnPeriod, share, formatPercent): nothing is re-implemented here.
 * Shared by every kind of statistics (accidents now, hazards beside them later).
 */

/** The five accident measures of one group in one period. */
export interface Totals {
  accidents: number;
  /** Deaths including the missing. */
  deaths: number;
  seriousInjuries: number;
  minorInjuries: number;
  /** Whole yuan. */
  directLossYuan: number;
}

export const ZERO: Totals = { accidents: 0, deaths: 0, seriousInjuries: 0, minorInjuries: 0, directLossYuan: 0 };

function view(c: Comparison, decimals: number, kind: 'year_on_year' | 'period_on_period'): StatsComparison {
  const percent = roundedPercent(c, decimals);
  return {
    previous: c.previous,
    difference: c.difference,
    percent,
    percentText: c.percent === null ? null : formatPercent(c.percent, decimals),
    trend: c.difference > 0 ? 'up' : c.difference < 0 ? 'down' : 'flat',
    description: describeChange(c, decimals, kind),
  };
}

/** current against the same period last year (同比), and against the previous period (环比) when given. */
export function figure(current: number, lastYear: number, decimals: number, previousPeriod?: number): StatsFigure {
  return {
    current,
    ...view(yearOnYear(current, lastYear), decimals, 'year_on_year'),
    ...(previousPeriod === undefined ? {} : { periodOnPeriod: view(periodOnPeriod(current, previousPeriod), decimals, 'period_on_period') }),
  };
}

export function measures(current: Totals, lastYear: Totals, decimals: number, previousPeriod: Totals | null): AccidentMeasures {
  const one = (k: keyof Totals) => figure(current[k], lastYear[k], decimals, previousPeriod?.[k]);
  return { accidents: one('accidents'), deaths: one('deaths'), seriousInjuries: one('seriousInjuries'), minorInjuries: one('minorInjuries'), directLossYuan: one('directLossYuan') };
}

/** 占比 ("占该类事故的73.4%"), printed without a sign. */
export function shareView(part: number, whole: number, decimals: number): StatsShare {
  const s = share(part, whole);
  return { part, whole, percent: s.percent === null ? null : roundedPercent(s, decimals), percentText: s.percent === null ? null : formatPercent(s.percent, decimals, { sign: false }) };
}
