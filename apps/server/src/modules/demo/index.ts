import { sql } from 'kysely';
import { ROOT_REGION_CODE } from '@anjian/domain';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Config } from '../../platform/config.js';
import type { Database, Tx } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import { demoEnterprises } from './demo-enterprises.js';
import { demoAccidents } from './demo-accidents.js';
import { demoCases } from './demo-cases.js';
import { demoLinks } from './demo-links.js';
import { demoHazards } from './demo-hazards.js';
import { demoDraws } from './demo-draws.js';
import { demoInspections } from './demo-inspections.js';
import { demoReports } from './demo-reports.js';
import { seedDemoOrgs } from './demo-orgs.js';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS } from './demo-structure.js';

export const DEFAULT_DEMO_PASSWORD = 'Anjian@2026';

export interface DemoContext {
  province: string;
  passwordHash: string;
  now: Date;
  /** Personal data in the demo (contacts, reporters) is written encrypted, like everywhere else. */
  pii: PiiCipher;
  /** Where the demo's generated files (执法文书 PDFs) are stored. */
  dataDir?: string;
}

/**
 * One step of the demo: `present` says whether its data is already there, so each step
 * runs once per database — and a data directory made before a module existed gains that
 * module's demo data on the next start.
 */
export interface DemoStep {
  name: string;
  present(db: Database, ctx: DemoContext): Promise<boolean>;
  seed(tx: Tx, ctx: DemoContext): Promise<string>;
}

const structure: DemoStep = {
  name: 'organisations and accounts',
  present: async (db) => (await db.selectFrom('users').select('id').where('username', '=', DEMO_ACCOUNTS[0]!.username).executeTakeFirst()) !== undefined,
  async seed(tx, ctx) {
    const orgCount = await seedDemoOrgs(tx, ctx.province);
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
      const { id } = await tx.insertInto('users').values({ username: account.username, display_name: account.displayName, phone: null, org_id: org.id, password_hash: ctx.passwordHash }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('user_roles').values({ user_id: id, role_key: account.role }).execute();
    }
    return `${orgCount} organisations, ${DEMO_ACCOUNTS.length} accounts`;
  },
};

/** In order: later steps build on earlier ones. Modules add theirs here. */
const STEPS: DemoStep[] = [structure, demoEnterprises, demoHazards, demoAccidents, demoReports, demoDraws, demoInspections, demoCases, demoLinks];

/**
 * Fills the demo province: organisations at every level, routing, one account per role
 * and level (password ANJIAN_DEMO_PASSWORD, default in the README), then each module's data.
 * Only ever called when demo data is wanted (embedded database, or ANJIAN_DEMO=1).
 */
export async function seedDemo(db: Database, config: Pick<Config, 'demoProvince'> & Partial<Pick<Config, 'dataDir'>> & { pii: PiiCipher }, password = process.env.ANJIAN_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD): Promise<{ created: boolean; summary: string }> {
  const pending: DemoStep[] = [];
  let ctx: DemoContext | null = null;
  for (const step of STEPS) {
    ctx ??= { province: config.demoProvince, passwordHash: '', now: new Date(), pii: config.pii, dataDir: config.dataDir };
    if (!(await step.present(db, ctx))) pending.push(step);
  }
  if (pending.length === 0 || !ctx) return { created: false, summary: 'already present' };
  ctx.passwordHash = await hashPassword(password);
  const done: string[] = [];
  for (const step of pending) {
    const summary = await db.transaction().execute((tx) => step.seed(tx, ctx!));
    done.push(`${step.name}: ${summary}`);
  }
  return { created: true, summary: done.join('; ') };
}
