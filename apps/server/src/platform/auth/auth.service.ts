import { checkPassword, type PasswordPolicy } from '@anjian/domain';
import type { AuditWriter } from '../audit/audit.writer.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { RequestContext, SessionUser } from '../http/context.js';
import { clearFailures, lockedUntil, normaliseLoginName, recordFailure, type LockoutSettings } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import { unscoped } from '../access/scope.js';

export interface AuthDeps {
  db: Database;
  sessions: SessionStore;
  audit: AuditWriter;
  lockout: LockoutSettings;
  passwordPolicy: PasswordPolicy;
  now: () => Date;
}

function shanghaiTime(instant: Date): string {
  // Shown to people in the message; China has one time zone and no DST.
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function createAuthService(deps: AuthDeps) {
  const { db, sessions, audit, now } = deps;

  /**
   * A password check for a signed-in account (signature, password change) under the same
   * per-account lockout as sign-in: while locked it refuses (LOGIN_LOCKED) without looking
   * at the password; a wrong one counts, and the failure that reaches the threshold locks.
   * Its own transaction, so the count survives the caller's rollback.
   */
  async function countedVerify(userId: string, password: string): Promise<boolean> {
    const outcome = await db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('users').select(['username', 'password_hash', 'status']).where('id', '=', userId).executeTakeFirst();
      if (!row) return { ok: false as const, until: null };
      const loginName = normaliseLoginName(row.username);
      const at = now();
      const locked = await lockedUntil(tx, loginName, at);
      if (locked) return { ok: false as const, until: locked };
      const valid = await verifyPassword(row.status === 'active' ? row.password_hash : null, password);
      if (valid) {
        await clearFailures(tx, loginName);
        return { ok: true as const, until: null };
      }
      return { ok: false as const, until: await recordFailure(tx, loginName, at, deps.lockout) };
    });
    if (outcome.until) throw new AppError('LOGIN_LOCKED', { until: shanghaiTime(outcome.until) });
    return outcome.ok;
  }

  return {
    /**
     * One transaction: the throttle row is locked first, so parallel guesses on one name
     * queue up and all count. Unknown names and disabled accounts are throttled and
     * answered exactly like a wrong password.
     */
    async login(ctx: RequestContext, username: string, password: string): Promise<{ token: string; expiresAt: Date; userId: string }> {
      const loginName = normaliseLoginName(username);
      type Outcome =
        | { ok: true; token: string; expiresAt: Date; userId: string }
        | { ok: false; error: AppError };
      const outcome: Outcome = await db.transaction().execute(async (tx) => {
        const at = now();
        const locked = await lockedUntil(tx, loginName, at);
        const fail = async (error: AppError, reason: string, who: { userId: string | null; orgId: string | null; regionCode: string | null }): Promise<Outcome> => {
          await audit.record(tx, ctx, { action: 'auth.login', result: 'failure', username: loginName, ...who, statusCode: 401, details: { reason } });
          return { ok: false, error };
        };
        if (locked) return fail(new AppError('LOGIN_LOCKED', { until: shanghaiTime(locked) }), 'locked', { userId: null, orgId: null, regionCode: null });

        const user = await tx
          .selectFrom('users as u')
          .where(unscoped('sign-in: the account is found by its name, before any scope exists'))
          .innerJoin('orgs as o', 'o.id', 'u.org_id')
          .select(['u.id', 'u.password_hash', 'u.status', 'o.id as org_id', 'o.region_code'])
          .where((eb) => eb(eb.fn('lower', ['u.username']), '=', loginName))
          .executeTakeFirst();
        // Attempts on a real account are filed under its region, so its own auditors see them.
        const who = { userId: user?.id ?? null, orgId: user?.org_id ?? null, regionCode: user?.region_code ?? null };
        // argon2 runs whatever the account's state, so neither the answer nor its timing tells
        // a disabled account from a wrong password; both count toward the lockout.
        const valid = await verifyPassword(user?.password_hash ?? null, password);
        if (!valid || !user || user.status !== 'active') {
          const reason = !user ? 'unknown name' : !valid ? 'wrong password' : 'account disabled';
          const until = await recordFailure(tx, loginName, at, deps.lockout);
          return until
            ? fail(new AppError('LOGIN_LOCKED', { until: shanghaiTime(until) }), `${reason}; locked`, who)
            : fail(new AppError('INVALID_CREDENTIALS'), reason, who);
        }

        await clearFailures(tx, loginName);
        const session = await sessions.create(tx, user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
        await audit.record(tx, ctx, { action: 'auth.login', result: 'success', ...who, username: loginName, objectType: 'user', objectId: user.id, statusCode: 200 });
        return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id };
      });
      if (!outcome.ok) throw outcome.error;
      return outcome;
    },

    /**
     * A signature: the signed-in user re-enters their password (验收签字). A wrong one counts
     * toward the account's lockout like a failed sign-in; a locked account cannot sign.
     */
    async verifyPassword(userId: string, password: string): Promise<boolean> {
      return countedVerify(userId, password);
    },

    async logout(ctx: RequestContext, user: SessionUser): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await sessions.revoke(tx, user.sessionId);
        await audit.record(tx, ctx, { action: 'auth.logout', result: 'success', objectType: 'user', objectId: user.id, statusCode: 204 });
      });
    },

    async changePassword(ctx: RequestContext, user: SessionUser, current: string, next: string): Promise<void> {
      if (!(await countedVerify(user.id, current))) {
        throw new AppError('WRONG_PASSWORD', {}, [{ field: 'body.currentPassword', reason: 'wrong_password', message: { zh: '当前密码不正确', en: 'wrong current password' } }]);
      }
      assertPolicy(deps.passwordPolicy, next, user.username, 'body.newPassword');
      if (current === next) {
        throw new AppError('PASSWORD_POLICY', { reasons: { zh: '新密码不能与当前密码相同', en: 'the new password must differ from the current one' } }, [
          { field: 'body.newPassword', reason: 'unchanged', message: { zh: '新密码不能与当前密码相同', en: 'must differ from the current password' } },
        ]);
      }
      const hash = await hashPassword(next);
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('users').set({ password_hash: hash, must_change_password: false, password_changed_at: now(), updated_at: now() }).where('id', '=', user.id).execute();
        // Other devices signed in with the old password are signed out.
        await sessions.revokeAllFor(tx, user.id, user.sessionId);
        await audit.record(tx, ctx, { action: 'auth.change_password', result: 'success', objectType: 'user', objectId: user.id, statusCode: 204 });
      });
      // must_change_password is off now: this session's next request must see it.
      sessions.forget(user.id);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function assertPolicy(policy: PasswordPolicy, password: string, username: string, field: string): void {
  const reasons = checkPassword(password, username, policy);
  if (reasons.length === 0) return;
  throw new AppError(
    'PASSWORD_POLICY',
    { reasons: { zh: reasons.map((r) => r.zh).join('；'), en: reasons.map((r) => r.en).join('; ') } },
    reasons.map((r) => ({ field, reason: 'password_policy', message: r })),
  );
}
