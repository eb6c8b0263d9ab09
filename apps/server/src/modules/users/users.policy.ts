import { orgAudience, ROLES, separationOfDutiesViolation, type OrgType, type RoleKey } from '@anjian/domain';
import { AppError, ruleViolation } from '../../platform/errors.js';
import type { SessionUser } from '../../platform/http/context.js';

/** What the user may do with an account they can already see (scope is checked in SQL). */
export function userActions(actor: SessionUser, target: { id: string; status: string }): string[] {
  const p = actor.permissions;
  const self = actor.id === target.id;
  const actions: string[] = [];
  if (p.has('user.update')) actions.push('update');
  if (p.has('user.disable') && !self) actions.push(target.status === 'active' ? 'disable' : 'enable');
  if (p.has('user.reset_password') && !self) actions.push('reset_password');
  if (p.has('role.assign')) actions.push('assign_roles');
  return actions;
}

/**
 * Roles must exist, suit the kind of organisation (an enterprise account cannot be a
 * government inspector), and respect 三权分立 (at most one administrator role).
 */
export function assertRolesFit(roleKeys: string[], knownRoles: Map<string, { audiences: string[] }>, orgType: string): void {
  const unknown = roleKeys.filter((k) => !knownRoles.has(k));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', { summary: 'body.roles' }, unknown.map((k) => ({
      field: 'body.roles', reason: 'unknown_role', message: { zh: `未知角色：${k}`, en: `unknown role: ${k}` },
    })));
  }
  const audience = orgAudience(orgType as OrgType);
  const misfit = roleKeys.filter((k) => !knownRoles.get(k)!.audiences.includes(audience));
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
      { field: 'body.roles', reason: 'separation_of_duties', message: { zh: '系统管理员、安全管理员、审计管理员只能任其一', en: 'hold at most one of system, security and audit administrator' } },
    ]);
  }
}
