import { describe, expect, it } from 'vitest';
import { ROLES, type RoleKey } from '../access/roles.js';
import { canPerform, canReportFrom, HAZARD_ACTION_PERMISSION, HAZARD_SOURCE_AUDIENCES } from './actors.js';
import { allowedActions, HAZARD_ACTIONS, HAZARD_TRANSITIONS, isHazardAction, nextStatus, type HazardAction, type HazardFacts } from './transitions.js';
import { HAZARD_STATUSES, HAZARD_STATUS_LABELS, type HazardStatus } from './vocabulary.js';

/*
 * The expected table, written out by hand from the issue — not derived from the code.
 * Columns: reported, rejected, verified, rectifying, pending_acceptance, closed.
 * A cell is the status after the action; '-' means the action is illegal there (409).
 */
const COLUMNS: HazardStatus[] = ['reported', 'rejected', 'verified', 'rectifying', 'pending_acceptance', 'closed'];
const EXPECTED = `
verify                 verified  -         -           -                   -                   -
reject                 rejected  -         -           -                   -                   -
assign                 -         -         rectifying  -                   -                   -
progress               -         -         -           rectifying          -                   -
request_extension      -         -         -           rectifying          -                   -
decide_extension       -         -         -           rectifying          -                   -
supervise              reported  -         verified    rectifying          pending_acceptance  closed
list                   -         -         verified    rectifying          pending_acceptance  -
delist                 -         -         verified    rectifying          pending_acceptance  closed
submit_for_acceptance  -         -         -           pending_acceptance  -                   -
accept                 -         -         -           -                   closed              -
reject_acceptance      -         -         -           -                   rectifying          -
review_pass            -         -         -           -                   -                   closed
review_fail            -         -         -           -                   -                   rectifying
record_accountability  reported  rejected  verified    rectifying          pending_acceptance  closed
`;

const rows = EXPECTED.trim().split('\n').map((line) => line.trim().split(/\s+/));
const pairs = rows.flatMap(([action, ...cells]) => COLUMNS.map((status, i) => [status, action as HazardAction, cells[i] as string] as const));

describe('HAZARD_TRANSITIONS', () => {
  it('the expected table covers every action and every status', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual([...HAZARD_ACTIONS].sort());
    expect([...COLUMNS].sort()).toEqual([...HAZARD_STATUSES].sort());
    expect(rows.every((r) => r.length === COLUMNS.length + 1)).toBe(true);
    expect(pairs).toHaveLength(90);
  });

  it.each(pairs)('%s + %s → %s', (status, action, expected) => {
    const result = nextStatus(status, action);
    if (expected === '-') {
      expect(result.ok).toBe(false);
    } else {
      expect(result).toEqual({ ok: true, from: status, action, to: expected });
    }
  });

  it.each([
    ['reported', ['verify', 'reject', 'supervise', 'record_accountability']],
    ['rejected', ['record_accountability']],
    ['verified', ['assign', 'supervise', 'list', 'delist', 'record_accountability']],
    ['rectifying', ['progress', 'request_extension', 'decide_extension', 'supervise', 'list', 'delist', 'submit_for_acceptance', 'record_accountability']],
    ['pending_acceptance', ['supervise', 'list', 'delist', 'accept', 'reject_acceptance', 'record_accountability']],
    ['closed', ['supervise', 'delist', 'review_pass', 'review_fail', 'record_accountability']],
  ] as const)('an illegal action in %s lists the allowed ones for the 409', (status, allowed) => {
    expect(allowedActions(status)).toEqual(allowed);
    const illegal = HAZARD_ACTIONS.find((a) => !(allowed as readonly string[]).includes(a)) as HazardAction;
    expect(nextStatus(status, illegal)).toEqual({ ok: false, from: status, action: illegal, allowed });
  });

  it('labels every status and action, and groups actions into the five steps', () => {
    for (const s of HAZARD_STATUSES) expect(HAZARD_STATUS_LABELS[s].zh).not.toBe('');
    for (const a of HAZARD_ACTIONS) expect(HAZARD_TRANSITIONS[a].label.zh).not.toBe('');
    expect(HAZARD_TRANSITIONS.assign.step).toBe('assign');
    expect(HAZARD_TRANSITIONS.review_fail.step).toBe('reinspect');
    expect(HAZARD_TRANSITIONS.record_accountability.step).toBe('accountability');
    expect(isHazardAction('accept')).toBe(true);
    expect(isHazardAction('delete')).toBe(false);
  });
});

describe('allowedActions with facts', () => {
  // Grounds for 问责 (overdue, a refused acceptance, a failed 回头看) unless a test says otherwise.
  const general: HazardFacts = { level: 'general', listedAtLevel: null, extensionPending: false, accountabilityGrounds: true };
  const major: HazardFacts = { ...general, level: 'major' };

  it('offers listing only for a major hazard not already listed by the province', () => {
    expect(allowedActions('rectifying', general)).not.toContain('list');
    expect(allowedActions('rectifying', major)).toContain('list');
    expect(allowedActions('rectifying', { ...major, listedAtLevel: 3 })).toContain('list');
    expect(allowedActions('rectifying', { ...major, listedAtLevel: 1 })).not.toContain('list');
  });

  it('offers de-listing only when listed, and only to the listing level or above', () => {
    expect(allowedActions('rectifying', major)).not.toContain('delist');
    expect(allowedActions('closed', { ...major, listedAtLevel: 2 })).toContain('delist');
    expect(allowedActions('rectifying', { ...major, listedAtLevel: 2, actorRegionLevel: 1 })).toContain('delist');
    expect(allowedActions('rectifying', { ...major, listedAtLevel: 2, actorRegionLevel: 2 })).toContain('delist');
    expect(allowedActions('rectifying', { ...major, listedAtLevel: 2, actorRegionLevel: 3 })).not.toContain('delist');
  });

  it('lets a higher level take a listing over, never the same or a lower one', () => {
    expect(allowedActions('verified', { ...major, actorRegionLevel: 3 })).toContain('list');
    expect(allowedActions('verified', { ...major, actorRegionLevel: 4 })).not.toContain('list');
    expect(allowedActions('verified', { ...major, listedAtLevel: 3, actorRegionLevel: 2 })).toContain('list');
    expect(allowedActions('verified', { ...major, listedAtLevel: 3, actorRegionLevel: 3 })).not.toContain('list');
    expect(allowedActions('verified', { ...major, listedAtLevel: 2, actorRegionLevel: 3 })).not.toContain('list');
  });

  it('offers 问责 only where accountability can apply, in any status', () => {
    for (const status of ['reported', 'rectifying', 'pending_acceptance', 'closed', 'rejected'] as const) {
      expect(allowedActions(status, general)).toContain('record_accountability');
      expect(allowedActions(status, { ...general, accountabilityGrounds: false })).not.toContain('record_accountability');
    }
  });

  it('alternates extension request and decision', () => {
    expect(allowedActions('rectifying', general)).toEqual(expect.arrayContaining(['request_extension']));
    expect(allowedActions('rectifying', general)).not.toContain('decide_extension');
    const pending = allowedActions('rectifying', { ...general, extensionPending: true });
    expect(pending).toContain('decide_extension');
    expect(pending).not.toContain('request_extension');
  });

  it('narrows to what the account’s permissions allow', () => {
    const of = (role: RoleKey) => ROLES[role].permissions;
    expect(allowedActions('rectifying', { ...general, permissions: of('enterprise_safety_officer') })).toEqual(['progress', 'request_extension', 'submit_for_acceptance']);
    expect(allowedActions('closed', { ...major, permissions: of('committee_office_staff') })).toEqual(['supervise', 'review_pass', 'review_fail', 'record_accountability']);
    expect(allowedActions('closed', { ...major, permissions: of('department_staff') })).toEqual(['supervise', 'record_accountability']);
    // A grid member reports (网格员巡查); 督查 is the desks' check on a rectification.
    expect(allowedActions('reported', { ...general, permissions: of('grid_member') })).toEqual([]);
    expect(allowedActions('reported', { ...general, permissions: of('audit_admin') })).toEqual([]);
    expect(allowedActions('pending_acceptance', { ...general, permissions: of('township_staff') })).toEqual(['supervise', 'accept', 'reject_acceptance', 'record_accountability']);
  });
});

describe('who may act', () => {
  // Written out by hand: action → the built-in roles that may perform it.
  const EXPECTED_ROLES: Record<HazardAction, string> = {
    verify: 'committee_office_staff department_staff township_staff inspector',
    reject: 'committee_office_staff department_staff township_staff inspector',
    assign: 'committee_office_staff department_staff township_staff',
    progress: 'township_staff enterprise_principal enterprise_safety_officer',
    request_extension: 'township_staff enterprise_principal enterprise_safety_officer',
    decide_extension: 'committee_office_staff department_staff township_staff',
    supervise: 'committee_office_staff department_staff township_staff leader inspector',
    list: 'committee_office_staff leader',
    delist: 'committee_office_staff leader',
    submit_for_acceptance: 'township_staff enterprise_principal enterprise_safety_officer',
    accept: 'committee_office_staff department_staff township_staff',
    reject_acceptance: 'committee_office_staff department_staff township_staff',
    review_pass: 'committee_office_staff',
    review_fail: 'committee_office_staff',
    record_accountability: 'committee_office_staff department_staff township_staff',
  };
  const roleKeys = Object.keys(ROLES) as RoleKey[];

  it.each(HAZARD_ACTIONS.flatMap((action) => roleKeys.map((role) => [action, role] as const)))('%s by %s', (action, role) => {
    expect(canPerform(ROLES[role].permissions, action)).toBe(EXPECTED_ROLES[action].split(' ').includes(role));
  });

  it('names a declared permission for every action', () => {
    expect(Object.keys(HAZARD_ACTION_PERMISSION).sort()).toEqual([...HAZARD_ACTIONS].sort());
  });

  it('never lets an enterprise accept, or an administrator act in the loop', () => {
    expect(canPerform(ROLES.enterprise_principal.permissions, 'accept')).toBe(false);
    for (const admin of ['system_admin', 'security_admin', 'audit_admin'] as const) {
      expect(HAZARD_ACTIONS.some((a) => canPerform(ROLES[admin].permissions, a))).toBe(false);
    }
  });

  it('routes intake by source and kind of organisation', () => {
    expect(canReportFrom('enterprise', 'self_inspection')).toBe(true);
    expect(canReportFrom('government', 'self_inspection')).toBe(false);
    expect(canReportFrom('government', 'government_inspection')).toBe(true);
    expect(canReportFrom('enterprise', 'unannounced')).toBe(false);
    expect(canReportFrom('public', 'public_report')).toBe(true);
    expect(canReportFrom('public', 'government_inspection')).toBe(false);
    expect(Object.keys(HAZARD_SOURCE_AUDIENCES)).toHaveLength(7);
  });
});
