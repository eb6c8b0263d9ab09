import { sql } from 'kysely';
import { ROLE_KEYS, ROLES, ROOT_REGION_CODE, SEPARATED_ADMIN_ROLES, separationOfDutiesViolation } from '@anjian/domain';
import { generatePassword, hashPassword } from '../../platform/auth/passwords.js';
import type { Database } from '../../platform/db/database.js';
import { unscoped } from '../../platform/access/scope.js';

/** Built-in roles are upserted at every start, so a release that changes them takes effect. */
export async function syncBuiltinRoles(db: Database): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const key of ROLE_KEYS) {
      const role = ROLES[key];
      const values = { name_zh: role.name.zh, name_en: role.name.en, permissions: [...role.permissions], audiences: [...role.audiences], builtin: true };
      await tx.insertInto('roles').values({ key, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
    }
  });
}

export const PLATFORM_ORG_NAME = '平台运维中心';

/**
 * First start: the platform organisation at the root and the `admin` account, a security
 * administrator and nothing else (三权分立): it creates organisations and accounts, security
 * administrators for the provinces included, but never a system or audit administrator — the
 * operator grants those on the server (`cli admin:grant`). Its password is the operator's own
 * (ANJIAN_ADMIN_PASSWORD, or generated and printed once on the server's console). Returns the
 * generated password when one was generated.
 */
export async function ensureAdmin(db: Database, adminPassword: string | null): Promise<{ created: boolean; generatedPassword: string | null }> {
  const existing = await db.selectFrom('users').where(unscoped('first start: is there an admin account at all')).select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing) return { created: false, generatedPassword: null };
  const generated = adminPassword ? null : generatePassword();
  const hash = await hashPassword(adminPassword ?? generated!);
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('orgs').values({ type: 'platform', name: PLATFORM_ORG_NAME, region_code: ROOT_REGION_CODE }).onConflict((oc) => oc.columns(['region_code', 'type', 'name']).doNothing()).execute();
    const org = await tx.selectFrom('orgs').select('id').where('type', '=', 'platform').where('region_code', '=', ROOT_REGION_CODE).executeTakeFirstOrThrow();
    const { id } = await tx.insertInto('users').values({ username: 'admin', display_name: '安全管理员', phone: null, org_id: org.id, password_hash: hash, must_change_password: false }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('user_roles').values({ user_id: id, role_key: 'security_admin' }).execute();
  });
  return { created: true, generatedPassword: generated };
}

/**
 * Active accounts whose roles break 三权分立 (an administrator role beside another role) —
 * possible only for accounts made before the rule was enforced. Reported at every start so
 * the operator acts: the security administrator fixes a business account's roles, the
 * operator disables an administrator (`cli admin:disable`) and grants a clean one.
 */
export async function separationViolations(db: Database): Promise<{ username: string; roles: string[] }[]> {
  const rows = await db
    .selectFrom('users as u')
    .select(['u.username', sql<string[]>`array(select r.role_key from user_roles r where r.user_id = u.id order by 1)`.as('roles')])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`exists (select 1 from user_roles r where r.user_id = u.id and r.role_key = any(${sql.val([...SEPARATED_ADMIN_ROLES])}::text[]))`)
    .execute();
  return rows.filter((r) => separationOfDutiesViolation(r.roles) !== null);
}
