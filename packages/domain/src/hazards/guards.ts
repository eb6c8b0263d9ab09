import { compareDates, isBusinessDate, type BusinessDate } from '../time/shanghai.js';
import { guardResult, requireText, type GuardProblem, type GuardResult } from './guard-result.js';
import { HAZARD_REJECTION_REASONS, type HazardLevel, type HazardRejectionReason } from './vocabulary.js';

/** 五落实: the plan a major hazard needs before it can be assigned. */
export interface RectificationPlan {
  /** 责任: who answers for the rectification. */
  responsibility: string;
  /** 措施: what will be done. */
  measures: string;
  /** 资金: the money and where it comes from (text: "企业自筹 50 万元"). */
  funds: string;
  /** 时限: the date the plan commits to. */
  deadline: BusinessDate;
  /** 预案: what happens if things go wrong meanwhile. */
  contingencyPlan: string;
}

export const FIVE_IMPLEMENTATIONS = ['responsibility', 'measures', 'funds', 'deadline', 'contingencyPlan'] as const satisfies readonly (keyof RectificationPlan)[];

export const FIVE_IMPLEMENTATION_LABELS = {
  responsibility: { zh: '责任', en: 'Responsibility' },
  measures: { zh: '措施', en: 'Measures' },
  funds: { zh: '资金', en: 'Funds' },
  deadline: { zh: '时限', en: 'Deadline' },
  contingencyPlan: { zh: '预案', en: 'Contingency plan' },
} as const satisfies Record<(typeof FIVE_IMPLEMENTATIONS)[number], { zh: string; en: string }>;

export interface AssignmentInput {
  level: HazardLevel;
  /** The date the hazard was found (Shanghai). */
  foundOn: BusinessDate;
  deadline: BusinessDate;
  /**
   * The date of assignment, when the deadline must also not lie before it. Omitted for
   * back-filled records (imports of last year's ledger) whose deadlines are long past.
   */
  assignedOn?: BusinessDate;
  responsibleUnit: string;
  responsiblePerson: string;
  supervisingDepartment: string;
  plan?: RectificationPlan | null;
}

function dateProblem(field: string, value: unknown): GuardProblem[] {
  if (isBusinessDate(value)) return [];
  return [{ field, reason: 'invalid_date', message: { zh: '不是有效日期（YYYY-MM-DD）', en: 'is not a valid date (YYYY-MM-DD)' } }];
}

function planProblems(input: AssignmentInput): GuardProblem[] {
  const { plan } = input;
  if (!plan) {
    if (input.level !== 'major') return [];
    return [{
      field: 'plan',
      reason: 'required',
      message: { zh: '重大事故隐患须制定治理方案，做到责任、措施、资金、时限、预案“五落实”', en: 'A major hazard needs a plan covering responsibility, measures, funds, deadline and contingency plan' },
    }];
  }
  const problems: GuardProblem[] = [];
  // A general hazard may carry a plan; it is then held to the same standard.
  for (const key of FIVE_IMPLEMENTATIONS) {
    if (key === 'deadline') continue;
    problems.push(...requireText(`plan.${key}`, plan[key], { zh: `五落实之“${FIVE_IMPLEMENTATION_LABELS[key].zh}”`, en: `The plan's ${FIVE_IMPLEMENTATION_LABELS[key].en.toLowerCase()}` }));
  }
  const dateIssues = dateProblem('plan.deadline', plan.deadline);
  problems.push(...dateIssues);
  if (dateIssues.length === 0 && isBusinessDate(input.foundOn) && isBusinessDate(input.deadline)) {
    // The plan's date is the unit's own commitment: inside the window the government set.
    if (compareDates(plan.deadline, input.foundOn) < 0) {
      problems.push({ field: 'plan.deadline', reason: 'before_found_on', message: { zh: '方案时限早于隐患发现日期', en: 'The plan deadline is before the date the hazard was found' } });
    }
    if (compareDates(plan.deadline, input.deadline) > 0) {
      problems.push({ field: 'plan.deadline', reason: 'after_deadline', message: { zh: '方案时限晚于整改期限', en: 'The plan deadline is after the rectification deadline' } });
    }
  }
  return problems;
}

/** 交办: responsible unit and person, supervising department, deadline, and for 重大 the 五落实. */
export function checkAssignment(input: AssignmentInput): GuardResult {
  const problems: GuardProblem[] = [
    ...requireText('responsibleUnit', input.responsibleUnit, { zh: '责任单位', en: 'The responsible unit' }),
    ...requireText('responsiblePerson', input.responsiblePerson, { zh: '责任人', en: 'The responsible person' }),
    ...requireText('supervisingDepartment', input.supervisingDepartment, { zh: '监管部门', en: 'The supervising department' }),
    ...dateProblem('foundOn', input.foundOn),
    ...dateProblem('deadline', input.deadline),
  ];
  if (input.assignedOn !== undefined) problems.push(...dateProblem('assignedOn', input.assignedOn));
  if (isBusinessDate(input.foundOn) && isBusinessDate(input.deadline)) {
    if (compareDates(input.deadline, input.foundOn) < 0) {
      problems.push({ field: 'deadline', reason: 'before_found_on', message: { zh: '整改期限不能早于隐患发现日期', en: 'The deadline cannot be before the date the hazard was found' } });
    } else if (isBusinessDate(input.assignedOn) && compareDates(input.deadline, input.assignedOn) < 0) {
      problems.push({ field: 'deadline', reason: 'before_assigned_on', message: { zh: '整改期限不能早于交办日期', en: 'The deadline cannot be before the date of assignment' } });
    }
  }
  problems.push(...planProblems(input));
  return guardResult(problems);
}

export interface RejectionInput {
  reason: HazardRejectionReason | string;
  /** The surviving record, required for a duplicate so that nothing drops off the ledger. */
  duplicateOf?: string | null;
}

/** 不予认定 at verification. */
export function checkRejection(input: RejectionInput): GuardResult {
  if (!(HAZARD_REJECTION_REASONS as readonly string[]).includes(input.reason)) {
    return guardResult([{ field: 'reason', reason: 'invalid', message: { zh: '不予认定的理由须为“不构成隐患”或“重复上报”', en: 'The reason must be "not a hazard" or "duplicate"' } }]);
  }
  if (input.reason === 'duplicate') {
    return guardResult(requireText('duplicateOf', input.duplicateOf, { zh: '重复的原隐患', en: 'The original hazard of a duplicate' }));
  }
  return { ok: true };
}

export interface ExtensionRequestInput {
  currentDeadline: BusinessDate;
  requestedDeadline: BusinessDate;
  reason: string;
}

export function checkExtensionRequest(input: ExtensionRequestInput): GuardResult {
  const problems = [...requireText('reason', input.reason, { zh: '延期理由', en: 'The reason for the extension' }), ...dateProblem('requestedDeadline', input.requestedDeadline)];
  if (problems.length === 0 && isBusinessDate(input.currentDeadline) && compareDates(input.requestedDeadline, input.currentDeadline) <= 0) {
    problems.push({ field: 'requestedDeadline', reason: 'not_later', message: { zh: '申请的期限须晚于现有整改期限', en: 'The requested deadline must be later than the current one' } });
  }
  return guardResult(problems);
}

export interface ExtensionDecisionInput {
  approve: boolean;
  currentDeadline: BusinessDate;
  requestedDeadline: BusinessDate;
  /** The approver may grant a different date than asked; defaults to the requested one. */
  grantedDeadline?: BusinessDate;
  reason?: string;
}

export type ExtensionDecision = { ok: true; deadline: BusinessDate } | { ok: false; problems: GuardProblem[] };

/** 延期审批: approving moves the deadline; refusing keeps it and must say why. */
export function decideExtension(input: ExtensionDecisionInput): ExtensionDecision {
  if (!input.approve) {
    const problems = requireText('reason', input.reason, { zh: '不予延期的理由', en: 'The reason for refusing' });
    return problems.length > 0 ? { ok: false, problems } : { ok: true, deadline: input.currentDeadline };
  }
  const granted = input.grantedDeadline ?? input.requestedDeadline;
  const problems = dateProblem('grantedDeadline', granted);
  if (problems.length === 0 && compareDates(granted, input.currentDeadline) <= 0) {
    problems.push({ field: 'grantedDeadline', reason: 'not_later', message: { zh: '批准的期限须晚于现有整改期限', en: 'The granted deadline must be later than the current one' } });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, deadline: granted };
}
