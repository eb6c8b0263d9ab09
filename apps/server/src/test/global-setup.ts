import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bootstrap } from '../bootstrap.js';
import { createDatabase } from '../platform/db/database.js';
import { loadPiiCipher } from '../platform/secrets/pii.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../platform/db/embedded-postgres.js';
import { ensureRoles } from '../platform/db/roles.js';
import { asApp, asOwner, createTemplate, TEST_ROLE_PASSWORDS } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A superuser URL on the test server; each test file clones the template from it. The app
     * under test connects as the application role (harness.ts); only tests that act as an
     * attacker with database access (or as the migrator) use this.
     */
    pgAdminUrl: string;
    templateDb: string;
  }
}

export const TEST_ADMIN_PASSWORD = 'Admin@Test2026';

/**
 * One PostgreSQL server for the whole run — embedded (in a temp dir) unless DATABASE_URL
 * points at an external one — and one template database with the schema, roles, industries
 * and the region tree (country to township, plus Hebei's villages). Test files clone it.
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedPostgres | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.DATABASE_URL ?? '';
  if (!adminUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-test-'));
    await fs.chmod(dir, 0o755);
    // Durability settings off: this server's data is thrown away after the run.
    server = await startEmbeddedPostgres({ dir, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
    adminUrl = server.url;
  }
  // The platform's two roles, as an operator would create them (README, "Database roles"): the
  // template is migrated by the owner and everything else is written by the application role.
  await ensureRoles(adminUrl, TEST_ROLE_PASSWORDS);
  const template = `anjian_template_${process.pid}`;
  const url = await createTemplate(adminUrl, template);
  const owner = createDatabase(asOwner(url), { max: 2 });
  const app = createDatabase(asApp(url), { max: 4 });
  try {
    // The template holds no personal data; a throwaway key serves the checks bootstrap validates.
    const pii = await loadPiiCipher(await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-template-keys-')));
    await bootstrap({ owner: owner.db, app: app.db }, { ownerUrl: asOwner(url), appUrl: asApp(url) }, { adminPassword: TEST_ADMIN_PASSWORD, auditHash: 'sm3', villageProvinces: ['13'], pii });
  } finally {
    await owner.close();
    await app.close();
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', template);

  return async () => {
    const { dropDatabase } = await import('./databases.js');
    await dropDatabase(adminUrl, template, { template: true }).catch(() => {});
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}
