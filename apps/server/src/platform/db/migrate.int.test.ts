import { sql } from 'kysely';
import { inject, describe, expect, it } from 'vitest';
import { cloneTemplate, dropDatabase } from '../../test/databases.js';
import { createDatabase } from './database.js';
import { migrateDown, migrateToLatest } from './migrate.js';

async function tables(db: ReturnType<typeof createDatabase>['db']): Promise<string[]> {
  const { rows } = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' and tablename not like 'kysely%' order by 1`.execute(db);
  return rows.map((r) => r.t);
}

describe('migrations', () => {
  it('run down to nothing and up again, and a second up is a no-op', async () => {
    const adminUrl = inject('pgAdminUrl');
    const { name, url } = await cloneTemplate(adminUrl, inject('templateDb'));
    const handle = createDatabase(url, { max: 2 });
    try {
      const full = await tables(handle.db);
      expect(full).toContain('audit_log');
      let steps: string[];
      do steps = await migrateDown(handle.db); while (steps.length > 0);
      expect(await tables(handle.db)).toEqual([]);
      expect((await migrateToLatest(handle.db)).length).toBeGreaterThan(0);
      expect(await tables(handle.db)).toEqual(full);
      expect(await migrateToLatest(handle.db)).toEqual([]);
    } finally {
      await handle.close();
      await dropDatabase(adminUrl, name);
    }
  });

  it('apply each migration once when two processes start together', async () => {
    const adminUrl = inject('pgAdminUrl');
    const { name, url } = await cloneTemplate(adminUrl, inject('templateDb'));
    const a = createDatabase(url, { max: 2 });
    const b = createDatabase(url, { max: 2 });
    try {
      let steps: string[];
      do steps = await migrateDown(a.db); while (steps.length > 0);
      const [ra, rb] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
      expect(ra.length + rb.length).toBe(Math.max(ra.length, rb.length));
    } finally {
      await a.close();
      await b.close();
      await dropDatabase(adminUrl, name);
    }
  });
});
