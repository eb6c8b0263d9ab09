import { sql, type Kysely } from 'kysely';

/**
 * The reporter's home lists "my reports" (issue 10: LedgerQuery.reportedByMe): one account's
 * hazards, newest first, inside its scope. Keyed by the reporter, then id as the ledger pages
 * it; the region rides along for the scope test.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index hazards_reported_by_idx on hazards (reported_by, id desc) include (region_code) where reported_by is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index hazards_reported_by_idx`.execute(db);
}
