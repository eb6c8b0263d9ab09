import crypto from 'node:crypto';
import type { Database } from '../platform/db/database.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { USCC_CHARSET, usccCheckCharacter } from '@anjian/domain';

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
      // An enterprise is an organisation with a registry row; other modules find it through the registry.
      if (o.type === 'enterprise') return (await this.enterprise({ regionCode: o.regionCode, name: o.name, industries: o.industries?.length ? o.industries : undefined })).id;
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

    /** An enterprise: its organisation (type 'enterprise') and its registry row, with a fresh valid USCC. */
    async enterprise(e: { regionCode: string; industries?: string[]; name?: string; status?: 'operating' | 'suspended' | 'closed'; uscc?: string }): Promise<{ id: string; name: string; uscc: string }> {
      const name = e.name ?? `测试企业-${suffix()}有限公司`;
      const uscc = e.uscc ?? makeUscc(e.regionCode);
      const { id } = await db.insertInto('orgs').values({ type: 'enterprise', region_code: e.regionCode, name, industries: [] }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('enterprises').values({
        org_id: id, uscc, address: `${name}厂区`, industries: e.industries ?? ['construction'], scale: 'small',
        legal_representative: '张三', principal: '李四', actual_controller: null, status: e.status ?? 'operating',
      }).execute();
      return { id, name, uscc };
    },

    /** A hazard put straight into a state (for access tests); its first event is the report. */
    async hazard(h: { regionCode: string; status?: string; level?: 'general' | 'major'; title?: string; enterpriseId?: string | null; industryCode?: string | null } & Record<string, unknown>): Promise<string> {
      const { regionCode, status = 'reported', level = 'general', title, enterpriseId = null, industryCode = 'construction', ...rest } = h;
      const at = new Date();
      const { id } = await db.insertInto('hazards').values({
        title: title ?? `测试隐患-${suffix()}`, description: '', region_code: regionCode, enterprise_id: enterpriseId, industry_code: industryCode, level, source: 'government_inspection',
        status, found_by_name: '测试', found_on: '2026-01-05', reported_at: at, version: 1, ...rest,
      } as never).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('hazard_events').values({ hazard_id: id, seq: 1, action: 'report', from_status: null, to_status: status, actor_id: null, actor_name: '测试', actor_org_id: null, actor_org_name: null, at, comment: null, data: null }).execute();
      return id;
    },
  };
}

export type Factories = ReturnType<typeof createFactories>;

/** A random, valid 统一社会信用代码 registered in `regionCode`'s county (enterprise, 市场监管). */
export function makeUscc(regionCode = '130123'): string {
  const body = Array.from(crypto.randomBytes(9), (b) => USCC_CHARSET[b % 31]).join('');
  const first17 = `91${regionCode.slice(0, 6).padEnd(6, '0')}${body}`;
  return first17 + usccCheckCharacter(first17);
}
