import type { Kysely } from 'kysely';

/** Accidents (事故), supplements, investigations and control indicators: filled in by the accidents module. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
