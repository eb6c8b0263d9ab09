import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { migrations } from '../../db/migrations/index.js';
import type { Database } from './database.js';

function migrator(db: Database): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Kysely takes a lock (a row in kysely_migration_lock, FOR UPDATE) around the run, so
    // two processes starting at once apply each migration exactly once.
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

export async function migrateToLatest(db: Database): Promise<string[]> {
  return check(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: Database): Promise<string[]> {
  return check(await migrator(db).migrateDown());
}

/** Migrations not applied to the database yet (read-only: the application role may run it). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db).then((r) => new Set(r.rows.map((row) => row.name)), (error: { code?: string }) => {
    // No bookkeeping table: a database never migrated.
    if (error.code === '42P01') return new Set<string>();
    throw error;
  });
  return Object.keys(migrations).filter((name) => !applied.has(name));
}
