import { INSPECTION_STATUS_LABELS, INSPECTION_TRANSITIONS, type GuardProblem, type InspectionAction, type InspectionStatus } from '@anjian/domain';
import { AppError } from '../../platform/errors.js';

export const INSPECTION_ENTITY = { zh: '检查记录', en: 'Inspection' };
export const CHECKLIST_ENTITY = { zh: '检查表', en: 'Checklist' };

/** 422 naming each field at fault. */
export function problemsError(problems: GuardProblem[], prefix = 'body.'): AppError {
  const summary = { zh: problems.map((p) => p.message.zh).join('；'), en: problems.map((p) => p.message.en).join('; ') };
  return new AppError('RULE_VIOLATION', { reason: summary }, problems.map((p) => ({ field: `${prefix}${p.field}`, reason: p.reason, message: p.message })));
}

/** 409: the act is not possible in this state; the answer lists what is. */
export function illegalTransition(from: InspectionStatus, action: InspectionAction, allowed: InspectionAction[]): AppError {
  const names = allowed.map((a) => INSPECTION_TRANSITIONS[a].label);
  return new AppError('ILLEGAL_TRANSITION', {
    from: INSPECTION_STATUS_LABELS[from],
    action: INSPECTION_TRANSITIONS[action].label,
    allowed: { zh: names.map((n) => n.zh).join('、') || '无', en: names.map((n) => n.en).join(', ') || 'none' },
  }, [{ field: 'action', reason: 'illegal_transition', message: { zh: `允许的操作：${allowed.join(', ') || '无'}`, en: `allowed actions: ${allowed.join(', ') || 'none'}` } }]);
}
