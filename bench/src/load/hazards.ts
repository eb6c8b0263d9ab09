import { Readable } from 'node:stream';
import type pg from 'pg';
import { ok, type Http } from '../http.js';
import { copyBytes } from '../db.js';
import type { HazardGenerator } from '../generate/hazards.js';

/**
 * Scenario 1 happens while loading: every file of the ledger goes through the platform's
 * import (POST /api/hazards/import: parse, validate every row, stage, insert hazards and
 * their events, audit — one transaction), and the same bytes are then COPYed into a bare table
 * (same columns, no index, no constraint, no trigger) on the same database: what the database
 * itself can take. The ratio of the two rates is the figure.
 */
export interface ImportChunk { rows: number; bytes: number; importMs: number; copyMs: number }

const BARE = `create table if not exists bench_copy (
  title text, level text, source text, status text, region_code text, uscc text, industry text, found_on date, deadline date,
  responsible_unit text, responsible_person text, closed_on date, listed_level smallint)`;

export async function importCsv(http: Http, cookie: string, csv: Buffer, filename: string): Promise<number> {
  // Sent as a stream (chunked), as a browser or curl would send a large file.
  const body = Readable.from((function* () { for (let i = 0; i < csv.length; i += 1 << 16) yield csv.subarray(i, i + (1 << 16)); })());
  const res = ok(await http.request('POST', '/api/hazards/import', cookie, body, { 'content-type': 'text/csv; charset=utf-8', 'x-filename': encodeURIComponent(filename) }), `import ${filename}`);
  return res.ms;
}

export async function loadHazards(o: {
  cookie: string; db: () => pg.Client; generator: HazardGenerator; total: number; chunk: number;
  progress: (line: string) => void;
  /** Runs a request; if the server died under it (someone else killed it), restarts it and runs it again. */
  retry: <T>(work: (http: Http) => Promise<T>) => Promise<T>;
}): Promise<ImportChunk[]> {
  await o.db().query(BARE);
  const chunks: ImportChunk[] = [];
  for (let n = 1; o.generator.generated < o.total; n++) {
    const before = o.generator.generated;
    const csv = o.generator.chunk(o.chunk);
    const rows = o.generator.generated - before;
    // A file is one transaction: one cut short by a dying server left nothing behind and is sent again.
    const importMs = await o.retry((http) => importCsv(http, o.cookie, csv, `隐患台账-${n}.csv`));
    await o.db().query(BARE);
    await o.db().query('truncate bench_copy');
    const started = performance.now();
    await copyBytes(o.db(), 'copy bench_copy from stdin with (format csv, header true)', csv);
    const copyMs = performance.now() - started;
    chunks.push({ rows, bytes: csv.length, importMs, copyMs });
    o.progress(`hazards ${o.generator.generated.toLocaleString()}/${o.total.toLocaleString()}: import ${Math.round(rows / importMs * 1000).toLocaleString()} rows/s, COPY ${Math.round(rows / copyMs * 1000).toLocaleString()} rows/s`);
  }
  await o.db().query('drop table bench_copy');
  return chunks;
}
