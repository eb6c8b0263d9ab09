import { sql } from 'kysely';
import { ROOT_REGION_CODE } from '@anjian/domain';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/database.js';
import { seedDemoOrgs } from './demo-orgs.js';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS } from './demo-structure.js';

export const DEFAULT_DEMO_PASSWORD = 'Anjian@2026';

/**
 * Fills the demo province once: organisations at every level, routing, and one account
 * per role and level (password ANJIAN_DEMO_PASSWORD, default in the README).
 * Only ever called when demo data is wanted (embedded database, or ANJIAN_DEMO=1).
 */
export async function seedDemo(db: Database, config: Pick<Config, 'demoProvince'>, password = process.env.ANJIAN_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD): Promise<{ created: boolean; summary: string }> {
  const province = config.demoProvince;
  const done = await db.selectFrom('users').select('id').where('username', '=', DEMO_ACCOUNTS[0]!.username).executeTakeFirst();
  if (done) return { created: false, summary: 'already present' };
  const hash = await hashPassword(password);

  return db.transaction().execute(async (tx) => {
    const orgCount = await seedDemoOrgs(tx, province);
    for (const account of DEMO_ACCOUNTS) {
      let q = tx.selectFrom('orgs').select('id');
      if (account.org === 'platform') {
        q = q.where('type', '=', 'platform').where('region_code', '=', ROOT_REGION_CODE);
      } else {
        q = q.where('type', '=', account.org.type).where('region_code', '=', account.org.region);
        const dept = DEMO_DEPARTMENTS.find((d) => d.key === (account.org as { department?: string }).department);
        if (dept) q = q.where(sql<boolean>`industries @> ${sql.val(dept.industries)}::text[]`);
      }
      const org = await q.executeTakeFirstOrThrow();
      const { id } = await tx.insertInto('users').values({ username: account.username, display_name: account.displayName, phone: null, org_id: org.id, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('user_roles').values({ user_id: id, role_key: account.role }).execute();
    }
    return { created: true, summary: `${orgCount} organisations, ${DEMO_ACCOUNTS.length} accounts` };
  });
}
