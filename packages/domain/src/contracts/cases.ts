import { z } from 'zod';
import { CASE_ACTIONS } from '../cases/transitions.js';
import { DOCUMENT_KINDS } from '../cases/documents.js';
import { RECHECK_RESULTS } from '../cases/rechecks.js';
import { CASE_SOURCES, CASE_STATUSES, MEASURE_KINDS } from '../cases/vocabulary.js';
import { bilingual, optionalText, text } from './common.js';
import { BusinessDateSchema, HazardId } from './hazards.js';
import { Reinspection } from './inspections.js';

export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const CaseActionSchema = z.enum(CASE_ACTIONS);
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export const CaseParams = z.strictObject({ id: z.uuid() });
export const CaseDocumentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });

/**
 * A measure as the client sends it. The legal basis is deliberately optional here: the
 * domain's guard (measureProblems) refuses a missing one with a 422 naming
 * measures.N.legalBasis, like every other incomplete measure.
 */
export const MeasureInput = z.strictObject({
  kind: z.enum(MEASURE_KINDS),
  legalBasis: z.string().trim().max(300).default(''),
  amountFen: z.number().int().min(0).max(1e13).nullable().optional(),
  deadline: BusinessDateSchema.nullable().optional(),
  licence: z.string().trim().max(100).nullable().optional(),
  licenceAction: z.enum(['suspend', 'revoke']).nullable().optional(),
  content: z.string().trim().max(500).nullable().optional(),
});
export type MeasureInput = z.infer<typeof MeasureInput>;

export const FileCaseBody = z.strictObject({
  enterpriseId: z.uuid(),
  /** 案由 */
  cause: text(200),
  facts: optionalText(4000),
  source: z.enum(CASE_SOURCES).default('inspection'),
  /** The inspection that found it: of the same enterprise, visible to the filer. */
  inspectionId: z.uuid().optional(),
  hazardIds: z.array(HazardId).max(50).default([]),
  filedOn: BusinessDateSchema.optional(),
});

const comment = optionalText(2000);
export const CASE_ACTION_BODIES = {
  investigate: z.strictObject({ comment }),
  submit_review: z.strictObject({ facts: text(4000), measures: z.array(MeasureInput).max(10), comment }),
  return_investigation: z.strictObject({ reason: text(1000) }),
  notify: z.strictObject({ notifiedOn: BusinessDateSchema.optional(), comment }),
  record_response: z.strictObject({ kind: z.enum(['statement', 'waiver', 'hearing_request', 'hearing_held']), content: text(2000), on: BusinessDateSchema.optional() }),
  decide: z.strictObject({ measures: z.array(MeasureInput).max(10), decidedOn: BusinessDateSchema.optional(), comment }),
  serve: z.strictObject({ servedOn: BusinessDateSchema, method: z.enum(['direct', 'post', 'left', 'notice', 'electronic']), recipient: text(50) }),
  execute: z.strictObject({ paidFen: z.number().int().min(0).max(1e13).default(0), paidOn: BusinessDateSchema.optional(), note: text(1000) }),
  close: z.strictObject({ comment }),
  no_penalty: z.strictObject({ reason: text(1000), legalBasis: text(300) }),
  revoke: z.strictObject({ reason: text(1000) }),
  transfer: z.strictObject({ organ: text(100), reason: text(1000) }),
  extend: z.strictObject({
    days: z.number().int().min(1).max(90, bilingual('单次延长不超过 90 日', 'at most 90 days per extension')),
    reason: text(500),
    approver: text(50),
  }),
} as const;

export const GenerateDocumentBody = z.strictObject({ kind: DocumentKindSchema });

export const CaseListQuery = z.strictObject({
  status: CaseStatusSchema.optional(),
  enterpriseId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const CaseMeasure = z.object({
  id: z.string(), kind: z.enum(MEASURE_KINDS), legalBasis: z.string(), amountFen: z.number().nullable(), deadline: z.string().nullable(),
  licence: z.string().nullable(), licenceAction: z.string().nullable(), content: z.string().nullable(),
});
export const CaseDocument = z.object({ id: z.string(), kind: DocumentKindSchema, number: z.string(), title: z.string(), sha256: z.string(), size: z.number(), generatedAt: z.string(), generatedMs: z.number() });
export const CaseEvent = z.object({ seq: z.number(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), actorName: z.string(), actorOrgName: z.string().nullable(), at: z.string(), comment: z.string().nullable(), data: z.unknown() });

export const CaseSummary = z.object({
  id: z.string(), number: z.string(), cause: z.string(), status: CaseStatusSchema, enterpriseId: z.string(), enterpriseName: z.string(),
  regionCode: z.string(), industryCode: z.string().nullable(), orgId: z.string(), orgName: z.string(), filedOn: z.string(),
  dueOn: z.string().nullable(), daysOverdue: z.number(), decidedOn: z.string().nullable(), fineFen: z.number(), paidFen: z.number(),
});
export const CaseDetail = CaseSummary.extend({
  facts: z.string().nullable(), source: z.string(), inspectionId: z.string().nullable(), hazardIds: z.array(z.string()),
  extensionDays: z.number(), notifiedOn: z.string().nullable(), hearingRight: z.boolean(), responseLastDay: z.string().nullable(),
  response: z.object({ waived: z.boolean(), hearingRequested: z.boolean(), hearingHeld: z.boolean() }),
  proposedMeasures: z.array(MeasureInput.partial()), measures: z.array(CaseMeasure), servedOn: z.string().nullable(), executedOn: z.string().nullable(),
  closedOn: z.string().nullable(), outcomeReason: z.string().nullable(), escalatedAt: z.string().nullable(),
  documents: z.array(CaseDocument), events: z.array(CaseEvent), actions: z.array(z.string()),
  /** 复查 inspections of this case's 责令限期整改 (inspections module). */
  reinspections: z.array(Reinspection),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
export type CaseSummary = z.infer<typeof CaseSummary>;

/** 复产验收 */
export const ApplyResumptionBody = z.strictObject({ enterpriseId: z.uuid(), caseId: z.uuid().optional(), statement: text(2000) });
export const ResumptionCheckItem = z.strictObject({ item: text(200), passed: z.boolean(), note: optionalText(500) });
export const AcceptResumptionBody = z.strictObject({
  /** 谁验收谁签字: the acceptor signs by re-entering their password. */
  password: z.string().min(1).max(256),
  /** The re-inspection that checked it (inspections module; no foreign key yet). */
  inspectionId: z.uuid().optional(),
  items: z.array(ResumptionCheckItem).max(100).default([]),
  summary: optionalText(2000),
}).refine((b) => b.items.length > 0 || (b.summary ?? '').length > 0, { ...bilingual('需要复查检查项或复查结论', 'give the checklist items or a summary of the re-inspection'), path: ['items'] });
export const RefuseResumptionBody = z.strictObject({ reason: text(1000) });
export const ResumptionParams = z.strictObject({ id: z.uuid() });

/** 黑名单 */
export const AddBlacklistBody = z.strictObject({ caseId: z.uuid(), reason: text(500), legalBasis: text(300), fromOn: BusinessDateSchema, toOn: BusinessDateSchema });
export const RemoveBlacklistBody = z.strictObject({ reason: text(500) });
export const BlacklistParams = z.strictObject({ id: z.uuid() });
export const BlacklistQuery = z.strictObject({ active: z.enum(['true', 'false']).optional() });

/** 约谈 */
export const CreateInterviewBody = z.strictObject({
  enterpriseId: z.uuid(), heldOn: BusinessDateSchema, principal: text(50), attendees: z.array(text(50)).min(1).max(30),
  caseIds: z.array(z.uuid()).max(20).default([]), hazardIds: z.array(HazardId).max(50).default([]), reasons: text(1000), commitments: text(2000), followUpOn: BusinessDateSchema,
});
export const InterviewFollowUpBody = z.strictObject({ result: text(1000) });
export const InterviewParams = z.strictObject({ id: z.uuid() });

/** 关闭取缔 re-checks */
export const RecordRecheckBody = z.strictObject({ result: z.enum(RECHECK_RESULTS), note: text(1000), checkedOn: BusinessDateSchema.optional() });
export const RecheckParams = z.strictObject({ id: z.uuid() });
