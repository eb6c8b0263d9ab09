import { CASE_STATUS_LABELS, CASE_TRANSITIONS, type CaseAction, type CaseStatus, type GuardProblem } from '@anjian/domain';
import { AppError } from '../../platform/errors.js';

export const CASE_ENTITY = { zh: '案件', en: 'Case' };

/** 409: the action is not possible in this state; the answer lists what is. */
export function illegalCaseTransition(from: CaseStatus, action: CaseAction, allowed: CaseAction[]): AppError {
  const names = allowed.map((a) => CASE_TRANSITIONS[a].label);
  return new AppError('ILLEGAL_TRANSITION', {
    from: CASE_STATUS_LABELS[from], action: CASE_TRANSITIONS[action].label,
    allowed: { zh: names.map((n) => n.zh).join('、') || '无', en: names.map((n) => n.en).join(', ') || 'none' },
  }, [{ field: 'action', reason: 'illegal_transition', message: { zh: `允许的操作：${allowed.join(', ') || '无'}`, en: `allowed actions: ${allowed.join(', ') || 'none'}` } }]);
}

/** 422 naming each field at fault. */
export function caseRuleError(problems: GuardProblem[], prefix = 'body.'): AppError {
  const summary = { zh: problems.map((p) => p.message.zh).join('；'), en: problems.map((p) => p.message.en).join('; ') };
  return new AppError('RULE_VIOLATION', { reason: summary }, problems.map((p) => ({ field: `${prefix}${p.field}`, reason: p.reason, message: p.message })));
}

export const problem = (field: string, reason: string, zh: string, en: string): GuardProblem => ({ field, reason, message: { zh, en } });
