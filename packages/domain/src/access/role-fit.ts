import { orgAudience, type OrgType } from './org-types.js';
import { isRoleKey, type RoleKey } from './roles.js';

/**
 * Built-in business roles that belong to particular kinds of government organisation, within
 * their audience: a county transport bureau's clerk is 行业部门工作人员, not 安委办 staff, a
 * grid member or township staff. Roles not named here (leaders, administrators, enterprise
 * roles, custom roles) fit every organisation of their audience.
 */
export const ROLE_ORG_TYPES: Partial<Record<RoleKey, readonly OrgType[]>> = {
  committee_office_staff: ['safety_committee_office'],
  department_staff: ['department'],
  township_staff: ['township_government'],
  grid_member: ['grid', 'village_committee'],
  inspector: ['safety_committee_office', 'department', 'township_government'],
};

/**
 * Whether an account of an organisation of `orgType` may hold `role` (built-in or custom, as
 * stored: its key and audiences). The server refuses a misfit and offers, for the role picker,
 * only fitting roles — both through this function.
 */
export function roleFitsOrg(role: { key: string; audiences: readonly string[] }, orgType: OrgType): boolean {
  if (!role.audiences.includes(orgAudience(orgType))) return false;
  const types = isRoleKey(role.key) ? ROLE_ORG_TYPES[role.key] : undefined;
  return types === undefined || types.includes(orgType);
}
