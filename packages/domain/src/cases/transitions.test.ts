import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles.js';
import { CASE_ACTIONS, CASE_TRANSITIONS, caseActionsFor, caseActionsFrom, caseStepExists, isCaseAction, nextCaseStatus, type CaseAction } from './transitions.js';
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus } from './vocabulary.js';

/*
 * Written out by hand from the 行政处罚法's procedure, not derived from the code.
 * Columns: filed investigating reviewing notified decided served executed closed no_penalty revoked transferred.
 * A cell is the status after the action; '-' means illegal there (409).
 */
const COLUMNS: CaseStatus[] = ['filed', 'investigating', 'reviewing', 'notified', 'decided', 'served', 'executed', 'closed', 'no_penalty', 'revoked', 'transferred'];
const S = (s: string) => s;
const EXPECTED = S(`
investigate           investigating -             -             -           -       -       -        -      -  -  -
submit_review         -             reviewing     -             -           -       -       -        -      -  -  -
return_investigation  -             -             investigating -           -       -       -        -      -  -  -
notify                -             -             notified      -           -       -       -        -      -  -  -
record_response       -             -             -             notified    -       -       -        -      -  -  -
decide                -             -             -             decided     -       -       -        -      -  -  -
serve                 -             -             -             -           served  -       -        -      -  -  -
execute               -             -             -             -           -       executed -       -      -  -  -
close                 -             -             -             -           -       -       closed   -      -  -  -
no_penalty            -             no_penalty    no_penalty    no_penalty  -       -       -        -      -  -  -
revoke                revoked       revoked       revoked       revoked     -       -       -        -      -  -  -
transfer              -             transferred   transferred   transferred -       -       -        -      -  -  -
extend                filed         investigating reviewing     notified    -       -       -        -      -  -  -
`);

const rows = EXPECTED.trim().split('\n').map((l) => l.trim().split(/\s+/));
const cells = rows.flatMap(([action, ...c]) => COLUMNS.map((status, i) => [status, action as CaseAction, c[i] as string] as const));

/*
 * Every ordered pair of states: 'x' where one action leads from the row's state to the
 * column's (a self-loop only for an action that records without moving), '.' elsewhere.
 */
const PAIRS = S(`
filed          x x . . . . . . . x .
investigating  . x x . . . . . x x x
reviewing      . x x x . . . . x x x
notified       . . . x x . . . x x x
decided        . . . . . x . . . . .
served         . . . . . . x . . . .
executed       . . . . . . . x . . .
closed         . . . . . . . . . . .
no_penalty     . . . . . . . . . . .
revoked        . . . . . . . . . . .
transferred    . . . . . . . . . . .
`);

describe('CASE_TRANSITIONS', () => {
  it('the expected table covers every action and status', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual([...CASE_ACTIONS].sort());
    expect([...COLUMNS].sort()).toEqual([...CASE_STATUSES].sort());
    expect(rows.every((r) => r.length === COLUMNS.length + 1)).toBe(true);
    expect(cells).toHaveLength(CASE_ACTIONS.length * CASE_STATUSES.length);
  });

  it.each(cells)('%s + %s → %s', (status, action, expected) => {
    const r = nextCaseStatus(status, action);
    if (expected === '-') expect(r).toEqual({ ok: false, from: status, action, allowed: caseActionsFrom(status) });
    else expect(r).toEqual({ ok: true, from: status, action, to: expected });
  });

  const pairRows = PAIRS.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const pairs = pairRows.flatMap(([from, ...c]) => COLUMNS.map((to, i) => [from as CaseStatus, to, c[i] === 'x'] as const));
  it('lists every ordered pair of states', () => {
    expect(pairs).toHaveLength(CASE_STATUSES.length ** 2);
    expect(pairRows.map((r) => r[0])).toEqual(COLUMNS);
  });
  it.each(pairs)('%s → %s in one step: %s', (from, to, exists) => {
    expect(caseStepExists(from, to)).toBe(exists);
  });

  it('ends for good in the four final states', () => {
    for (const s of ['closed', 'no_penalty', 'revoked', 'transferred'] as const) expect(caseActionsFrom(s)).toEqual([]);
  });

  it('labels every status and action', () => {
    for (const s of CASE_STATUSES) expect(CASE_STATUS_LABELS[s].zh).not.toBe('');
    for (const a of CASE_ACTIONS) expect(CASE_TRANSITIONS[a].label.zh).not.toBe('');
    expect(isCaseAction('decide')).toBe(true);
    expect(isCaseAction('delete')).toBe(false);
  });
});

describe('who may act on a case', () => {
  it('a department decides, an inspector handles but never decides, a leader only reads', () => {
    expect(caseActionsFor('notified', ROLES.department_staff.permissions)).toEqual(['record_response', 'decide', 'no_penalty', 'revoke', 'transfer', 'extend']);
    expect(caseActionsFor('notified', ROLES.inspector.permissions)).toEqual(['record_response']);
    expect(caseActionsFor('reviewing', ROLES.inspector.permissions)).toEqual([]);
    expect(caseActionsFor('filed', ROLES.leader.permissions)).toEqual([]);
    expect(caseActionsFor('decided', ROLES.enterprise_principal.permissions)).toEqual([]);
  });
  it('no administrator holds a case permission', () => {
    for (const admin of ['system_admin', 'security_admin', 'audit_admin'] as const) {
      expect((ROLES[admin].permissions as readonly string[]).filter((p) => p.startsWith('case.') || p.startsWith('blacklist.'))).toEqual([]);
    }
  });
});
