import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type pg from 'pg';
import type { TableSize } from '../report.js';

/** Scenario 5 (disk): the database as PostgreSQL counts it, the data directory as the disk does, and the big tables. */
export async function diskUse(db: pg.Client, dataDir: string): Promise<{ databaseMb: number; dataDirMb: number; tables: TableSize[] }> {
  const mb = (bytes: number | string) => Math.round(Number(bytes) / 1024 / 1024 * 10) / 10;
  const { rows: [size] } = await db.query<{ b: string }>(`select pg_database_size(current_database()) as b`);
  const { rows } = await db.query<{ name: string; rows: string; t: string; i: string }>(`
    select c.relname as name, c.reltuples::bigint as rows, pg_table_size(c.oid) as t, pg_indexes_size(c.oid) as i
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and pg_total_relation_size(c.oid) > 1024 * 1024
    order by pg_total_relation_size(c.oid) desc limit 12`);
  let dataDirMb = 0;
  try {
    dataDirMb = mb(Number(execFileSync('du', ['-sb', path.join(dataDir, 'pg')]).toString().split('\t')[0]));
  } catch {
    // du is not everywhere; the database size above is the figure that matters.
  }
  return { databaseMb: mb(size!.b), dataDirMb, tables: rows.map((r) => ({ name: r.name, rows: Math.max(0, Number(r.rows)), tableMb: mb(r.t), indexMb: mb(r.i) })) };
}
