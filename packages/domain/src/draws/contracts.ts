import { z } from 'zod';
import { bilingual, regionCode, text, uuid } from '../contracts/common.js';
import { EnterpriseScaleSchema } from '../contracts/enterprises.js';
import { BusinessDateSchema } from '../contracts/hazards.js';
import { DRAW_STRATA } from './inputs.js';

/**
 * 监管分类: enterprises carry no supervision class of their own, so a plan's target rule
 * derives it from what they do have: an enterprise is 重点监管 (key) when its scale is one of
 * `scales` or a 重大事故隐患 was found in it in the last `majorHazardMonths` months (0: not
 * used). Every other in-scope operating enterprise is 一般 (other).
 */
export const KeyRule = z.strictObject({
  scales: z.array(EnterpriseScaleSchema).max(4),
  majorHazardMonths: z.number().int().min(0).max(60),
});

export const InspectionPlanBody = z.strictObject({
  name: text(100),
  year: z.number().int().min(2000).max(2100),
  /** The plan's region subtree; default the owner's region. */
  regionCode: regionCode.optional(),
  /** The industries in scope; a department's default and limit are its own, null (all) only for an office. */
  industries: z.array(z.string().min(1).max(50)).min(1).max(30).nullable().optional(),
  keyRule: KeyRule,
  keyTimesPerYear: z.number().int().min(0).max(12),
  othersPercent: z.number().min(0).max(100),
  roundsPerYear: z.number().int().min(1).max(12),
  teamSize: z.number().int().min(2).max(5).default(2),
});
export type InspectionPlanBody = z.infer<typeof InspectionPlanBody>;

export const PoolMemberBody = z.strictObject({
  /** 执法证号 */
  certNo: text(40),
  /** 执法证有效期至 */
  certValidUntil: BusinessDateSchema,
});
export const AvoidanceBody = z.strictObject({ userId: uuid, enterpriseId: uuid, reason: text(200) });

export const PoolMember = z.object({
  userId: z.string(),
  name: z.string(),
  orgName: z.string(),
  certNo: z.string(),
  certValidUntil: z.string(),
  avoidances: z.array(z.object({ id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), reason: z.string() })),
});

export const DrawStatusSchema = z.enum(['committed', 'drawn']);
export const DrawSummary = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  orgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: DrawStatusSchema,
  periodFrom: z.string(),
  periodTo: z.string(),
  registerCount: z.number(),
  poolCount: z.number(),
  quota: z.object({ key: z.number(), other: z.number() }),
  commitment: z.string(),
  fixedAt: z.string(),
  drawnAt: z.string().nullable(),
});

export const InspectionPlan = InspectionPlanBody.extend({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industries: z.array(z.string()).nullable(),
  orgId: z.string(),
  orgName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const InspectionPlanDetail = InspectionPlan.extend({
  pool: z.array(PoolMember),
  draws: z.array(DrawSummary),
  /** The register as a draw fixed now would see it, and the counts the target asks of one draw. */
  preview: z.object({ key: z.number(), other: z.number(), quota: z.object({ key: z.number(), other: z.number() }) }),
});
export const InspectionPlanList = z.object({ items: z.array(InspectionPlan) });
export const InspectorCandidates = z.object({ items: z.array(z.object({ userId: z.string(), name: z.string(), orgName: z.string(), inPool: z.boolean() })) });

export const FixDrawBody = z.strictObject({
  periodFrom: BusinessDateSchema,
  periodTo: BusinessDateSchema,
  /** Override the counts the plan's target gives (each at most its stratum). */
  quota: z.strictObject({ key: z.number().int().min(0), other: z.number().int().min(0) }).optional(),
});

const RegisterEntrySchema = z.object({ id: z.string(), stratum: z.enum(DRAW_STRATA), weight: z.number() });
const PoolEntrySchema = z.object({ id: z.string(), name: z.string(), avoid: z.array(z.string()) });

/** A pair as published: names only, never a phone or other personal data. */
export const PublishedPair = z.object({
  id: z.string(),
  position: z.number(),
  stratum: z.enum(DRAW_STRATA),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  inspectorIds: z.array(z.string()),
  inspectors: z.array(z.string()),
  /** The inspection carrying the pair out (null on the public page: the record itself is not public). */
  inspectionId: z.string().nullable(),
  /** Filled when the inspection lands (the inspections module). */
  inspectedOn: z.string().nullable(),
  findings: z.string().nullable(),
  measures: z.string().nullable(),
  closed: z.boolean().nullable(),
});

/** The whole draw: the fixed inputs (the seed once revealed), the lists to re-run it, the result. */
export const DrawDetail = DrawSummary.extend({
  algorithm: z.string(),
  teamSize: z.number(),
  registerHash: z.string(),
  poolHash: z.string(),
  inputsHash: z.string(),
  seed: z.string().nullable(),
  register: z.array(RegisterEntrySchema.extend({ name: z.string() })),
  pool: z.array(PoolEntrySchema),
  result: z.object({ pairs: z.array(z.object({ position: z.number(), enterpriseId: z.string(), stratum: z.enum(DRAW_STRATA), inspectorIds: z.array(z.string()) })) }).nullable(),
  resultHash: z.string().nullable(),
  pairs: z.array(PublishedPair),
});
export type DrawDetail = z.infer<typeof DrawDetail>;
export const DrawParams = z.strictObject({ id: uuid });
export const PlanParams = z.strictObject({ id: uuid });
export const PlanMemberParams = z.strictObject({ id: uuid, userId: uuid });
export const PublicDrawQuery = z.strictObject({ region: regionCode });
export const PublicDrawList = z.object({ regionCode: z.string(), regionName: z.string(), items: z.array(DrawSummary) });

export const periodOrder = bilingual('结束日期不能早于开始日期', 'the end date must not precede the start date');
export type InspectionPlan = z.infer<typeof InspectionPlan>;
export type InspectionPlanDetail = z.infer<typeof InspectionPlanDetail>;
export type DrawSummary = z.infer<typeof DrawSummary>;
export type PublishedPair = z.infer<typeof PublishedPair>;
