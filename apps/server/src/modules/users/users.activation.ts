import crypto from 'node:crypto';
import { ROLES, type PasswordPolicy, type RoleKey } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import { assertPolicy } from '../../platform/auth/auth.service.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/context.js';

/**
 * One-time activation (首次激活): how a system or audit administrator, granted out of band by
 * the operator on the server, chooses its own password. The operator's CLI prints a link
 * carrying a random token in its fragment (never sent to a server log); the holder opens it,
 * sees whose account it is, and sets the password. Only the token's SHA-256 is stored; a token
 * works once, expires, and a newer one for the same account voids the older.
 */
export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

const invalid = () =>
  new AppError('ACTIVATION_INVALID', {}, [{ field: 'body.token', reason: 'invalid', message: { zh: '激活链接无效、已使用或已过期', en: 'invalid, used or expired activation link' } }]);

export interface ActivationsDeps {
  db: Database;
  audit: AuditWriter;
  sessions: Pick<SessionStore, 'revokeAllFor' | 'forget'>;
  passwordPolicy: PasswordPolicy;
  /** How long a link stays valid. */
  hours: number;
  now: () => Date;
}

export function createActivations(deps: ActivationsDeps) {
  const { db, now } = deps;

  /** The pending activation a token opens, with its account; locked when inside a transaction that asks. */
  async function find(ex: Executor, token: string, lock: boolean) {
    let q = ex
      .selectFrom('user_activations as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['a.id', 'a.role_key', 'a.expires_at', 'u.id as user_id', 'u.username', 'u.display_name', 'o.id as org_id', 'o.name as org_name', 'o.region_code'])
      .where('a.token_hash', '=', tokenHash(token))
      .where('a.used_at', 'is', null)
      .where('a.expires_at', '>', now())
      .where('u.status', '=', 'active');
    if (lock) q = q.forUpdate('a');
    const row = await q.executeTakeFirst();
    if (!row) throw invalid();
    return row;
  }

  return {
    /**
     * A new link for the account, voiding any earlier one still open. Returns the token, which
     * exists nowhere else: the caller shows it once.
     */
    async issue(tx: Executor, userId: string, roleKey: string, issuedBy: string): Promise<{ token: string; expiresAt: Date }> {
      const at = now();
      await tx.updateTable('user_activations').set({ expires_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).where('expires_at', '>', at).execute();
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + deps.hours * 3_600_000);
      await tx.insertInto('user_activations').values({ user_id: userId, token_hash: tokenHash(token), role_key: roleKey, expires_at: expiresAt, issued_by: issuedBy, created_at: at }).execute();
      return { token, expiresAt };
    },

    async inspect(token: string) {
      const row = await find(db, token, false);
      const role = ROLES[row.role_key as RoleKey]?.name ?? { zh: row.role_key, en: row.role_key };
      return {
        username: row.username,
        displayName: row.display_name,
        role: { key: row.role_key, nameZh: role.zh, nameEn: role.en },
        org: { name: row.org_name, regionCode: row.region_code },
        expiresAt: row.expires_at.toISOString(),
        passwordPolicy: { minLength: deps.passwordPolicy.minLength, minClasses: deps.passwordPolicy.minClasses, forbidUsername: deps.passwordPolicy.forbidUsername },
      };
    },

    /** Sets the holder's password, spends the token and ends any session the account had. */
    async activate(ctx: RequestContext, token: string, password: string): Promise<void> {
      const preview = await find(db, token, false);
      assertPolicy(deps.passwordPolicy, password, preview.username, 'body.newPassword');
      const hash = await hashPassword(password);
      const userId = await db.transaction().execute(async (tx) => {
        // Read again under lock: two tabs submitting one link at once use it once.
        const row = await find(tx, token, true);
        const at = now();
        await tx.updateTable('users').set({ password_hash: hash, must_change_password: false, password_changed_at: at, updated_at: at }).where('id', '=', row.user_id).execute();
        await tx.updateTable('user_activations').set({ used_at: at }).where('id', '=', row.id).execute();
        await deps.sessions.revokeAllFor(tx, row.user_id);
        await deps.audit.record(tx, ctx, {
          action: 'auth.activate', objectType: 'user', objectId: row.user_id, result: 'success', statusCode: 204,
          userId: row.user_id, username: row.username, orgId: row.org_id, regionCode: row.region_code, details: { role: row.role_key },
        });
        return row.user_id;
      });
      deps.sessions.forget(userId);
    },
  };
}

export type Activations = ReturnType<typeof createActivations>;
