import { z } from 'zod';
import { HAZARD_ACTIONS } from '../hazards/transitions.js';
import { HAZARD_LEVELS, HAZARD_REJECTION_REASONS, HAZARD_SOURCES, HAZARD_STATUSES } from '../hazards/vocabulary.js';
import { isBusinessDate } from '../time/index.js';
import { actions, bilingual, optionalText, regionCode, text } from './common.js';
import { IndustryCode } from './industries.js';

export const HazardLevelSchema = z.enum(HAZARD_LEVELS);
export const HazardSourceSchema = z.enum(HAZARD_SOURCES);
export const HazardStatusSchema = z.enum(HAZARD_STATUSES);
export const HazardActionSchema = z.enum(HAZARD_ACTIONS);

/** A calendar date (Asia/Shanghai business date), 'YYYY-MM-DD'. */
export const BusinessDateSchema = z.string().refine(isBusinessDate, bilingual('应为有效日期 YYYY-MM-DD', 'must be a valid date YYYY-MM-DD'));

/** bigint ids travel as decimal strings. */
export const HazardId = z.string().regex(/^[1-9]\d{0,17}$/, bilingual('不是有效的隐患编号', 'is not a valid hazard id'));
export const HazardParams = z.strictObject({ id: HazardId });

const photos = (max: number) => z.array(z.uuid()).max(max).default([]);

/**
 * A citizen who reported a hazard (群众举报, source public_report). Kept encrypted; read only by
 * the government units that handle the report, each read audited — never by the enterprise
 * reported on, nor the public (举报人身份保密).
 */
export const ReporterIdentity = z.strictObject({
  name: text(50),
  phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, bilingual('应为 11 位手机号或带区号的固定电话', 'must be an 11-digit mobile number or a landline with area code')).optional(),
});
export const HazardReporter = z.object({ name: z.string(), phone: z.string().nullable() });

/** What a public report shows where others show who found the hazard. */
export const REPORTER_CONFIDENTIAL_NAME = '举报人（身份保密）';

export const ReportHazardBody = z.strictObject({
  title: text(100),
  description: optionalText(2000),
  /** The enterprise where it was found; its region is used when regionCode is absent. */
  enterpriseId: z.uuid().optional(),
  regionCode: regionCode.optional(),
  industryCode: IndustryCode.optional(),
  location: optionalText(200),
  latitude: z.number().min(3).max(54).optional(),
  longitude: z.number().min(73).max(136).optional(),
  level: HazardLevelSchema,
  /** 重大事故隐患判定标准 clause, when known (free text for now). */
  criterionClause: optionalText(300),
  source: HazardSourceSchema,
  /** Who found it, when not the reporter (an expert, an inspector without an account); for a public report, the citizen's name. */
  foundByName: optionalText(50),
  /** Public reports only: the citizen who reported (stored encrypted, never shown to the enterprise). */
  reporter: ReporterIdentity.optional(),
  foundOn: BusinessDateSchema,
  /** Uploaded photos before rectification (POST /api/files first). */
  photos: photos(9),
});

export const CommentBody = z.strictObject({ comment: optionalText(2000) });

export const RejectBody = z.strictObject({
  reason: z.enum(HAZARD_REJECTION_REASONS),
  duplicateOf: HazardId.optional(),
  comment: optionalText(2000),
});

export const PlanSchema = z.strictObject({
  responsibility: text(500),
  measures: text(2000),
  funds: text(200),
  deadline: BusinessDateSchema,
  contingencyPlan: text(2000),
});

export const AssignBody = z.strictObject({
  /** The organisation that rectifies; defaults to the hazard's enterprise. */
  responsibleOrgId: z.uuid().optional(),
  responsibleUnit: text(100).optional(),
  responsiblePerson: text(50),
  /** Defaults to the 三管三必须 route for the hazard's region and industry. */
  supervisingDepartmentId: z.uuid().optional(),
  deadline: BusinessDateSchema,
  /** 五落实 — required for a major hazard. */
  plan: PlanSchema.optional(),
  comment: optionalText(2000),
});

export const ProgressBody = z.strictObject({ comment: text(2000), photos: photos(9) });
export const RequestExtensionBody = z.strictObject({ requestedDeadline: BusinessDateSchema, reason: text(1000) });
export const DecideExtensionBody = z.strictObject({ approve: z.boolean(), grantedDeadline: BusinessDateSchema.optional(), reason: optionalText(1000) });
export const SuperviseBody = z.strictObject({ comment: text(2000), photos: photos(9) });
export const ListBody = z.strictObject({
  liaisonLeader: text(50),
  departmentId: z.uuid(),
  /** 停产停业整改: the enterprise's status follows. */
  suspend: z.boolean().default(false),
  comment: optionalText(2000),
});
export const DelistBody = z.strictObject({ reason: text(1000) });
export const SubmitBody = z.strictObject({ comment: optionalText(2000), photos: z.array(z.uuid()).min(1).max(9) });
export const AcceptBody = z.strictObject({
  /** The signature: the acceptor re-enters their password. */
  password: z.string().min(1).max(256),
  comment: optionalText(2000),
  /** 双归零 — required for a major hazard. */
  rootCause: optionalText(2000),
  loopholeFixed: optionalText(2000),
});
export const ReasonBody = z.strictObject({ reason: text(2000) });
export const ReviewBody = z.strictObject({ drawId: z.string().regex(/^\d+$/).optional(), comment: text(2000) });
export const AccountabilityBody = z.strictObject({
  person: text(50),
  personOrg: optionalText(100),
  failure: text(1000),
  decision: text(1000),
  decidedOn: BusinessDateSchema,
});

export const HazardFile = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), kind: z.string(), url: z.string() });

export const HazardEvent = z.object({
  seq: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  actorOrgName: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  files: z.array(HazardFile),
});

export const HazardSummary = z.object({
  id: z.string(),
  title: z.string(),
  level: HazardLevelSchema,
  source: HazardSourceSchema,
  status: HazardStatusSchema,
  regionCode: z.string(),
  regionName: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string() }).nullable(),
  industryCode: z.string().nullable(),
  foundOn: z.string(),
  deadline: z.string().nullable(),
  /** 逾期: the rectifying unit is late (docs/statistics.md). */
  overdue: z.boolean(),
  daysOverdue: z.number(),
  /** 验收超期: submitted in time, the accepting unit is late. Never also `overdue`. */
  acceptanceOverdue: z.boolean(),
  daysAcceptanceOverdue: z.number(),
  dueSoon: z.boolean(),
  listedLevel: z.number().nullable(),
  responsibleUnit: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export type HazardSummary = z.infer<typeof HazardSummary>;

export const HazardDetail = HazardSummary.extend({
  description: z.string(),
  location: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  criterionClause: z.string().nullable(),
  foundByName: z.string(),
  /** A public report: foundByName is a placeholder, the citizen's identity is confidential. */
  reporterConfidential: z.boolean(),
  /** The identity is recorded and this viewer may read it (GET /api/hazards/{id}/reporter, audited). */
  reporterAvailable: z.boolean(),
  reportedAt: z.string(),
  responsiblePerson: z.string().nullable(),
  supervisingDepartment: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignedAt: z.string().nullable(),
  plan: z.record(z.string(), z.string()).nullable(),
  extensionRequest: z.record(z.string(), z.string()).nullable(),
  listing: z.record(z.string(), z.unknown()).nullable(),
  acceptance: z.record(z.string(), z.unknown()).nullable(),
  accountabilityRequired: z.boolean(),
  accountability: z.array(z.object({ person: z.string(), personOrg: z.string().nullable(), failure: z.string(), decision: z.string(), decidedOn: z.string() })),
  files: z.array(HazardFile),
  timeline: z.array(HazardEvent),
  version: z.number(),
  actions,
});
export type HazardDetail = z.infer<typeof HazardDetail>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const LedgerQuery = z.strictObject({
  regionCode: regionCode.optional(),
  enterpriseId: z.uuid().optional(),
  industry: IndustryCode.optional(),
  level: HazardLevelSchema.optional(),
  status: HazardStatusSchema.optional(),
  source: HazardSourceSchema.optional(),
  overdue: flag.optional(),
  acceptanceOverdue: flag.optional(),
  listed: flag.optional(),
  /** Only the hazards this account reported itself (the reporter's home), within its scope as always. */
  reportedByMe: flag.optional(),
  from: BusinessDateSchema.optional(),
  to: BusinessDateSchema.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const LedgerPage = z.object({
  items: z.array(HazardSummary),
  nextCursor: z.string().nullable(),
  counts: z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()), overdue: z.number(), acceptanceOverdue: z.number(), listed: z.number() }),
});

/** 回头看: a seeded, recorded random draw of closed hazards. */
export const DrawReviewBody = z.strictObject({
  regionCode: regionCode.optional(),
  size: z.number().int().min(1).max(10_000).optional(),
  percent: z.number().gt(0).max(100).optional(),
  /** Omitted: a random seed is generated and recorded. */
  seed: z.string().trim().min(1).max(100).optional(),
  from: BusinessDateSchema.optional(),
  to: BusinessDateSchema.optional(),
});

export const ReviewDraw = z.object({
  id: z.string(),
  regionCode: z.string(),
  seed: z.string(),
  algorithm: z.string(),
  size: z.number().nullable(),
  percent: z.number().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  populationCount: z.number(),
  drawnAt: z.string(),
  drawnBy: z.string(),
  /** Re-running the draw from the recorded seed and population gives the same sample. */
  reproducible: z.boolean(),
  sample: z.array(HazardSummary),
});
export const ReviewDrawList = z.object({ items: z.array(ReviewDraw.omit({ sample: true })) });
export const ReviewDrawParams = z.strictObject({ id: z.string().regex(/^[1-9]\d{0,17}$/) });

/** 三张清单 and 四个清单. */
export const HAZARD_LISTS = ['problems', 'rectification', 'responsibility', 'investigation', 'cases', 'penalties', 'accountability'] as const;
export const HazardListName = z.enum(HAZARD_LISTS);
export const HazardListParams = z.strictObject({ list: HazardListName });
export const HazardListQuery = z.strictObject({
  regionCode: regionCode.optional(),
  from: BusinessDateSchema.optional(),
  to: BusinessDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export const HazardListPage = z.object({
  list: HazardListName,
  title: z.object({ zh: z.string(), en: z.string() }),
  note: z.object({ zh: z.string(), en: z.string() }).nullable(),
  columns: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  nextCursor: z.string().nullable(),
});

export const Notification = z.object({ id: z.string(), hazardId: z.string().nullable(), kind: z.string(), title: z.string(), createdAt: z.string(), read: z.boolean() });
const TaskGroup = z.object({ count: z.number(), items: z.array(HazardSummary) });
export const Inbox = z.object({
  tasks: z.object({
    assigned: TaskGroup, toVerify: TaskGroup, toAssign: TaskGroup, toAccept: TaskGroup, dueSoon: TaskGroup, overdue: TaskGroup,
    /** The rectifying unit's own, submitted and waiting for the government's acceptance (验收材料已提交). */
    submitted: TaskGroup,
  }),
  notifications: z.array(Notification),
  unread: z.number(),
});
export const UnreadCount = z.object({ unread: z.number() });
export const MarkReadBody = z.strictObject({ ids: z.array(z.string().regex(/^\d+$/)).max(200).optional(), all: z.boolean().optional() });
export type ReviewDraw = z.infer<typeof ReviewDraw>;
export type HazardListPage = z.infer<typeof HazardListPage>;
export type Inbox = z.infer<typeof Inbox>;
