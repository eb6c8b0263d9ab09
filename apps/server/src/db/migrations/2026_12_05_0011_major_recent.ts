import { sql, type Kysely } from 'kysely';

/**
 * The ledger of major hazards, newest first, for a province or a city (issue 5). The index of
 * major hazards (migration 0005) is keyed by region: a township's are one short range, but a
 * province's first page had to gather all 100,000 of them (scale 1) to sort them by id —
 * 11 ms of a 15 ms page. Beside it, the same 1% of the ledger keyed by id alone, carrying the
 * region and what the filters test: a province's or a city's page is the first entries that
 * match. The planner takes whichever the region asks for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index hazards_major_recent_idx on hazards (id desc) include (region_code, status, deadline, listed_level) where level = 'major'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index hazards_major_recent_idx`.execute(db);
}
