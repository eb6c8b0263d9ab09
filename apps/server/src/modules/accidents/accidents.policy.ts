import { canCloseInvestigation, type FourNotLetGoChecklist, type GuardProblem } from '@anjian/domain';
import type { SessionUser } from '../../platform/http/context.js';

/**
 * What the user may do with an accident they can already see (scope is checked in SQL; a
 * visible accident always lies in the user's own subtree, so a permission is enough).
 */
export function accidentActions(user: SessionUser, state: { closed: boolean; escalationPending: boolean }): string[] {
  const actions: string[] = [];
  if (user.permissions.has('accident.report')) {
    actions.push('supplement');
    if (state.escalationPending) actions.push('escalate');
  }
  if (user.permissions.has('accident.investigate') && !state.closed) actions.push('investigate', 'add_accountability', 'close_investigation');
  return actions;
}

export interface InvestigationState {
  decidedOn: string | null;
  liability: boolean | null;
  checklist: FourNotLetGoChecklist;
  closed: boolean;
}

/**
 * What stands between an investigation and its closure: the government's decision on the
 * report (结案 follows the 批复), then 四不放过 and accountability (canCloseInvestigation).
 * Liability not yet determined counts as a liability accident — the usual finding — so
 * accountability is asked for unless the investigation says otherwise.
 */
export function closeProblems(state: InvestigationState, accountabilityCount: number): GuardProblem[] {
  if (state.closed) return [];
  const problems: GuardProblem[] = [];
  if (state.decidedOn === null) {
    problems.push({ field: 'investigation.decidedOn', reason: 'required', message: { zh: '结案须有人民政府对调查报告的批复', en: 'Closing needs the government’s decision on the investigation report' } });
  }
  const guard = canCloseInvestigation(state.checklist, accountabilityCount, { liability: state.liability ?? true });
  if (!guard.ok) problems.push(...guard.problems);
  return problems;
}
