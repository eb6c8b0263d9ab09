import type { Bilingual } from '../errors/error-codes.js';
import { CASE_STATUSES, type CaseStatus } from './vocabulary.js';

/**
 * The case workflow as data. Every change to a case is one of these actions, written as an
 * event; the server checks this table (409 when the state does not allow the action), then the
 * guards (422 naming the field), then writes the status and the event in one transaction.
 */
export const CASE_ACTIONS = [
  'investigate', 'submit_review', 'return_investigation', 'notify', 'record_response', 'decide',
  'serve', 'execute', 'close', 'no_penalty', 'revoke', 'transfer', 'extend',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const SAME = 'same';

export interface CaseTransition {
  from: readonly CaseStatus[];
  to: CaseStatus | typeof SAME;
  label: Bilingual;
  /** The permission an actor needs (see CASE_PERMISSIONS in access/permissions.ts). */
  permission: 'case.handle' | 'case.approve';
}

/** Before a decision: the stages in which the 立案→决定 clock runs and a case can still end otherwise. */
export const BEFORE_DECISION = ['filed', 'investigating', 'reviewing', 'notified'] as const satisfies readonly CaseStatus[];

export const CASE_TRANSITIONS = {
  investigate: { from: ['filed'], to: 'investigating', permission: 'case.handle', label: { zh: '开始调查取证', en: 'Start investigation' } },
  submit_review: { from: ['investigating'], to: 'reviewing', permission: 'case.handle', label: { zh: '提交法制审核', en: 'Submit for legal review' } },
  return_investigation: { from: ['reviewing'], to: 'investigating', permission: 'case.approve', label: { zh: '审核退回补充调查', en: 'Return for investigation' } },
  notify: { from: ['reviewing'], to: 'notified', permission: 'case.approve', label: { zh: '审核通过并告知', en: 'Approve and notify the party' } },
  record_response: { from: ['notified'], to: SAME, permission: 'case.handle', label: { zh: '记录陈述申辩/听证', en: 'Record statement / hearing' } },
  decide: { from: ['notified'], to: 'decided', permission: 'case.approve', label: { zh: '作出处罚决定', en: 'Decide' } },
  serve: { from: ['decided'], to: 'served', permission: 'case.handle', label: { zh: '送达', en: 'Serve' } },
  execute: { from: ['served'], to: 'executed', permission: 'case.handle', label: { zh: '执行完毕', en: 'Record execution' } },
  close: { from: ['executed'], to: 'closed', permission: 'case.approve', label: { zh: '结案', en: 'Close the case' } },
  no_penalty: { from: ['investigating', 'reviewing', 'notified'], to: 'no_penalty', permission: 'case.approve', label: { zh: '不予处罚', en: 'No penalty' } },
  revoke: { from: BEFORE_DECISION, to: 'revoked', permission: 'case.approve', label: { zh: '撤销立案', en: 'Withdraw the case' } },
  transfer: { from: ['investigating', 'reviewing', 'notified'], to: 'transferred', permission: 'case.approve', label: { zh: '移送司法机关', en: 'Transfer to judicial organs' } },
  extend: { from: BEFORE_DECISION, to: SAME, permission: 'case.approve', label: { zh: '延长办案期限', en: 'Extend the time limit' } },
} as const satisfies Record<CaseAction, CaseTransition>;

export function isCaseAction(value: string): value is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(value);
}

export function caseActionsFrom(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => (CASE_TRANSITIONS[a].from as readonly CaseStatus[]).includes(status));
}

export type CaseNext =
  | { ok: true; from: CaseStatus; to: CaseStatus; action: CaseAction }
  | { ok: false; from: CaseStatus; action: CaseAction; allowed: CaseAction[] };

export function nextCaseStatus(status: CaseStatus, action: CaseAction): CaseNext {
  const t: CaseTransition = CASE_TRANSITIONS[action];
  if (!t.from.includes(status)) return { ok: false, from: status, action, allowed: caseActionsFrom(status) };
  return { ok: true, from: status, action, to: t.to === SAME ? status : t.to };
}

/** Whether some single action leads from `from` to `to` (a self-loop only for a `same` action). */
export function caseStepExists(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_ACTIONS.some((a) => {
    const n = nextCaseStatus(from, a);
    return n.ok && n.to === to;
  });
}

/** The actions a user holding `permissions` may take in `status`, in table order. */
export function caseActionsFor(status: CaseStatus, permissions: ReadonlySet<string> | readonly string[]): CaseAction[] {
  const has = (p: string) => (permissions instanceof Set ? permissions.has(p) : (permissions as readonly string[]).includes(p));
  return caseActionsFrom(status).filter((a) => has(CASE_TRANSITIONS[a].permission));
}

export const ALL_CASE_STATUSES: readonly CaseStatus[] = CASE_STATUSES;
