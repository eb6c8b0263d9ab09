import type { Kysely } from 'kysely';

/** Enterprises (企业): filled in by the enterprises module. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
