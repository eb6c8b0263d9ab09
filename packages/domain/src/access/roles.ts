import type { OrgAudience } from './org-types.js';
import type { Permission } from './permissions.js';
import { BASELINE_PERMISSIONS } from './permissions.js';

/**
 * Built-in roles. They are seeded into the `roles` table at start (roles are data: an
 * account's effective permissions are read from there); this map is their source and
 * the compiler checks every permission named in it.
 */
export const ROLE_KEYS = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'committee_office_staff',
  'department_staff',
  'township_staff',
  'grid_member',
  'leader',
  'inspector',
  'enterprise_principal',
  'enterprise_safety_officer',
] as const;

export type RoleKey = (typeof ROLE_KEYS)[number];

export interface RoleDefinition {
  name: { zh: string; en: string };
  /** Role-specific grants; every role also holds BASELINE_PERMISSIONS. */
  permissions: readonly Permission[];
  /** Which kinds of organisation may hold the role. */
  audiences: readonly OrgAudience[];
}

const ENTERPRISE_WORK = ['file.upload', 'enterprise.read', 'enterprise.create', 'enterprise.update'] as const satisfies readonly Permission[];
/** Government work on the loop: find, verify, assign, supervise, accept, hold accountable. */
const HAZARD_AUTHORITY = [
  'hazard.read', 'hazard.report', 'hazard.verify', 'hazard.assign', 'hazard.supervise', 'hazard.accept', 'hazard.accountability', 'hazard.export',
  // They verify and answer citizens' reports, so they may need to call the reporter back.
  'hazard.read_reporter',
] as const satisfies readonly Permission[];
const ACCIDENT_WORK = ['accident.read', 'accident.report'] as const satisfies readonly Permission[];
/** 双随机: the office or department that keeps a plan fixes its draws' inputs and draws. */
const DRAW_WORK = ['inspection_plan.read', 'inspection_plan.manage', 'draw.read', 'draw.conduct'] as const satisfies readonly Permission[];
/** An industry department's enforcement: it files, handles and decides its cases, accepts resumptions, keeps its blacklist. */
const CASE_AUTHORITY = ['case.read', 'case.file', 'case.handle', 'case.approve', 'case.resumption_accept', 'case.recheck', 'case.interview', 'blacklist.read', 'blacklist.manage'] as const satisfies readonly Permission[];

export const ROLES = {
  // 三权分立: the three administrators hold pairwise disjoint grants (a test proves it), no
  // account may hold two of them nor one with a business role (separationOfDutiesViolation).
  system_admin: {
    name: { zh: '系统管理员', en: 'System administrator' },
    permissions: ['region.import', 'industry.manage', 'routing.manage'],
    audiences: ['platform', 'government'],
  },
  security_admin: {
    name: { zh: '安全管理员', en: 'Security administrator' },
    permissions: [
      'org.create', 'org.update',
      'user.read', 'user.create', 'user.update', 'user.disable', 'user.reset_password',
      'role.assign',
    ],
    audiences: ['platform', 'government'],
  },
  audit_admin: {
    name: { zh: '审计管理员', en: 'Audit administrator' },
    permissions: ['audit.read'],
    audiences: ['platform', 'government'],
  },
  committee_office_staff: {
    name: { zh: '安委办工作人员', en: 'Safety committee office staff' },
    permissions: ['user.read', ...ENTERPRISE_WORK, 'enterprise.import', ...HAZARD_AUTHORITY, 'hazard.import', 'hazard.review', 'hazard.list', ...ACCIDENT_WORK, 'accident.investigate', 'indicator.manage', 'stats.read', ...DRAW_WORK, 'inspection.read', 'inspection.record', 'inspection.archive', 'case.read', 'case.interview', 'blacklist.read'],
    audiences: ['government'],
  },
  department_staff: {
    name: { zh: '行业部门工作人员', en: 'Industry department staff' },
    permissions: ['user.read', ...ENTERPRISE_WORK, 'enterprise.import', ...HAZARD_AUTHORITY, 'hazard.import', 'accident.read', 'stats.read', ...DRAW_WORK, 'inspection.read', 'inspection.record', 'inspection.archive', 'inspection.checklist_manage', ...CASE_AUTHORITY],
    audiences: ['government'],
  },
  township_staff: {
    name: { zh: '乡镇(街道)工作人员', en: 'Township staff' },
    permissions: ['user.read', ...ENTERPRISE_WORK, ...HAZARD_AUTHORITY, 'hazard.rectify', ...ACCIDENT_WORK, 'stats.read', 'blacklist.read'],
    audiences: ['government'],
  },
  grid_member: {
    name: { zh: '网格员', en: 'Grid member' },
    permissions: ['file.upload', 'enterprise.read', 'hazard.read', 'hazard.report'],
    audiences: ['government'],
  },
  leader: {
    name: { zh: '领导', en: 'Leader' },
    permissions: ['file.upload', 'user.read', 'enterprise.read', 'hazard.read', 'hazard.supervise', 'hazard.list', 'hazard.export', 'accident.read', 'stats.read', 'inspection_plan.read', 'draw.read', 'inspection.read', 'case.read', 'blacklist.read'],
    audiences: ['government'],
  },
  inspector: {
    name: { zh: '执法检查人员', en: 'Inspector' },
    permissions: ['file.upload', 'enterprise.read', 'hazard.read', 'hazard.report', 'hazard.verify', 'hazard.read_reporter', 'hazard.supervise', 'accident.read', 'inspection_plan.read', 'draw.read', 'inspection.read', 'inspection.record', 'case.read', 'case.file', 'case.handle', 'case.recheck', 'blacklist.read'],
    audiences: ['government'],
  },
  enterprise_principal: {
    name: { zh: '企业主要负责人', en: 'Enterprise principal' },
    permissions: ['file.upload', 'enterprise.read', 'enterprise.update', 'hazard.read', 'hazard.report', 'hazard.rectify', 'inspection.read', 'case.read', 'case.resumption_apply', 'blacklist.read'],
    audiences: ['enterprise'],
  },
  enterprise_safety_officer: {
    name: { zh: '企业安全管理人员', en: 'Enterprise safety officer' },
    permissions: ['file.upload', 'enterprise.read', 'hazard.read', 'hazard.report', 'hazard.rectify', 'inspection.read', 'case.read', 'case.resumption_apply', 'blacklist.read'],
    audiences: ['enterprise'],
  },
} as const satisfies Record<RoleKey, RoleDefinition>;

export const SEPARATED_ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly RoleKey[];

/**
 * The two administrators a security administrator can never make: they are granted only out
 * of band, by the operator on the server (`cli admin:grant`), and their holders choose their
 * own passwords through a one-time activation. Otherwise whoever manages accounts could make
 * an auditor of its own and read — or hide from — the audit log.
 */
export const OUT_OF_BAND_ROLES = ['system_admin', 'audit_admin'] as const satisfies readonly RoleKey[];

export function isRoleKey(value: string): value is RoleKey {
  return (ROLE_KEYS as readonly string[]).includes(value);
}

export function isAdminRole(key: string): boolean {
  return (SEPARATED_ADMIN_ROLES as readonly string[]).includes(key);
}

export function isOutOfBandRole(key: string): boolean {
  return (OUT_OF_BAND_ROLES as readonly string[]).includes(key);
}

export function effectivePermissions(roles: readonly { permissions: readonly string[] }[]): Set<string> {
  const granted = new Set<string>(BASELINE_PERMISSIONS);
  for (const role of roles) for (const p of role.permissions) granted.add(p);
  return granted;
}

/**
 * 三权分立: an account holds at most one administrator role, and an administrator holds no
 * business role (any role that is not an administrator's, custom roles included) — else the
 * security administrator could make itself a leader and read what it administers. Returns
 * the clashing roles, or null.
 */
export function separationOfDutiesViolation(roleKeys: readonly string[]): string[] | null {
  const unique = [...new Set(roleKeys)];
  const admins = unique.filter(isAdminRole);
  if (admins.length > 1) return admins;
  if (admins.length === 1 && unique.length > 1) return unique;
  return null;
}

/** A code strictly inside `ancestor`'s subtree (the root, '0', is above every other code). */
function isStrictlyBelow(code: string, ancestor: string): boolean {
  if (code === ancestor) return false;
  return ancestor === '0' || code.startsWith(ancestor);
}

/**
 * Why an actor may not grant `roleKeys` to an account of an organisation in `orgRegion`, or
 * null when it may. Only a security administrator grants roles; never an out-of-band role;
 * a security administrator only for a region strictly below its own (not a peer, not above).
 */
export function roleGrantRefusal(actor: { roles: readonly string[]; regionCode: string }, roleKeys: readonly string[], orgRegion: string): { reason: 'not_security_admin' | 'out_of_band' | 'not_below'; roles: string[] } | null {
  if (!actor.roles.includes('security_admin')) return { reason: 'not_security_admin', roles: [...roleKeys] };
  const outOfBand = roleKeys.filter(isOutOfBandRole);
  if (outOfBand.length) return { reason: 'out_of_band', roles: outOfBand };
  if (roleKeys.includes('security_admin') && !isStrictlyBelow(orgRegion, actor.regionCode)) return { reason: 'not_below', roles: ['security_admin'] };
  return null;
}

export type AccountRefusal = 'self' | 'out_of_band' | 'peer_or_above';

/**
 * Whether a security administrator may act on an account it can see (scope is checked in
 * SQL): never on a system or audit administrator (their accounts are managed out of band),
 * never on a security administrator of its own region or above, and never on its own roles,
 * status or password ('self': editing its own name and phone stays allowed).
 */
export function accountRefusal(actor: { id: string; regionCode: string }, target: { id: string; roles: readonly string[]; regionCode: string }): AccountRefusal | null {
  if (target.roles.some(isOutOfBandRole)) return 'out_of_band';
  if (actor.id === target.id) return 'self';
  if (target.roles.includes('security_admin') && !isStrictlyBelow(target.regionCode, actor.regionCode)) return 'peer_or_above';
  return null;
}
