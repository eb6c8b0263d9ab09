import { AccidentStats, AccidentTrend, HazardStats, STATS_PERIODS } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type AccidentStatsData = z.infer<typeof AccidentStats>;
export type HazardStatsData = z.infer<typeof HazardStats>;
export type AccidentTrendData = z.infer<typeof AccidentTrend>;
export type Figure = AccidentStatsData['totals']['accidents'];
export type AccidentRegionRow = AccidentStatsData['byRegion'][number];
export type HazardRegionRow = HazardStatsData['byRegion'][number];

export type PeriodKind = (typeof STATS_PERIODS)[number];

/** The period part of a statistics query (AccidentStatsQuery), as the address and the API carry it. */
export interface PeriodQuery {
  period: PeriodKind;
  year?: number;
  quarter?: number;
  month?: number;
  /** Shanghai dates 'YYYY-MM-DD', both included. */
  from?: string;
  to?: string;
}

const PERIOD_KEYS = ['period', 'year', 'quarter', 'month', 'from', 'to'] as const;

function isPeriodKind(value: string | null): value is PeriodKind {
  return value !== null && (STATS_PERIODS as readonly string[]).includes(value);
}

/**
 * The period lives in the address (?period=month&year=2026&month=10), so a drill-down, the
 * browser's back button and a shared link all keep it. Without one: this year to date.
 */
export function usePeriod(): [PeriodQuery, (next: PeriodQuery) => void, string] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period: PeriodQuery = { period: isPeriodKind(raw) ? raw : 'ytd' };
  const number = (key: 'year' | 'quarter' | 'month') => {
    const value = Number(params.get(key));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  if (period.period !== 'custom' && period.period !== 'ytd') period.year = number('year');
  if (period.period === 'quarter') period.quarter = number('quarter');
  if (period.period === 'month') period.month = number('month');
  if (period.period === 'custom') {
    period.from = params.get('from') ?? undefined;
    period.to = params.get('to') ?? undefined;
  }
  const set = (next: PeriodQuery) => {
    const out = new URLSearchParams(params);
    for (const key of PERIOD_KEYS) out.delete(key);
    for (const key of PERIOD_KEYS) {
      const value = next[key];
      if (value !== undefined && value !== null && !(key === 'period' && value === 'ytd')) out.set(key, String(value));
    }
    setParams(out);
  };
  return [period, set, params.toString()];
}

/** Is the period complete enough to ask for (a month needs its month, a range both ends)? */
export function periodReady(p: PeriodQuery): boolean {
  if (p.period === 'month') return p.month !== undefined;
  if (p.period === 'quarter') return p.quarter !== undefined;
  if (p.period === 'custom') return !!p.from && !!p.to;
  return true;
}

export const statsKeys = {
  accidents: (regionCode: string, period: PeriodQuery) => ['stats', 'accidents', regionCode, period] as const,
  hazards: (regionCode: string, period: PeriodQuery) => ['stats', 'hazards', regionCode, period] as const,
  trend: (regionCode: string, year: number) => ['stats', 'trend', regionCode, year] as const,
};

/** refreshMs: the 大屏 asks again every minute (also when the tab is in the background: it is on a wall). */
export interface Refresh { refreshMs?: number }
const refresh = (o: Refresh) => (o.refreshMs ? { refetchInterval: o.refreshMs, refetchIntervalInBackground: true } : {});

export function useAccidentStats(regionCode: string, period: PeriodQuery, options: Refresh = {}) {
  return useQuery({
    queryKey: statsKeys.accidents(regionCode, period),
    queryFn: () => api.get('/stats/accidents', { query: { regionCode, ...period }, schema: AccidentStats }),
    enabled: periodReady(period),
    ...refresh(options),
  });
}

export function useHazardStats(regionCode: string, period: PeriodQuery, options: Refresh = {}) {
  return useQuery({
    queryKey: statsKeys.hazards(regionCode, period),
    queryFn: () => api.get('/stats/hazards', { query: { regionCode, ...period }, schema: HazardStats }),
    enabled: periodReady(period),
    ...refresh(options),
  });
}

/** Month by month for the year the period ends in, against the same months last year. */
export function useAccidentTrend(regionCode: string, year: number | undefined, options: Refresh = {}) {
  return useQuery({
    queryKey: statsKeys.trend(regionCode, year ?? 0),
    queryFn: () => api.get('/stats/accidents/trend', { query: { regionCode, year }, schema: AccidentTrend }),
    enabled: year !== undefined,
    ...refresh(options),
  });
}
