import { Migrator, type MigrationResultSet } from 'kysely';
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
