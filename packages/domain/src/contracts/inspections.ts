import { z } from 'zod';
import { INSPECTION_STATUSES } from '../inspections/transitions.js';
import { INSPECTION_TYPES, ITEM_RESULTS } from '../inspections/vocabulary.js';
import { criterionClause } from '../inspections/criteria.js';
import { bilingual, optionalText, pageQuery, text } from './common.js';
import { BusinessDateSchema } from './hazards.js';
import { IndustryCode } from './industries.js';

export const InspectionTypeSchema = z.enum(INSPECTION_TYPES);
export const InspectionStatusSchema = z.enum(INSPECTION_STATUSES);
export const ItemResultSchema = z.enum(ITEM_RESULTS);
export const InspectionParams = z.strictObject({ id: z.uuid() });

export const ChecklistItemSchema = z.strictObject({
  key: z.string().trim().min(1).max(60).regex(/^[a-z0-9._/-]+$/, bilingual('只能含小写字母、数字和 . _ / -', 'only lower-case letters, digits and . _ / -')),
  text: text(300),
  basis: text(300),
  clauseId: z.string().max(60).refine((id) => criterionClause(id) !== undefined, bilingual('不是已收录的判定标准条款', 'is not a known criterion clause')).optional(),
});

/** A new version of an industry's checklist; it supersedes the current one (published versions never change). */
export const PublishChecklistBody = z.strictObject({
  industryCode: IndustryCode,
  title: text(100),
  items: z.array(ChecklistItemSchema).min(1).max(200)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, bilingual('检查项编号不能重复', 'item keys must be unique')),
});

export const ChecklistListQuery = z.strictObject({ industryCode: IndustryCode.optional(), includeSuperseded: z.enum(['true', 'false']).optional() });

export const ChecklistSummary = z.object({
  id: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  version: z.number(),
  title: z.string(),
  current: z.boolean(),
  supersedesId: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  itemCount: z.number(),
  majorItemCount: z.number(),
});

export const ChecklistDetail = ChecklistSummary.extend({
  items: z.array(z.object({ key: z.string(), text: z.string(), basis: z.string(), clauseId: z.string().nullable(), clauseCitation: z.string().nullable() })),
});

export const CreateInspectionBody = z.strictObject({
  type: InspectionTypeSchema,
  enterpriseId: z.uuid(),
  inspectedOn: BusinessDateSchema,
  checklistId: z.uuid(),
  /** The team's user ids (at least one inspector); the recorder must be among them. */
  team: z.array(z.uuid()).min(1).max(10).refine((ids) => new Set(ids).size === ids.length, bilingual('检查组成员不能重复', 'team members must be distinct')),
  /** The 双随机 draw pairing this inspection carries out (draws module; linked by id). */
  drawPairId: z.uuid().optional(),
  /** A 复查 names the case whose 责令限期整改 it re-checks (only a 复查 may). */
  caseId: z.uuid().optional(),
});

/** 开始检查 from a drawn pair: the enterprise and the team are the pair's. */
export const StartPairInspectionBody = z.strictObject({ checklistId: z.uuid(), inspectedOn: BusinessDateSchema });
export const DrawPairParams = z.strictObject({ id: z.uuid(), pairId: z.uuid() });

/** A case linked to an inspection, as the inspection page lists it. */
export const LinkedCase = z.object({ id: z.string(), number: z.string(), cause: z.string(), status: z.string(), filedOn: z.string() });
/** A 复查 inspection, as the case page lists it (and the 整改复查意见书 cites it). */
export const Reinspection = z.object({ id: z.string(), status: InspectionStatusSchema, inspectedOn: z.string(), summary: z.string().nullable(), failedCount: z.number(), majorCount: z.number(), orgName: z.string() });

export const ItemResultBody = z.strictObject({
  itemKey: z.string().min(1).max(60),
  result: ItemResultSchema,
  note: optionalText(1000),
  photos: z.array(z.uuid()).max(9).default([]),
});

export const SaveResultsBody = z.strictObject({
  results: z.array(ItemResultBody).max(200),
  summary: optionalText(2000),
});

export const RecordInspectionBody = z.strictObject({
  /** Every team member signs with their own password (谁检查、谁签字). */
  inspectorSignatures: z.array(z.strictObject({ userId: z.uuid(), password: z.string().min(1).max(200) })).min(1).max(10),
  /** The enterprise's person on site: a name, and an on-screen signature image (PNG uploaded first) when given. */
  enterpriseSignature: z.strictObject({ name: text(50), title: optionalText(50), imageFileId: z.uuid().optional() }),
  summary: optionalText(2000),
});

export const ArchiveInspectionBody = z.strictObject({ comment: optionalText(500) });

export const InspectionListQuery = z.strictObject({
  type: InspectionTypeSchema.optional(),
  status: InspectionStatusSchema.optional(),
  enterpriseId: z.uuid().optional(),
  /** Only inspections the caller is on. */
  mine: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

const Member = z.object({ userId: z.string(), name: z.string(), signedAt: z.string().nullable() });

export const InspectionSummary = z.object({
  id: z.string(),
  type: InspectionTypeSchema,
  status: InspectionStatusSchema,
  enterprise: z.object({ id: z.string(), name: z.string() }),
  regionCode: z.string(),
  industryCode: z.string(),
  orgName: z.string(),
  inspectedOn: z.string(),
  team: z.array(Member),
  failedCount: z.number(),
  majorCount: z.number(),
  hazardCount: z.number(),
  recordedAt: z.string().nullable(),
});

export const InspectionPage = z.object({ items: z.array(InspectionSummary), nextCursor: z.string().nullable() });

export const InspectionDetail = InspectionSummary.extend({
  checklist: z.object({ id: z.string(), title: z.string(), version: z.number() }),
  drawPairId: z.string().nullable(),
  /** The draw of that pair (the page links back to it). */
  drawId: z.string().nullable(),
  drawPlanId: z.string().nullable(),
  /** A 复查's case (the order it re-checks). */
  orderCase: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** Cases opened from this inspection (立案查处), those the reader may see. */
  cases: z.array(LinkedCase),
  summary: z.string().nullable(),
  recorderName: z.string(),
  items: z.array(z.object({
    key: z.string(), text: z.string(), basis: z.string(), clauseId: z.string().nullable(), clauseCitation: z.string().nullable(),
    result: ItemResultSchema.nullable(), note: z.string().nullable(), photos: z.array(z.string()),
    hazard: z.object({ id: z.string(), level: z.string(), criterionClause: z.string().nullable() }).nullable(),
  })),
  enterpriseSignature: z.object({ name: z.string(), title: z.string().nullable(), imageFileId: z.string().nullable(), at: z.string() }).nullable(),
  events: z.array(z.object({ action: z.string(), actorName: z.string(), at: z.string(), fromStatus: z.string().nullable(), toStatus: z.string() })),
  /** What the caller may do now (the UI shows only these). */
  actions: z.array(z.string()),
});
