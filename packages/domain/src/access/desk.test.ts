import { describe, expect, it } from 'vitest';
import { accountabilityApplies, canReportFrom, defaultReportSource } from '../hazards/actors.js';
import { HAZARD_SOURCES, HAZARD_SOURCE_LABELS } from '../hazards/vocabulary.js';
import { DESK_LANDING, deskOf, managesAccounts, showsReferencePages, usesReportHome } from './desk.js';
import { orgAudience } from './org-types.js';
import { effectivePermissions, ROLES, type RoleKey } from './roles.js';

const granted = (role: RoleKey) => effectivePermissions([ROLES[role]]);
const audienceOf = (role: RoleKey) => orgAudience(ROLES[role].audiences.includes('enterprise') ? 'enterprise' : 'township_government');

describe('each built-in role’s desk, landing page and menu', () => {
  // Written out by hand: role → desk, landing, reference pages in the menu, 用户 in the menu.
  const EXPECTED: Record<RoleKey, [string, string | null, boolean, boolean]> = {
    system_admin: ['other', null, true, false],
    security_admin: ['other', null, true, true],
    audit_admin: ['other', null, false, false],
    committee_office_staff: ['handler', '/inbox', true, false],
    department_staff: ['handler', '/inbox', true, false],
    township_staff: ['handler', '/inbox', true, false],
    grid_member: ['reporter', '/home', false, false],
    leader: ['overseer', '/dashboard', true, false],
    inspector: ['handler', '/inbox', false, false],
    enterprise_principal: ['reporter', '/home', false, false],
    enterprise_safety_officer: ['reporter', '/home', false, false],
  };
  for (const [role, [desk, landing, reference, users]] of Object.entries(EXPECTED) as [RoleKey, (typeof EXPECTED)[RoleKey]][]) {
    it(role, () => {
      const p = granted(role);
      expect(deskOf(p)).toBe(desk);
      expect(DESK_LANDING[deskOf(p)]).toBe(landing);
      expect(showsReferencePages(p)).toBe(reference);
      expect(managesAccounts(p)).toBe(users);
      expect(usesReportHome(p)).toBe(desk === 'reporter');
    });
  }

  it('reads the permissions, not the role: a custom role that only reports is a reporter, one more grant makes a handler', () => {
    expect(deskOf(['region.read', 'hazard.report'])).toBe('reporter');
    expect(deskOf(['hazard.report', 'hazard.accept'])).toBe('handler');
    expect(deskOf(['stats.read', 'hazard.report'])).toBe('overseer');
    expect(deskOf([])).toBe('other');
    // user.read alone (a desk looking a colleague up) does not put 用户 in the menu.
    expect(managesAccounts(['user.read'])).toBe(false);
  });
});

describe('defaultReportSource', () => {
  it('follows the desk: grid member 网格员巡查, enterprise 企业自查, inspector and desks 监督检查', () => {
    expect(defaultReportSource(audienceOf('grid_member'), granted('grid_member'))).toBe('grid_patrol');
    expect(defaultReportSource(audienceOf('enterprise_safety_officer'), granted('enterprise_safety_officer'))).toBe('self_inspection');
    expect(defaultReportSource(audienceOf('enterprise_principal'), granted('enterprise_principal'))).toBe('self_inspection');
    expect(defaultReportSource(audienceOf('inspector'), granted('inspector'))).toBe('government_inspection');
    expect(defaultReportSource(audienceOf('township_staff'), granted('township_staff'))).toBe('government_inspection');
    expect(defaultReportSource('public', [])).toBe('public_report');
  });

  it('is always a source the audience may claim', () => {
    for (const role of Object.keys(ROLES) as RoleKey[]) {
      if (!granted(role).has('hazard.report')) continue;
      const audience = audienceOf(role);
      expect(canReportFrom(audience, defaultReportSource(audience, granted(role))), role).toBe(true);
    }
  });

  it('网格员巡查 is a source of its own, a government one', () => {
    expect(HAZARD_SOURCES).toContain('grid_patrol');
    expect(HAZARD_SOURCE_LABELS.grid_patrol.zh).toBe('网格员巡查');
    expect(canReportFrom('government', 'grid_patrol')).toBe(true);
    expect(canReportFrom('enterprise', 'grid_patrol')).toBe(false);
  });
});

describe('accountabilityApplies', () => {
  const none = { accountabilityRequired: false, overdue: false, pastActions: ['report', 'verify', 'assign', 'progress', 'submit_for_acceptance', 'accept', 'review_pass'] };
  it('holds for overdue, a refused acceptance, a failed 回头看 or a hazard the escalation marked', () => {
    expect(accountabilityApplies(none)).toBe(false);
    expect(accountabilityApplies({ ...none, overdue: true })).toBe(true);
    expect(accountabilityApplies({ ...none, pastActions: [...none.pastActions, 'reject_acceptance'] })).toBe(true);
    expect(accountabilityApplies({ ...none, pastActions: [...none.pastActions, 'review_fail'] })).toBe(true);
    expect(accountabilityApplies({ ...none, accountabilityRequired: true })).toBe(true);
    // A supervision visit or a pending extension is no failure.
    expect(accountabilityApplies({ ...none, pastActions: ['supervise', 'request_extension', 'decide_extension'] })).toBe(false);
  });
});
