import { HAZARD_STATUS_LABELS, HAZARD_TRANSITIONS, type GuardProblem, type HazardAction, type HazardStatus } from '@anjian/domain';
import { AppError } from '../../platform/errors.js';

/** A failed guard: 422 naming each field at fault (prefixed with where it came from). */
export function guardError(problems: GuardProblem[], prefix = 'body.'): AppError {
  const summary = { zh: problems.map((p) => p.message.zh).join('；'), en: problems.map((p) => p.message.en).join('; ') };
  return new AppError('RULE_VIOLATION', { reason: summary }, problems.map((p) => ({
    field: ['actor', 'level', 'listedAtLevel'].includes(p.field) ? p.field : `${prefix}${p.field}`,
    reason: p.reason,
    message: p.message,
  })));
}

/** 409: the action is not possible in this state; the answer lists what is. */
export function illegalTransition(from: HazardStatus, action: HazardAction, allowed: HazardAction[]): AppError {
  const names = allowed.map((a) => HAZARD_TRANSITIONS[a].label);
  return new AppError('ILLEGAL_TRANSITION', {
    from: HAZARD_STATUS_LABELS[from],
    action: HAZARD_TRANSITIONS[action].label,
    allowed: { zh: names.map((n) => n.zh).join('、') || '无', en: names.map((n) => n.en).join(', ') || 'none' },
  }, [{ field: 'action', reason: 'illegal_transition', message: { zh: `允许的操作：${allowed.join(', ') || '无'}`, en: `allowed actions: ${allowed.join(', ') || 'none'}` } }]);
}
