import { z } from 'zod';
import { ACCIDENT_CATEGORIES, type AccidentCategory } from '../accidents/categories.js';
import type { Bilingual } from '../errors/error-codes.js';
import { PERIOD_KINDS } from '../stats/periods.js';
import { AccidentCategorySchema, AccidentGradeSchema, AccidentDateInput } from './accidents.js';
import { bilingualText, regionCode } from './common.js';
import { IndustryCode } from './industries.js';

/*
 * Statistics (统计) and control indicators (控制指标). Every figure is self-describing: the
 * current value, the same period last year, the difference and the percentage (null when last
 * year was 0), with the printed text the seeds use ("+33.33%", "-6.5%"). 统计口径: see
 * docs/statistics.md.
 */

// ---- control-indicator metrics: data, not branches ----

export interface IndicatorMetricDefinition {
  label: Bilingual;
  unit: Bilingual;
  /** What is counted: accidents, or deaths (including the missing). */
  measure: 'accidents' | 'deaths';
  /** Only accidents of this statistical category; null for all categories. */
  category: AccidentCategory | null;
}

export const INDICATOR_METRICS = {
  deaths_total: { label: { zh: '生产安全事故死亡人数', en: 'Deaths, all categories' }, unit: { zh: '人', en: 'people' }, measure: 'deaths', category: null },
  accidents_total: { label: { zh: '生产安全事故起数', en: 'Accidents, all categories' }, unit: { zh: '起', en: 'accidents' }, measure: 'accidents', category: null },
  deaths_industrial: { label: { zh: '工矿商贸事故死亡人数', en: 'Deaths in industry, mining and trade' }, unit: { zh: '人', en: 'people' }, measure: 'deaths', category: 'industrial_mining_trade' },
  deaths_road: { label: { zh: '生产经营性道路交通事故死亡人数', en: 'Deaths in commercial road traffic' }, unit: { zh: '人', en: 'people' }, measure: 'deaths', category: 'road_traffic' },
  deaths_fire: { label: { zh: '火灾事故死亡人数', en: 'Deaths in fires' }, unit: { zh: '人', en: 'people' }, measure: 'deaths', category: 'fire' },
} as const satisfies Record<string, IndicatorMetricDefinition>;

export type IndicatorMetric = keyof typeof INDICATOR_METRICS;
export const INDICATOR_METRIC_CODES = Object.keys(INDICATOR_METRICS) as [IndicatorMetric, ...IndicatorMetric[]];
export const IndicatorMetricSchema = z.enum(INDICATOR_METRIC_CODES);

// ---- queries ----

export const STATS_PERIODS = ['ytd', 'year', 'quarter', 'month', 'custom'] as const;

const year = z.coerce.number().int().min(2000).max(2100);

/** A comma-separated list of industry codes ('construction,metallurgy'). */
const industryList = z
  .string()
  .max(800)
  .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(IndustryCode).max(20));

export const AccidentStatsQuery = z.strictObject({
  /** Defaults to the caller's own region. */
  regionCode: regionCode.optional(),
  /** ytd: 1 January to today; year/quarter/month: that calendar span (cut at today while it runs); custom: from–to. */
  period: z.enum(STATS_PERIODS).default('ytd'),
  year: year.optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  from: AccidentDateInput.optional(),
  to: AccidentDateInput.optional(),
  /** 同比 is always given; 'mom' adds 环比 (against the previous period) to every figure. */
  compare: z.enum(['yoy', 'mom']).default('yoy'),
  category: AccidentCategorySchema.optional(),
  industry: industryList.optional(),
  grade: AccidentGradeSchema.optional(),
  /** Decimal places of the percentages (the seeds print 1 or 2). */
  decimals: z.coerce.number().int().min(0).max(4).default(1),
});

export const AccidentTrendQuery = z.strictObject({
  regionCode: regionCode.optional(),
  year: year.optional(),
  category: AccidentCategorySchema.optional(),
  decimals: z.coerce.number().int().min(0).max(4).default(1),
});

export const AccidentVetoQuery = z.strictObject({ regionCode: regionCode.optional(), year: year.optional() });

export const IndicatorQuery = z.strictObject({ regionCode: regionCode.optional(), year: year.optional() });
export const IndicatorParams = z.strictObject({ regionCode, year, metric: IndicatorMetricSchema });
export const SetIndicatorBody = z.strictObject({ cap: z.number().int().min(0).max(10_000_000) });

// ---- answers ----

export const StatsTrendDirection = z.enum(['up', 'down', 'flat']);

/** A comparison of the current value with one earlier value. */
export const StatsComparison = z.object({
  previous: z.number(),
  difference: z.number(),
  /** Rounded to `decimals`; null when the earlier value is 0 ("no percentage"). */
  percent: z.number().nullable(),
  percentText: z.string().nullable(),
  trend: StatsTrendDirection,
  /** "同比上升33.33%" / "up 33.33% year on year". */
  description: bilingualText,
});
export type StatsComparison = z.infer<typeof StatsComparison>;

/** One figure: current, the same period last year (同比), and optionally the previous period (环比). */
export const StatsFigure = StatsComparison.extend({
  current: z.number(),
  periodOnPeriod: StatsComparison.optional(),
});
export type StatsFigure = z.infer<typeof StatsFigure>;

export const AccidentMeasures = z.object({
  accidents: StatsFigure,
  /** Deaths including the missing. */
  deaths: StatsFigure,
  seriousInjuries: StatsFigure,
  minorInjuries: StatsFigure,
  /** Whole yuan. */
  directLossYuan: StatsFigure,
});
export type AccidentMeasures = z.infer<typeof AccidentMeasures>;

export const StatsShare = z.object({ part: z.number(), whole: z.number(), percent: z.number().nullable(), percentText: z.string().nullable() });
export type StatsShare = z.infer<typeof StatsShare>;

export const AccidentBreakdownRow = AccidentMeasures.extend({
  /** The grade / category / industry code; null for accidents with no industry recorded. */
  key: z.string().nullable(),
  label: bilingualText,
  /** This row's part of the totals in the current period. */
  share: z.object({ accidents: StatsShare, deaths: StatsShare }),
});
export type AccidentBreakdownRow = z.infer<typeof AccidentBreakdownRow>;

export const AccidentRegionRow = AccidentBreakdownRow.extend({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  /** True for accidents recorded on the region itself rather than on one of its sub-regions. */
  atThisLevel: z.boolean(),
  /** 1 = most deaths, then most accidents; ties share a rank. 0: the region's own row (本级), listed last, not ranked. */
  rank: z.number().int(),
  /** 双上升: accidents and deaths both up on the same period last year. */
  doubleRise: z.boolean(),
});
export type AccidentRegionRow = z.infer<typeof AccidentRegionRow>;

export const StatsPeriod = z.object({
  kind: z.enum(PERIOD_KINDS),
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  label: bilingualText,
});
export type StatsPeriod = z.infer<typeof StatsPeriod>;

export const IndicatorConsumptionView = z.object({
  metric: IndicatorMetricSchema,
  label: bilingualText,
  unit: bilingualText,
  year: z.number().int(),
  cap: z.number().int(),
  /** Year to date (1 January to asOf). */
  actual: z.number().int(),
  asOf: z.string(),
  /** actual / cap in percent (null for a zero cap) and its text ("占全年控制指标54%"). */
  percent: z.number().nullable(),
  percentText: z.string().nullable(),
  /** Share of the year elapsed at asOf, in percent. */
  yearProgressPercent: z.number(),
  /** Used faster than the year is passing. */
  ahead: z.boolean(),
  exceeded: z.boolean(),
});
export type IndicatorConsumptionView = z.infer<typeof IndicatorConsumptionView>;

export const StatsRegion = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export type StatsRegion = z.infer<typeof StatsRegion>;

export const AccidentStats = z.object({
  region: StatsRegion,
  /** Set for industry departments: only accidents in these industries are counted. */
  scopeIndustries: z.array(z.string()).nullable(),
  period: StatsPeriod,
  samePeriodLastYear: StatsPeriod,
  previousPeriod: StatsPeriod.nullable(),
  /** 统计口径 in one sentence (details in docs/statistics.md). */
  basis: bilingualText,
  decimals: z.number().int(),
  filter: z.object({ category: AccidentCategorySchema.nullable(), industries: z.array(z.string()), grade: AccidentGradeSchema.nullable() }),
  totals: AccidentMeasures,
  doubleRise: z.boolean(),
  /**
   * With an industry or grade filter: the totals' part of the same query without that filter
   * (e.g. construction + metallurgy + machinery as a share of 工矿商贸).
   */
  shareOfBase: z.object({ accidents: StatsShare, deaths: StatsShare }).nullable(),
  byGrade: z.array(AccidentBreakdownRow),
  byCategory: z.array(AccidentBreakdownRow),
  byIndustry: z.array(AccidentBreakdownRow),
  /** Sub-regions in rank order; empty for a village. */
  byRegion: z.array(AccidentRegionRow),
  indicators: z.array(IndicatorConsumptionView),
  generatedAt: z.string(),
});
export type AccidentStats = z.infer<typeof AccidentStats>;

export const AccidentTrendMonth = z.object({
  month: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** Not yet begun: all zeros. */
  future: z.boolean(),
  /** The running month, compared date for date with last year. */
  partial: z.boolean(),
  accidents: StatsFigure,
  deaths: StatsFigure,
});
export type AccidentTrendMonth = z.infer<typeof AccidentTrendMonth>;

export const AccidentTrend = z.object({
  region: StatsRegion,
  year: z.number().int(),
  category: AccidentCategorySchema.nullable(),
  scopeIndustries: z.array(z.string()).nullable(),
  months: z.array(AccidentTrendMonth),
});
export type AccidentTrend = z.infer<typeof AccidentTrend>;

export const AccidentVetoUnit = z.object({
  kind: z.enum(['region', 'enterprise']),
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  reason: bilingualText,
  seriousOrAbove: z.number().int(),
  major: z.number().int(),
  /** Counted accidents whose investigation has not yet decided on liability. */
  undetermined: z.number().int(),
});
export type AccidentVetoUnit = z.infer<typeof AccidentVetoUnit>;

export const AccidentVetoList = z.object({
  region: StatsRegion,
  year: z.number().int(),
  basis: bilingualText,
  items: z.array(AccidentVetoUnit),
});
export type AccidentVetoList = z.infer<typeof AccidentVetoList>;

export const IndicatorCell = z.object({
  metric: IndicatorMetricSchema,
  cap: z.number().int().nullable(),
  actual: z.number().int(),
  percent: z.number().nullable(),
  percentText: z.string().nullable(),
  ahead: z.boolean(),
  exceeded: z.boolean(),
  setBy: z.object({ orgId: z.string(), orgName: z.string() }).nullable(),
  setAt: z.string().nullable(),
});
export type IndicatorCell = z.infer<typeof IndicatorCell>;

export const IndicatorTable = z.object({
  year: z.number().int(),
  asOf: z.string(),
  yearProgressPercent: z.number(),
  metrics: z.array(z.object({ code: IndicatorMetricSchema, label: bilingualText, unit: bilingualText, category: z.enum(ACCIDENT_CATEGORIES).nullable(), measure: z.enum(['accidents', 'deaths']) })),
  scopeIndustries: z.array(z.string()).nullable(),
  /** The region itself first, then its sub-regions. */
  rows: z.array(z.object({ region: StatsRegion, self: z.boolean(), items: z.array(IndicatorCell), actions: z.array(z.string()) })),
});
export type IndicatorTable = z.infer<typeof IndicatorTable>;
