import { sql } from 'kysely';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { migrateToLatest, pendingMigrations } from './platform/db/migrate.js';
import { StartRefused } from './platform/db/roles.js';
import { createIndustriesModule } from './modules/industries/index.js';
import { importRegions } from './modules/regions/index.js';
import { ensureAdmin, separationViolations, syncBuiltinRoles, usersPii } from './modules/users/index.js';
import { enterprisesPii } from './modules/enterprises/index.js';
import { hazardsPii } from './modules/hazards/index.js';
import { createAuditWriter } from './platform/audit/audit.writer.js';
import type { PiiCipher } from './platform/secrets/pii.js';
import { encryptLegacyPii, type PiiStore } from './platform/secrets/pii-store.js';

/** Every column of personal data kept encrypted, as its module describes it. */
export const PII_STORES: readonly PiiStore[] = [usersPii, enterprisesPii, hazardsPii];
import { createBenchBaselineTable } from './modules/health/bench-baseline.routes.js';

export interface BootstrapReport {
  migrations: string[];
  regionImport: { rows: number; millis: number } | null;
  admin: { created: boolean; generatedPassword: string | null };
  /** Rows of personal data written in plaintext before encryption existed, encrypted now (per column). */
  piiEncrypted: Record<string, number>;
  /** Accounts made before 三权分立 was enforced whose roles break it (see separationViolations). */
  dutyViolations: { username: string; roles: string[] }[];
}

/**
 * The two connections bootstrap works over: the owner's migrates (and loads the region tree,
 * which it then analyses); the application's writes everything else, audit rows included. With
 * no owner connection (DATABASE_URL alone) the schema must already be current.
 */
export interface BootstrapDatabases { owner: Database | null; app: Database }
export interface BootstrapUrls { ownerUrl: string | null; appUrl: string }

/**
 * Everything a database needs before the app serves: schema, personal data encrypted, built-in
 * roles, the key industries, the region tree (first start only) and the admin account.
 */
export async function bootstrap(
  dbs: BootstrapDatabases,
  urls: BootstrapUrls,
  config: Pick<Config, 'adminPassword' | 'auditHash'> & { villageProvinces: string[]; pii: PiiCipher; benchBaseline?: boolean },
): Promise<BootstrapReport> {
  let migrations: string[] = [];
  if (dbs.owner) {
    migrations = await migrateToLatest(dbs.owner);
    if (config.benchBaseline) await createBenchBaselineTable(dbs.owner);
  } else {
    const pending = await pendingMigrations(dbs.app);
    if (pending.length) throw new StartRefused(`the database needs ${pending.length} migration(s) (${pending.at(-1)} the latest) and DATABASE_OWNER_URL is not set: set it to the schema owner's connection (README, "Database roles") so the platform can apply them`);
  }
  const db = dbs.app;
  // The key is not in the database, so the migration could only forbid new plaintext; the old is encrypted here.
  const piiEncrypted = await encryptLegacyPii(dbs, config.pii, PII_STORES);
  await syncBuiltinRoles(db);
  const audit = createAuditWriter({ algorithm: config.auditHash, now: () => new Date() });
  await createIndustriesModule({ db, audit }).service.seedIfEmpty();
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from regions where level = 1`.execute(db);
  let regionImport: BootstrapReport['regionImport'] = null;
  if ((rows[0]?.n ?? 0) === 0) {
    const result = await importRegions(urls.ownerUrl ?? urls.appUrl, config.villageProvinces);
    regionImport = { rows: result.rows, millis: result.millis };
  }
  const admin = await ensureAdmin(db, config.adminPassword);
  return { migrations, regionImport, admin, piiEncrypted, dutyViolations: await separationViolations(db) };
}
