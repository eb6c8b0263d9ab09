import { describe, expect, it } from 'vitest';
import { ORG_TYPES, type OrgType } from './org-types.js';
import { roleFitsOrg } from './role-fit.js';
import { ROLE_KEYS, ROLES } from './roles.js';

const builtin = (key: (typeof ROLE_KEYS)[number]) => ({ key, audiences: ROLES[key].audiences });
const fitting = (type: OrgType) => ROLE_KEYS.filter((k) => roleFitsOrg(builtin(k), type));

describe('roleFitsOrg: the roles an organisation’s accounts may hold', () => {
  it('gives a county department its clerks, inspectors and leaders — not 安委办 staff, grid members or township staff', () => {
    expect(fitting('department')).toEqual(['system_admin', 'security_admin', 'audit_admin', 'department_staff', 'leader', 'inspector']);
  });

  it.each([
    ['safety_committee_office', ['system_admin', 'security_admin', 'audit_admin', 'committee_office_staff', 'leader', 'inspector']],
    ['township_government', ['system_admin', 'security_admin', 'audit_admin', 'township_staff', 'leader', 'inspector']],
    ['grid', ['system_admin', 'security_admin', 'audit_admin', 'grid_member', 'leader']],
    ['village_committee', ['system_admin', 'security_admin', 'audit_admin', 'grid_member', 'leader']],
    ['enterprise', ['enterprise_principal', 'enterprise_safety_officer']],
    ['platform', ['system_admin', 'security_admin', 'audit_admin']],
    ['public', []],
  ] as const)('%s → %j', (type, roles) => {
    expect(fitting(type)).toEqual(roles);
  });

  it('holds a custom role to its audiences only', () => {
    const custom = { key: 'county_statistician', audiences: ['government'] };
    for (const type of ORG_TYPES) expect(roleFitsOrg(custom, type), type).toBe(['safety_committee_office', 'department', 'township_government', 'village_committee', 'grid'].includes(type));
  });
});
