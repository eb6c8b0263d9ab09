import crypto from 'node:crypto';
import type { Database } from '../platform/db/database.js';
import { hashPassword } from '../platform/auth/passwords.js';

let cachedHash: Promise<string> | null = null;
/** One argon2 hash of TEST_PASSWORD for every factory-made account: hashing is deliberately slow. */
function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword('Test@Pass2026');
  return cachedHash;
}

const suffix = () => crypto.randomBytes(4).toString('hex');

/** Direct inserts for test fixtures: fast, and independent of the routes under test. */
export function createFactories(db: Database) {
  return {
    async org(o: { type: string; regionCode: string; name?: string; industries?: string[] }): Promise<string> {
      const { id } = await db
        .insertInto('orgs')
        .values({ type: o.type, region_code: o.regionCode, name: o.name ?? `测试${o.type}-${suffix()}`, industries: o.industries ?? [] })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    async user(u: { orgId: string; roles: string[]; username?: string; displayName?: string }): Promise<{ id: string; username: string }> {
      const username = u.username ?? `u${suffix()}`;
      const { id } = await db
        .insertInto('users')
        .values({ username, display_name: u.displayName ?? username, phone: null, org_id: u.orgId, password_hash: await testPasswordHash() })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (u.roles.length) await db.insertInto('user_roles').values(u.roles.map((role_key) => ({ user_id: id, role_key }))).execute();
      return { id, username };
    },
  };
}

export type Factories = ReturnType<typeof createFactories>;
