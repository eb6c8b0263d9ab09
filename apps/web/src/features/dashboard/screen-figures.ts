import type { AccidentStatsData, HazardStatsData } from './dashboard.api';

/** What the 大屏's map and ranking are coloured and ordered by. */
export const SCREEN_FIGURES = ['overdue', 'accidents', 'deaths', 'doubleRise'] as const;
export type ScreenFigure = (typeof SCREEN_FIGURES)[number];

export const isScreenFigure = (v: string | null): v is ScreenFigure => (SCREEN_FIGURES as readonly string[]).includes(v ?? '');

export interface ScreenRow {
  code: string;
  name: string;
  value: number;
  /** 1 = the highest value; ties share a rank. */
  rank: number;
  doubleRise: boolean;
}

/**
 * The sub-regions by one figure, highest first (ties by name, sharing a rank). 本级 is not a
 * sub-region and is left out, as in the ranking table. 双上升 is 1 or 0, so its rows are the
 * regions where both accidents and deaths rose.
 */
export function screenRows(figure: ScreenFigure, accidents: AccidentStatsData, hazards: HazardStatsData | undefined): ScreenRow[] {
  const overdue = new Map((hazards?.byRegion ?? []).map((r) => [r.code, r.snapshot.overdue]));
  const rows = accidents.byRegion.filter((r) => !r.atThisLevel).map((r) => ({
    code: r.code,
    name: r.name,
    doubleRise: r.doubleRise,
    value: figure === 'overdue' ? (overdue.get(r.code) ?? 0) : figure === 'accidents' ? r.accidents.current : figure === 'deaths' ? r.deaths.current : r.doubleRise ? 1 : 0,
  }));
  rows.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN'));
  return rows.map((r) => ({ ...r, rank: rows.findIndex((o) => o.value === r.value) + 1 }));
}
