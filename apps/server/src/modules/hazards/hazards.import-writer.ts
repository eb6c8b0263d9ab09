import type pg from 'pg';
import type { AuditRow } from '../../platform/audit/audit.writer.js';
import { conflict } from '../../platform/errors.js';
import type { ReadyHazard } from './hazards.import-rows.js';

/*
 * The import's writing half. Checked rows arrive in batches; each batch goes, as one array per
 * column, to hazards_import_batch() (migration 0012a_hazards_bulk_log), which inserts them
 * into `hazards` with one `import` event each in one INSERT … SELECT. One batch is written
 * while the reader parses and checks the next, so the two cores work at once: reading a file
 * and writing it took as long one after the other. Everything happens in the caller's
 * transaction on its own connection: a bad row anywhere, and the caller drops the
 * connection — nothing was written.
 *
 * The function is the schema owner's and runs as the owner: it checks each value a batch
 * references once (instead of once per row, as the foreign keys' triggers would) and skips
 * those triggers, which the application role may not do itself; it records each batch in the
 * audit log. Its arrays are data only: nothing the caller passes runs as the owner.
 */
const CALL = `select hazards_import_batch($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::date[], $9::date[],
  $10::text[], $11::text[], $12::date[], $13::smallint[], $14::text[], $15::uuid, $16::text, $17::uuid, $18::text, $19::timestamptz, $20::text, $21::jsonb) as n`;

/** Rows per batch written: large enough that a statement's fixed costs vanish, small enough to overlap well. */
export const WRITE_BATCH = 25_000;

export interface Importer {
  userId: string; displayName: string; orgId: string; orgName: string; now: Date; comment: string;
  /** The request's audit row (audit.row()): the function records each batch with its request id, address and hash algorithm. */
  audit: AuditRow;
}

function columns() {
  return {
    title: [] as string[], level: [] as string[], source: [] as string[], status: [] as string[], region: [] as string[], enterprise: [] as (string | null)[],
    industry: [] as (string | null)[], found: [] as string[], deadline: [] as (string | null)[], unit: [] as (string | null)[], person: [] as (string | null)[],
    closed: [] as (string | null)[], listed: [] as (number | null)[], listedRegion: [] as (string | null)[],
  };
}
type Columns = ReturnType<typeof columns>;

export function createBatchWriter(o: { client: pg.Client; who: Importer }) {
  const { client, who } = o;
  let batch = columns();
  let inFlight: Promise<void> | null = null;
  let started = false;
  let imported = 0;

  async function write(c: Columns): Promise<void> {
    if (!started) {
      started = true;
      // The change log's statement trigger holds a batch's rows in memory: room for them.
      await client.query(`set local work_mem = '64MB'`);
    }
    const { rows } = await client.query<{ n: number }>(CALL, [
      c.title, c.level, c.source, c.status, c.region, c.enterprise, c.industry, c.found, c.deadline, c.unit, c.person, c.closed, c.listed, c.listedRegion,
      who.userId, who.displayName, who.orgId, who.orgName, who.now, who.comment, JSON.stringify(who.audit),
    ]).catch((error: { code?: string }) => {
      // The reader checked every reference; one gone since is a race, not bad input.
      if (error.code === '23503') throw conflict({ zh: '导入期间有关联数据被删除，请重新上传', en: 'referenced data changed while importing; upload again' });
      throw error;
    });
    imported += rows[0]!.n;
  }

  async function flush(): Promise<void> {
    if (batch.title.length === 0) return;
    const full = batch;
    batch = columns();
    // One batch in flight: wait for the one before, then let this one run while reading goes on.
    if (inFlight) await inFlight;
    inFlight = write(full);
    // Awaited by the next flush or by finish(); until then a failure must not go unhandled.
    inFlight.catch(() => {});
  }

  return {
    /** Adds a checked row; once enough have gathered, writes them (await what it returns then). */
    add(h: ReadyHazard): Promise<void> | undefined {
      const b = batch;
      b.title.push(h.title); b.level.push(h.level); b.source.push(h.source); b.status.push(h.status); b.region.push(h.regionCode);
      b.enterprise.push(h.enterpriseId); b.industry.push(h.industryCode); b.found.push(h.foundOn); b.deadline.push(h.deadline);
      b.unit.push(h.responsibleUnit); b.person.push(h.responsiblePerson); b.closed.push(h.closedOn); b.listed.push(h.listedLevel); b.listedRegion.push(h.listedRegionCode);
      return b.title.length >= WRITE_BATCH ? flush() : undefined;
    },
    /** Writes what is left and waits for every batch. */
    async finish(): Promise<number> {
      await flush();
      if (inFlight) await inFlight;
      return imported;
    },
  };
}
