import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { keyringEnvName, rotateKeyring } from './keyring.js';
import { loadPiiCipher, PII_RELOAD_MS, type PiiCipher } from './pii.js';

/**
 * A column of personal data kept encrypted, as the module that owns it describes it (each
 * module's index.ts exports its stores). The platform runs the two data steps the database
 * cannot run by itself, because the key is not in the database:
 *
 *   encryptLegacyPii  at start: rows written before encryption existed → ciphertext, then the
 *                     migration's NOT VALID check is validated (once; later starts skip it)
 *   reencryptPii      after `keys:rotate pii`: every row → ciphertext under the new key
 *
 * Both walk the table by primary key in batches, each batch its own short transaction, so a
 * running server keeps working beside them.
 */
export interface PiiStore {
  /** For messages: 'users.phone'. */
  name: string;
  /** The table and the migration's check that forbids plaintext in it. */
  table: string;
  constraint: string;
  /** Encrypts legacy plaintext rows with keys after `after`; the last key seen, or null at the end. */
  encryptLegacy(db: Database, pii: PiiCipher, after: string | null, limit: number): Promise<{ last: string | null; changed: number }>;
  /** Rewrites the rows after `after` not yet under the current key; the last key seen, or null at the end. */
  reencrypt(db: Database, pii: PiiCipher, after: string | null, limit: number): Promise<{ last: string | null; changed: number }>;
  /** Rows per key id. */
  countByKey(db: Database): Promise<Record<string, number>>;
}

export const PII_BATCH = 1_000;

async function checkValidated(db: Database, table: string, constraint: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select convalidated as ok from pg_constraint where conname = ${constraint} and conrelid = ${table}::regclass`.execute(db);
  if (!rows[0]) throw new Error(`constraint ${constraint} on ${table} is missing: run the migrations first`);
  return rows[0].ok;
}

async function walk(step: (after: string | null) => Promise<{ last: string | null; changed: number }>): Promise<number> {
  let after: string | null = null;
  let changed = 0;
  for (;;) {
    const r = await step(after);
    changed += r.changed;
    if (r.last === null) return changed;
    after = r.last;
  }
}

/** Encrypts what was written in plaintext before, store by store; returns rows changed per store. */
export async function encryptLegacyPii(dbs: { app: Database; owner: Database | null }, pii: PiiCipher, stores: readonly PiiStore[], batch = PII_BATCH): Promise<Record<string, number>> {
  const db = dbs.app;
  const changed: Record<string, number> = {};
  for (const store of stores) {
    if (await checkValidated(db, store.table, store.constraint)) continue;
    changed[store.name] = await walk((after) => store.encryptLegacy(db, pii, after, batch));
    // From here on the database itself refuses plaintext in this column, old rows included.
    // Validating a constraint is the table owner's act; without the owner's connection
    // (DATABASE_URL alone) the check stays NOT VALID until a start that has it.
    if (dbs.owner) await sql`alter table ${sql.table(store.table)} validate constraint ${sql.ref(store.constraint)}`.execute(dbs.owner);
  }
  return changed;
}

/** Re-encrypts every store under the cipher's current key; returns rows rewritten per store. */
export async function reencryptPii(db: Database, pii: PiiCipher, stores: readonly PiiStore[], batch = PII_BATCH): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const store of stores) changed[store.name] = await walk((after) => store.reencrypt(db, pii, after, batch));
  return changed;
}

/** `true` when a ciphertext (and its blind index, if any) was written under the current key. */
export function isCurrent(pii: PiiCipher, ...tokens: (string | null)[]): boolean {
  return tokens.every((t) => t === null || pii.keyIdOf(t) === pii.currentKeyId);
}

/** Rows per key id of one ciphertext column: `select split_part(col, ':', 2)…`. */
export async function countByKeyOf(db: Database, table: string, column: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ k: string; n: number }>`
    select split_part(${sql.ref(column)}, ':', 2) as k, count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} is not null group by 1 order by 1`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

/**
 * `keys:rotate pii`: appends a key to the key file (or, when the keys come from ANJIAN_PII_KEYS,
 * uses the last one listed there), waits until a running server has picked it up for its
 * writes (it looks every PII_RELOAD_MS), then re-encrypts every store under it in batches.
 * Returns the new key's id, the rows rewritten and the rows per key afterwards.
 */
export async function rotatePiiKey(db: Database, dataDir: string, stores: readonly PiiStore[], options: { env?: NodeJS.ProcessEnv; settleMs?: number; batch?: number } = {}) {
  const env = options.env ?? process.env;
  const appended = !env[keyringEnvName('pii')];
  if (appended) await rotateKeyring(dataDir, 'pii', env);
  const pii = await loadPiiCipher(dataDir, env);
  const settle = options.settleMs ?? (appended ? PII_RELOAD_MS + 1_000 : 0);
  if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
  const rewritten = await reencryptPii(db, pii, stores, options.batch);
  const byKey: Record<string, Record<string, number>> = {};
  for (const store of stores) byKey[store.name] = await store.countByKey(db);
  return { keyId: pii.currentKeyId, appended, rewritten, byKey };
}
