import type { Kysely } from 'kysely';

/** Hazards (隐患) and their events: filled in by the hazards module. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
