import { z } from 'zod';
import { ACCIDENT_CATEGORIES } from '../accidents/categories.js';
import { ESCALATION_LEVELS } from '../accidents/categories.js';
import { ACCIDENT_CRITERIA, ACCIDENT_GRADES } from '../accidents/grading.js';
import { FOUR_NOT_LET_GO } from '../accidents/investigation.js';
import { namedFigureKeys } from '../accidents/supplements.js';
import { isBusinessDate } from '../time/shanghai.js';
import { actions, bilingual, bilingualText, optionalText, page, pageQuery, regionCode, text } from './common.js';
import { IndustryCode } from './industries.js';

/*
 * Accidents (生产安全事故): what the server accepts and answers. The grade is never input:
 * the server computes it from the figures (Decree 493, gradeAccident).
 */

/** A calendar date 'YYYY-MM-DD' (Asia/Shanghai business date). */
export const AccidentDateInput = z.string().refine(isBusinessDate, bilingual('应为有效日期（YYYY-MM-DD）', 'must be a calendar date (YYYY-MM-DD)'));

/** An instant with its offset ('2026-04-01T10:00:00+08:00' or '…Z'): a local time alone is ambiguous. */
export const AccidentInstantInput = z.iso.datetime({ offset: true });

export const AccidentCategorySchema = z.enum(ACCIDENT_CATEGORIES);
export const AccidentGradeSchema = z.enum(ACCIDENT_GRADES);
export const EscalationLevelSchema = z.enum(ESCALATION_LEVELS);

/** The bounds of a casualty count and of a loss; the forms check the same figures before sending. */
export const ACCIDENT_MAX_PEOPLE = 100_000;
/** Whole yuan. A trillion yuan bounds any single accident and keeps sums exact in JSON numbers. */
export const ACCIDENT_MAX_LOSS_YUAN = 1_000_000_000_000;

const people = z.number().int().min(0).max(ACCIDENT_MAX_PEOPLE);
const yuan = z.number().int().min(0).max(ACCIDENT_MAX_LOSS_YUAN);

const figureFields = {
  deaths: people,
  /** 失踪: counted with the deaths in grading and statistics. */
  missing: people.default(0),
  seriousInjuries: people.default(0),
  minorInjuries: people.default(0),
  directLossYuan: yuan.default(0),
};

export const CreateAccidentBody = z.strictObject({
  occurredAt: AccidentInstantInput,
  /** Where it happened, down to a village; must lie in the reporter's region. */
  regionCode,
  place: text(200),
  /** An enterprise organisation visible to the reporter. */
  enterpriseId: z.uuid().optional(),
  industryCode: IndustryCode.optional(),
  category: AccidentCategorySchema,
  ...figureFields,
  summary: text(2000),
  cause: optionalText(2000),
  /** When the county level received the unit's report; defaults to now. */
  reportedAt: AccidentInstantInput.optional(),
});
export type CreateAccidentBody = z.infer<typeof CreateAccidentBody>;

/** All or nothing: one bad item refuses the whole batch, naming body.items.N.field. */
export const BatchCreateAccidentsBody = z.strictObject({ items: z.array(CreateAccidentBody).min(1).max(500) });
export const BatchCreateAccidentsResult = z.object({ count: z.number().int(), ids: z.array(z.string()) });

/**
 * 补报: the figures that changed, each the new total (not a delta). A figure left out keeps
 * its value — absent is "not named", 0 is "now none" — and at least one must be named.
 */
export const AccidentSupplementBody = z
  .strictObject({
    /** When the change happened (an injured person died, a missing person was found). */
    changedAt: AccidentInstantInput,
    /** When the county received the supplement; defaults to now. */
    reportedAt: AccidentInstantInput.optional(),
    deaths: people.optional(),
    missing: people.optional(),
    seriousInjuries: people.optional(),
    minorInjuries: people.optional(),
    directLossYuan: yuan.optional(),
    note: optionalText(500),
  })
  .refine(
    (b) => namedFigureKeys(b).length > 0,
    bilingual(
      '补报须写明至少一项变化后的数字（deaths、missing、seriousInjuries、minorInjuries 或 directLossYuan）',
      'a supplement must name at least one changed figure (deaths, missing, seriousInjuries, minorInjuries or directLossYuan)',
    ),
  );

export const AccidentEscalationBody = z.strictObject({
  level: EscalationLevelSchema,
  /** When that level received the report; defaults to now. */
  receivedAt: AccidentInstantInput.optional(),
});

const ChecklistInput = z.strictObject(Object.fromEntries(FOUR_NOT_LET_GO.map((k) => [k, z.boolean().optional()])) as Record<(typeof FOUR_NOT_LET_GO)[number], z.ZodOptional<z.ZodBoolean>>);

/** Sets the fields given; null clears a date. Refused once the investigation is closed. */
export const AccidentInvestigationBody = z.strictObject({
  reportSubmittedOn: AccidentDateInput.nullable().optional(),
  /** 经批准延长 60日. */
  extended: z.boolean().optional(),
  decidedOn: AccidentDateInput.nullable().optional(),
  /** 特别重大 only: the decision may take 30 days more. */
  decisionExtended: z.boolean().optional(),
  /** 责任事故? null: not yet determined. */
  liability: z.boolean().nullable().optional(),
  checklist: ChecklistInput.optional(),
  conclusion: z.string().trim().max(5000).nullable().optional(),
});

export const AccidentAccountabilityBody = z.strictObject({
  person: text(50),
  position: optionalText(100),
  org: optionalText(200),
  /** 失职情形 */
  failure: text(1000),
  /** 处理决定 (党纪政务处分、移送司法机关 …) */
  decision: text(1000),
});

export const AccidentParams = z.strictObject({ id: z.uuid() });

export const AccidentListQuery = z.strictObject({
  regionCode: regionCode.optional(),
  /** Shanghai dates of occurrence, inclusive. */
  from: AccidentDateInput.optional(),
  to: AccidentDateInput.optional(),
  grade: AccidentGradeSchema.optional(),
  category: AccidentCategorySchema.optional(),
  industry: IndustryCode.optional(),
  enterpriseId: z.uuid().optional(),
  ...pageQuery,
});

export const AccidentClockStatusSchema = z.enum(['running', 'met', 'late', 'overdue']);

/** A legal deadline: time left while running, how late once overdue. */
export const AccidentClockView = z.object({
  key: z.string(),
  label: bilingualText,
  /** 'days': the limit runs to 24:00 of dueDate; 'hours': to the instant dueAt. */
  unit: z.enum(['hours', 'days']),
  /** The last instant still on time (inclusive). */
  dueAt: z.string(),
  /** The last Shanghai date still on time: the date of dueAt. */
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  status: AccidentClockStatusSchema,
  statusLabel: bilingualText,
  remainingMs: z.number().nullable(),
  overdueMs: z.number().nullable(),
});
export type AccidentClockView = z.infer<typeof AccidentClockView>;

export const AccidentClocksView = z.object({
  escalationTarget: EscalationLevelSchema,
  escalationTargetLabel: bilingualText,
  initialReport: AccidentClockView,
  escalations: z.array(AccidentClockView),
  supplementWindow: AccidentClockView,
  investigationReport: AccidentClockView,
  governmentDecision: AccidentClockView.nullable(),
  /** The earliest duty still open (running or overdue), for lists. */
  next: AccidentClockView.nullable(),
  flags: z.object({ lateReport: z.boolean(), lateEscalation: z.boolean(), lateSupplement: z.boolean() }),
});

export const AccidentFiguresView = z.object({
  deaths: z.number().int(),
  missing: z.number().int(),
  deathsIncludingMissing: z.number().int(),
  seriousInjuries: z.number().int(),
  minorInjuries: z.number().int(),
  directLossYuan: z.number().int(),
});

export const AccidentGradeView = z.object({
  code: AccidentGradeSchema,
  label: bilingualText,
  /** Which criteria reach the grade. */
  decidedBy: z.array(z.enum(ACCIDENT_CRITERIA)),
});

const ref = z.object({ id: z.string(), name: z.string() });
const coded = z.object({ code: z.string(), name: z.string() });

export const Accident = z.object({
  id: z.string(),
  occurredAt: z.string(),
  /** The Shanghai date that decides the statistical period. */
  occurredOn: z.string(),
  region: coded,
  place: z.string(),
  enterprise: ref.nullable(),
  industry: coded.nullable(),
  category: z.object({ code: AccidentCategorySchema, label: bilingualText, supplementDays: z.number().int() }),
  /** Current figures: the initial report after the supplements counted within the window. */
  figures: AccidentFiguresView,
  grade: AccidentGradeView,
  initialFigures: AccidentFiguresView,
  initialGrade: AccidentGradeView,
  summary: z.string(),
  cause: z.string().nullable(),
  reportedAt: z.string(),
  reportedBy: ref,
  reporterOrg: ref,
  investigationClosed: z.boolean(),
  clocks: AccidentClocksView,
  actions,
});
export type Accident = z.infer<typeof Accident>;

export const AccidentPage = page(Accident);

/** The figures a supplement named; the others are absent. */
export const AccidentNamedFiguresView = z.object({
  deaths: z.number().int().optional(),
  missing: z.number().int().optional(),
  seriousInjuries: z.number().int().optional(),
  minorInjuries: z.number().int().optional(),
  directLossYuan: z.number().int().optional(),
});

/** One version of the accident's figures: what a supplement named and what the figures became. */
export const AccidentSupplementView = z.object({
  id: z.string(),
  /** 1, 2, … in the order the supplements were recorded. */
  version: z.number().int(),
  changedAt: z.string(),
  reportedAt: z.string(),
  named: AccidentNamedFiguresView,
  /** The accident's complete figures once this supplement was recorded, and their grade. */
  figures: AccidentFiguresView,
  grade: AccidentGradeView,
  /** False: after the window — kept for the record, does not change the figures. */
  counted: z.boolean(),
  note: z.string().nullable(),
  recordedBy: ref,
  recordedAt: z.string(),
});

export const AccidentEscalationView = z.object({ level: EscalationLevelSchema, label: bilingualText, receivedAt: z.string(), recordedBy: ref, recordedAt: z.string() });

export const AccidentAccountabilityView = z.object({
  id: z.string(),
  person: z.string(),
  position: z.string().nullable(),
  org: z.string().nullable(),
  failure: z.string(),
  decision: z.string(),
  recordedBy: ref,
  recordedAt: z.string(),
});

export const AccidentCloseProblem = z.object({ field: z.string(), reason: z.string(), message: bilingualText });

export const AccidentInvestigationView = z.object({
  reportSubmittedOn: z.string().nullable(),
  extended: z.boolean(),
  decidedOn: z.string().nullable(),
  decisionExtended: z.boolean(),
  liability: z.boolean().nullable(),
  checklist: z.array(z.object({ key: z.enum(FOUR_NOT_LET_GO), label: bilingualText, done: z.boolean() })),
  conclusion: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: ref.nullable(),
  /** What still stands in the way of closing (四不放过, accountability, the decision); empty when it may close. */
  closeProblems: z.array(AccidentCloseProblem),
});

export const AccidentDetail = Accident.extend({
  supplements: z.array(AccidentSupplementView),
  escalations: z.array(AccidentEscalationView),
  investigation: AccidentInvestigationView,
  accountability: z.array(AccidentAccountabilityView),
});
export type AccidentDetail = z.infer<typeof AccidentDetail>;
