import { sql } from 'kysely';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
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
 * Everything a database needs before the app serves: schema, personal data encrypted, built-in
 * roles, the key industries, the region tree (first start only) and the admin account.
 */
export async function bootstrap(db: Database, databaseUrl: string, config: Pick<Config, 'adminPassword' | 'auditHash'> & { villageProvinces: string[]; pii: PiiCipher }): Promise<BootstrapReport> {
  const migrations = await migrateToLatest(db);
  // The key is not in the database, so the migration could only forbid new plaintext; the old is encrypted here.
  const piiEncrypted = await encryptLegacyPii(db, config.pii, PII_STORES);
  await syncBuiltinRoles(db);
  const audit = createAuditWriter({ algorithm: config.auditHash, now: () => new Date() });
  await createIndustriesModule({ db, audit }).service.seedIfEmpty();
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from regions where level = 1`.execute(db);
  let regionImport: BootstrapReport['regionImport'] = null;
  if ((rows[0]?.n ?? 0) === 0) {
    const result = await importRegions(databaseUrl, config.villageProvinces);
    regionImport = { rows: result.rows, millis: result.millis };
  }
  const admin = await ensureAdmin(db, config.adminPassword);
  return { migrations, regionImport, admin, piiEncrypted, dutyViolations: await separationViolations(db) };
}
