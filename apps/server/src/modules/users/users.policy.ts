import { accountRefusal, roleFitsOrg, roleGrantRefusal, ROLES, separationOfDutiesViolation, type AccountRefusal, type OrgType, type RoleKey } from '@anjian/domain';
import { AppError, ruleViolation, type ErrorDetail } from '../../platform/errors.js';
import type { SessionUser } from '../../platform/http/context.js';

export interface TargetAccount {
  id: string;
  status: string;
  roles: string[];
  /** The region of the account's organisation. */
  org_region: string;
}

/**
 * What the user may do with an account they can already see (scope is checked in SQL): the
 * server refuses exactly what is left out here (assertMayManage), so the UI shows no button
 * that would fail.
 */
export function userActions(actor: SessionUser, target: TargetAccount): string[] {
  const p = actor.permissions;
  const refusal = accountRefusal(actor, { id: target.id, roles: target.roles, regionCode: target.org_region });
  const actions: string[] = [];
  if (p.has('user.update') && (refusal === null || refusal === 'self')) actions.push('update');
  if (refusal !== null) return actions;
  if (p.has('user.disable')) actions.push(target.status === 'active' ? 'disable' : 'enable');
  if (p.has('user.reset_password')) actions.push('reset_password');
  if (p.has('role.assign')) actions.push('assign_roles');
  return actions;
}

const REFUSALS: Record<Exclude<AccountRefusal, 'self'>, { zh: string; en: string }> = {
  out_of_band: { zh: '系统管理员和审计管理员的账户只能由平台运维人员在服务器上管理', en: 'system and audit administrators are managed only by the platform operator on the server' },
  peer_or_above: { zh: '只能管理下级区划的安全管理员', en: 'you may manage security administrators only of regions below your own' },
};

/**
 * Refuses an act on an account the actor may not manage (see accountRefusal). Editing one's
 * own name and phone is the one act allowed on oneself (`selfAllowed`).
 */
export function assertMayManage(actor: SessionUser, target: TargetAccount, selfAllowed = false): void {
  const refusal = accountRefusal(actor, { id: target.id, roles: target.roles, regionCode: target.org_region });
  if (refusal === null || (refusal === 'self' && selfAllowed)) return;
  if (refusal === 'self') throw ruleViolation({ zh: '不能对自己的账户执行此操作（包括修改自己的角色）', en: 'you cannot do this to your own account (your roles included)' }, 'params.id');
  const reason = REFUSALS[refusal];
  throw new AppError('ACCOUNT_PROTECTED', { reason }, [{ field: 'params.id', reason: refusal, message: reason }]);
}

const GRANT_REFUSALS = {
  not_security_admin: { zh: '只有安全管理员可以授予角色', en: 'only a security administrator grants roles' },
  out_of_band: { zh: '系统管理员和审计管理员只能由平台运维人员在服务器上授予', en: 'system and audit administrators are granted only by the platform operator on the server' },
  not_below: { zh: '安全管理员只能为下级区划设立', en: 'security administrators may be made only for regions below your own' },
};

/** Whether the actor may grant these roles to an account of an organisation in `orgRegion`, as a refusal to throw. */
export function grantRefusal(actor: SessionUser, roleKeys: string[], orgRegion: string, field: string): AppError | null {
  const refusal = roleGrantRefusal(actor, roleKeys, orgRegion);
  if (!refusal) return null;
  const names = refusal.roles.map((k) => (k in ROLES ? ROLES[k as RoleKey].name : { zh: k, en: k }));
  const reason = GRANT_REFUSALS[refusal.reason];
  const details: ErrorDetail[] = [{ field, reason: refusal.reason, message: reason }];
  return new AppError('ROLE_NOT_GRANTABLE', { roles: { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') }, reason }, details);
}

export function assertMayGrant(actor: SessionUser, roleKeys: string[], orgRegion: string, field = 'body.roles'): void {
  const refusal = grantRefusal(actor, roleKeys, orgRegion, field);
  if (refusal) throw refusal;
}

/**
 * Roles must exist, suit the kind of organisation (an enterprise account cannot be a
 * government inspector), and respect 三权分立 (one administrator role, alone).
 */
export function assertRolesFit(roleKeys: string[], knownRoles: Map<string, { audiences: string[] }>, orgType: string): void {
  const unknown = roleKeys.filter((k) => !knownRoles.has(k));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', { summary: 'body.roles' }, unknown.map((k) => ({
      field: 'body.roles', reason: 'unknown_role', message: { zh: `未知角色：${k}`, en: `unknown role: ${k}` },
    })));
  }
  const misfit = roleKeys.filter((k) => !roleFitsOrg({ key: k, audiences: knownRoles.get(k)!.audiences }, orgType as OrgType));
  if (misfit.length) {
    const names = misfit.map((k) => (k in ROLES ? ROLES[k as RoleKey].name : { zh: k, en: k }));
    throw ruleViolation({
      zh: `该组织的账户不能担任：${names.map((n) => n.zh).join('、')}`,
      en: `accounts of this organisation cannot hold: ${names.map((n) => n.en).join(', ')}`,
    }, 'body.roles');
  }
  const clash = separationOfDutiesViolation(roleKeys);
  if (clash) {
    const names = clash.map((k) => ROLES[k as RoleKey].name);
    throw new AppError('SEPARATION_OF_DUTIES', { roles: { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') } }, [
      { field: 'body.roles', reason: 'separation_of_duties', message: { zh: '系统管理员、安全管理员、审计管理员只能任其一，且不能兼任业务角色', en: 'hold at most one of system, security and audit administrator, and no business role beside it' } },
    ]);
  }
}
