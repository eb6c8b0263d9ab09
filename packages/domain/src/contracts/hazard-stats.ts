import { z } from 'zod';
import { HazardLevelSchema } from './hazards.js';
import { IndustryCode } from './industries.js';
import { bilingualText } from './common.js';
import { AccidentStatsQuery, StatsFigure, StatsPeriod, StatsRegion, StatsShare } from './stats.js';

/*
 * Hazard statistics (隐患统计). 统计口径 (see docs/statistics.md): 排查 found = hazards whose
 * date found (Shanghai) lies in the period, rejected reports excluded; 整改 closed = hazards
 * closed (销号) in the period, whenever found; 整改率 = of the hazards found in the period, the
 * share closed by now; open, overdue (逾期), acceptance overdue (验收超期), listed and exposure are
 * snapshots as of now.
 */
export const HazardStatsQuery = AccidentStatsQuery.pick({ regionCode: true, period: true, year: true, quarter: true, month: true, from: true, to: true, decimals: true }).extend({
  industry: IndustryCode.optional(),
  level: HazardLevelSchema.optional(),
});
export type HazardStatsQuery = z.infer<typeof HazardStatsQuery>;

const Snapshot = z.object({
  open: z.number(),
  /** 逾期: the rectifying units' lateness. */
  overdue: z.number(),
  /** 验收超期: submitted in time, awaiting an acceptance that is late (the accepting units'). */
  acceptanceOverdue: z.number(),
  listed: z.number(),
  listedByLevel: z.object({ province: z.number(), city: z.number(), county: z.number() }),
  exposed: z.number(),
  accountabilityRequired: z.number(),
});

export const HazardMeasures = z.object({
  found: StatsFigure,
  closed: StatsFigure,
  major: StatsFigure,
  /** Of those found in the period, the share closed now (and the same for last year's period). */
  rectificationRate: StatsShare.extend({ previous: StatsShare }),
});

const Breakdown = HazardMeasures.extend({ key: z.string(), label: bilingualText });

export const HazardStats = z.object({
  region: StatsRegion,
  period: StatsPeriod,
  samePeriodLastYear: StatsPeriod,
  basis: bilingualText,
  totals: HazardMeasures.extend({ snapshot: Snapshot }),
  bySource: z.array(Breakdown),
  byLevel: z.array(Breakdown),
  byIndustry: z.array(Breakdown),
  byRegion: z.array(Breakdown.extend({ code: z.string(), name: z.string(), level: z.number(), snapshot: Snapshot })),
  generatedAt: z.string(),
});
export type HazardStats = z.infer<typeof HazardStats>;
