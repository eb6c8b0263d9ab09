import crypto from 'node:crypto';
import { sql } from 'kysely';
import { effectivePermissions } from '@anjian/domain';
import type { Database, Executor } from '../db/database.js';
import type { SessionUser } from '../http/context.js';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export type SessionLookup =
  | { status: 'valid'; user: SessionUser }
  | { status: 'expired' | 'invalid' };

// last_seen_at is refreshed at most this often, so a busy user costs one write a minute, not
// one per request; the idle timeout is therefore exact to within this interval.
const TOUCH_INTERVAL_MS = 60_000;

/*
 * A session once read is trusted for this long without reading it again: a burst of requests
 * (a page loads five lists at once, a grid member's phone syncs) costs one round trip, not one
 * each. Every change that ends or narrows a session in this process — sign-out, disabling a
 * user, a password reset, role or organisation edits — drops the entries it concerns at once
 * (forget); the few seconds bound anything else (another process editing the database).
 */
const CACHE_MS = 3_000;
const CACHE_MAX = 10_000;

/** The cookie holds a random token; the table holds only its SHA-256, so a leaked table opens nothing. */
function tokenId(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function createSessionStore(deps: { db: Database; settings: SessionSettings; now: () => Date }) {
  const { db, settings, now } = deps;
  const cache = new Map<string, { user: SessionUser; lastSeen: number; readAt: number }>();

  function remember(id: string, user: SessionUser, lastSeen: number, readAt: number) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(id, { user, lastSeen, readAt });
  }

  return {
    async create(executor: Executor, userId: string, meta: { ip: string; userAgent: string | null }): Promise<{ token: string; expiresAt: Date }> {
      const token = crypto.randomBytes(32).toString('base64url');
      const created = now();
      const expiresAt = new Date(created.getTime() + settings.absoluteHours * 3_600_000);
      await executor
        .insertInto('sessions')
        .values({ id: tokenId(token), user_id: userId, created_at: created, last_seen_at: created, expires_at: expiresAt, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null })
        .execute();
      return { token, expiresAt };
    },

    async resolve(token: string): Promise<SessionLookup> {
      const id = tokenId(token);
      const t0 = now().getTime();
      const hit = cache.get(id);
      // Still fresh, and neither timeout nor the next touch of last_seen_at is due: answer from memory.
      if (hit && t0 - hit.readAt < CACHE_MS && t0 >= hit.readAt && t0 - hit.lastSeen <= TOUCH_INTERVAL_MS && t0 < hit.user.sessionExpiresAt.getTime()) {
        return { status: 'valid', user: hit.user };
      }
      cache.delete(id);
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .innerJoin('orgs as o', 'o.id', 'u.org_id')
        .select([
          's.id', 's.last_seen_at', 's.expires_at',
          'u.id as user_id', 'u.username', 'u.display_name', 'u.status', 'u.must_change_password',
          'o.id as org_id', 'o.type as org_type', 'o.name as org_name', 'o.region_code', 'o.industries',
          sql<string[]>`array(select ur.role_key from user_roles ur where ur.user_id = u.id order by ur.role_key)`.as('roles'),
          sql<string[]>`array(select distinct p from user_roles ur join roles r on r.key = ur.role_key, unnest(r.permissions) p where ur.user_id = u.id)`.as('permissions'),
        ])
        .where('s.id', '=', id)
        .executeTakeFirst();
      if (!row || row.status !== 'active') return { status: 'invalid' };
      const t = now().getTime();
      const idleExpired = t - row.last_seen_at.getTime() > settings.idleMinutes * 60_000;
      if (idleExpired || t >= row.expires_at.getTime()) {
        await db.deleteFrom('sessions').where('id', '=', id).execute();
        return { status: 'expired' };
      }
      let lastSeen = row.last_seen_at.getTime();
      if (t - lastSeen > TOUCH_INTERVAL_MS) {
        await db.updateTable('sessions').set({ last_seen_at: new Date(t) }).where('id', '=', id).execute();
        lastSeen = t;
      }
      const user: SessionUser = {
          id: row.user_id,
          username: row.username,
          displayName: row.display_name,
          orgId: row.org_id,
          orgType: row.org_type,
          orgName: row.org_name,
          regionCode: row.region_code,
          orgIndustries: row.industries,
          roles: row.roles,
          permissions: effectivePermissions([{ permissions: row.permissions }]),
          mustChangePassword: row.must_change_password,
          sessionId: row.id,
          sessionExpiresAt: row.expires_at,
      };
      remember(id, user, lastSeen, t);
      return { status: 'valid', user };
    },

    /** Drops cached sessions: of one user, or (no argument) all — after anything that changes who may do what. */
    forget(userId?: string): void {
      if (userId === undefined) return cache.clear();
      for (const [key, entry] of cache) if (entry.user.id === userId) cache.delete(key);
    },

    async revoke(executor: Executor, sessionId: string): Promise<void> {
      cache.delete(sessionId);
      await executor.deleteFrom('sessions').where('id', '=', sessionId).execute();
    },

    /** Ends every session of a user at once (disable, password reset), optionally but one. */
    async revokeAllFor(executor: Executor, userId: string, exceptSessionId?: string): Promise<void> {
      for (const [key, entry] of cache) if (entry.user.id === userId && key !== exceptSessionId) cache.delete(key);
      let q = executor.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
      await q.execute();
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
