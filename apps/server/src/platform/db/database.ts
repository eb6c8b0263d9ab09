import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import crypto from 'node:crypto';
import pg from 'pg';
import type { DB } from './schema.js';

// `date` columns stay 'YYYY-MM-DD' strings: pg's default parser builds a Date at local
// midnight, which shifts the day in any time zone west of UTC.
pg.types.setTypeParser(1082, (value) => value);
// bigint (int8) and numeric come back as strings; counts we read are small enough for numbers,
// so repositories convert explicitly where they need to (see toNumber).

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Repositories accept either the pool-backed database or a transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Marks a statement to be prepared once per connection: put it first in the statement's text. */
export const PREPARE = '/* prepare */';
const preparedNames = new Map<string, string>();

/**
 * A connection that prepares the statements marked with PREPARE (named after a hash of their
 * text) and afterwards only binds and executes them. For the platform's hottest writes the
 * plan costs as much as the execution (reporting a hazard: 0.8 ms of planning, 1 ms of work);
 * everything else keeps PostgreSQL's per-execution planning, which suits skewed filters.
 */
class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    keepAlive(this);
  }

  // pg's query() has many overloads; only (text, values) with the mark is rerouted.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && text.startsWith(PREPARE)) {
      let name = preparedNames.get(text);
      if (!name) preparedNames.set(text, (name = `p${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
      return super.query({ name, text, values }) as never;
    }
    return (super.query as (...a: unknown[]) => unknown)(...args) as never;
  }
}

export function createDatabase(url: string, options: { max?: number; connectionTimeoutMillis?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: options.max ?? 20,
    idleTimeoutMillis: 30_000,
    // Every session speaks UTC; business dates are converted at the edges.
    options: '-c timezone=UTC',
    // A request waits this long for a connection before it is answered 503, not forever.
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
  });
  pool.on('error', () => {
    // An idle client lost its connection (server restart); the pool replaces it.
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}

/** int8 / numeric values arrive as strings from pg. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/**
 * A pg client emits 'error' when its connection dies (the server was killed or restarted).
 * The pool listens only while a client is idle; one checked out by a request or a job has
 * no listener then, and Node ends the process on an unheard 'error'. The query in flight
 * fails anyway (and becomes 503 DATABASE_UNAVAILABLE), so the event itself needs nothing more.
 */
export function keepAlive<C extends pg.Client>(client: C): C {
  client.on('error', () => {});
  return client;
}

/** A single connection (COPY, admin statements) that cannot take the process down with it. */
export function createClient(config: pg.ClientConfig): pg.Client {
  return keepAlive(new pg.Client(config));
}

/** Creates `name` on the server at `adminUrl` when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = createClient({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function serverVersion(db: Database): Promise<number> {
  const { rows } = await sql<{ server_version_num: string }>`show server_version_num`.execute(db);
  return Number(rows[0]?.server_version_num ?? 0);
}
