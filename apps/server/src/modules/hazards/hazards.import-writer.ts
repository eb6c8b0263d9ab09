import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { AuditRow } from '../../platform/audit/audit.writer.js';
import { conflict } from '../../platform/errors.js';
import type { ReadyHazard } from './hazards.import-rows.js';

/*
 * The import's writing half. Checked rows arrive in batches; each batch goes by COPY into a
 * temporary staging table and from there, in one INSERT … SELECT, into `hazards` (with one
 * `import` event each). One batch is written while the reader parses and checks the next, so
 * the two cores work at once: reading a file and writing it took as long one after the other.
 * Everything happens in the caller's transaction on its own connection: a bad row anywhere,
 * and the caller drops the connection — nothing was written.
 *
 * The staging table and the INSERT are the schema owner's (migration 0012a_hazards_bulk_log):
 * hazards_import_begin() creates the table, on which the application may only insert, and
 * hazards_import_batch() checks each value a batch references once (instead of once per row, as
 * the foreign keys' triggers would), inserts the batch skipping those triggers — which the
 * application role may not do itself — and records the batch in the audit log.
 */
const STAGE_COLUMNS = 'title, level, source, status, region_code, enterprise_id, industry_code, found_on, deadline, responsible_unit, responsible_person, closed_on, listed_level, listed_region_code';
const BATCH = 'select hazards_import_batch($1::uuid, $2::text, $3::uuid, $4::text, $5::timestamptz, $6::text, $7::jsonb) as n';

/** COPY text format: backslash, tab and line breaks escaped; null is \N. */
const esc = (v: string | null) => (v === null ? '\\N' : /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : v);
const copyLine = (h: ReadyHazard) => [
  esc(h.title), h.level, h.source, h.status, h.regionCode, h.enterpriseId ?? '\\N', h.industryCode ?? '\\N', h.foundOn, h.deadline ?? '\\N',
  esc(h.responsibleUnit), esc(h.responsiblePerson), h.closedOn ?? '\\N', h.listedLevel ?? '\\N', h.listedRegionCode ?? '\\N',
].join('\t') + '\n';

/** Rows per batch written: large enough that a statement's fixed costs vanish, small enough to overlap well. */
export const WRITE_BATCH = 25_000;

export interface Importer {
  userId: string; displayName: string; orgId: string; orgName: string; now: Date; comment: string;
  /** The request's audit row (audit.row()): each batch is recorded with its request id, address and hash algorithm. */
  audit: AuditRow;
}

export function createBatchWriter(o: { client: pg.Client; who: Importer }) {
  const { client, who } = o;
  let text = '';
  let rows = 0;
  let inFlight: Promise<void> | null = null;
  let started = false;
  let imported = 0;

  async function write(batch: string): Promise<void> {
    if (!started) {
      started = true;
      await client.query('select hazards_import_begin()');
      // The change log's statement trigger holds a batch's rows in memory: room for them.
      await client.query(`set local work_mem = '64MB'`);
    }
    const copy = client.query(copyFrom(`copy pg_temp.hazard_import_stage (${STAGE_COLUMNS}) from stdin`));
    // Its errors surface through `finished`; without a listener a late one would crash the process.
    copy.on('error', () => {});
    const finished = once(copy, 'finish');
    copy.end(batch);
    await finished;
    const inserted = await client.query<{ n: number }>(BATCH, [who.userId, who.displayName, who.orgId, who.orgName, who.now, who.comment, JSON.stringify(who.audit)])
      .catch((error: { code?: string }) => {
        // The reader checked every reference; one gone since is a race, not bad input.
        if (error.code === '23503') throw conflict({ zh: '导入期间有关联数据被删除，请重新上传', en: 'referenced data changed while importing; upload again' });
        throw error;
      });
    imported += inserted.rows[0]!.n;
  }

  async function flush(): Promise<void> {
    if (text === '') return;
    const batch = text;
    text = '';
    rows = 0;
    // One batch in flight: wait for the one before, then let this one run while reading goes on.
    if (inFlight) await inFlight;
    inFlight = write(batch);
    // Awaited by the next flush or by finish(); until then a failure must not go unhandled.
    inFlight.catch(() => {});
  }

  return {
    /** Adds a checked row; once enough have gathered, writes them (await what it returns then). */
    add(h: ReadyHazard): Promise<void> | undefined {
      text += copyLine(h);
      return ++rows >= WRITE_BATCH ? flush() : undefined;
    },
    /** Writes what is left and waits for every batch. */
    async finish(): Promise<number> {
      await flush();
      if (inFlight) await inFlight;
      return imported;
    },
  };
}
