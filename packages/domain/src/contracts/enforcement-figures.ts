import { z } from 'zod';
import { INSPECTION_TYPES } from '../inspections/vocabulary.js';
import { bilingual, regionCode } from './common.js';
import { BusinessDateSchema } from './hazards.js';

/** GET /api/enforcement/figures: a period of Shanghai dates (default: this year to date) and a region in scope. */
export const EnforcementFiguresQuery = z.strictObject({
  from: BusinessDateSchema.optional(),
  to: BusinessDateSchema.optional(),
  regionCode: regionCode.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { ...bilingual('开始日期不能晚于结束日期', 'from must not be after to'), path: ['from'] });

const Coverage = z.object({
  enterprises: z.number().int(), inspected: z.number().int(), percent: z.number().nullable(),
  target: z.number().int(), targetPercent: z.number().nullable(),
  key: z.object({ enterprises: z.number().int(), inspected: z.number().int(), met: z.number().int() }),
  others: z.object({ enterprises: z.number().int(), inspected: z.number().int() }),
});
export type CoverageFigures = z.infer<typeof Coverage>;

export const EnforcementFigures = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  /** Industries an industry department's figures are held to; null for everyone else. */
  scopeIndustries: z.array(z.string()).nullable(),
  inspections: z.object({ total: z.number().int(), byType: z.array(z.object({ type: z.enum(INSPECTION_TYPES), count: z.number().int() })) }),
  hazards: z.object({ total: z.number().int(), major: z.number().int() }),
  coverage: z.object({
    /** The plan year (the period's end) and the days counted: 1 January to the period's end. */
    year: z.number().int(), from: z.string(), to: z.string(),
    plans: z.array(z.object({ id: z.string(), name: z.string(), orgName: z.string() })),
    total: Coverage,
    byRegion: z.array(Coverage.extend({ code: z.string(), name: z.string() })),
    byIndustry: z.array(Coverage.extend({ code: z.string(), name: z.string() })),
  }),
  /** The cases module's figures (GET /api/cases/figures) for the same period and region; null without case.read. */
  cases: z.object({
    opened: z.number().int(), decided: z.number().int(), overdue: z.number().int(),
    finesDecidedYuan: z.number(), finesCollectedYuan: z.number(),
    suspended: z.number().int(), resumed: z.number().int(), closed: z.number().int(), blacklisted: z.number().int(),
  }).nullable(),
});
