import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { conflict } from '../../platform/errors.js';
import type { ReadyHazard } from './hazards.import-rows.js';

/*
 * The import's writing half. Checked rows arrive in batches; each batch goes by COPY into a
 * temporary staging table and from there, in one INSERT … SELECT, into `hazards` (returning
 * their ids into one `import` event each). One batch is written while the reader parses and
 * checks the next, so the two cores work at once: reading a file and writing it took as long
 * one after the other. Everything happens in the caller's transaction on its own connection:
 * a bad row anywhere, and the caller drops the connection — nothing was written.
 */

const STAGE = `create temp table hazard_import_stage (
  title text, level text, source text, status text, region_code text collate "C", enterprise_id uuid, industry_code text,
  found_on date, deadline date, responsible_unit text, responsible_person text, closed_on date, listed_level smallint, listed_region_code text collate "C"
) on commit drop`;
const STAGE_COLUMNS = 'title, level, source, status, region_code, enterprise_id, industry_code, found_on, deadline, responsible_unit, responsible_person, closed_on, listed_level, listed_region_code';
const ASSIGNED = `status in ('rectifying', 'pending_acceptance', 'closed')`;

// An imported public report names no citizen: found_by_name stays empty, as a check requires.
const INSERT = `
  with ins as (
    insert into hazards (title, enterprise_id, region_code, industry_code, level, source, status, found_by_name, found_on, reported_by, reporter_org_id, reported_at,
      responsible_org_id, responsible_unit, responsible_person, assigned_by_org_id, deadline, listed_level, listed_region_code, closed_on, closed_at, version, updated_at)
    select title, enterprise_id, region_code, industry_code, level, source, status, case when source = 'public_report' then '' else $2 end, found_on, $1, $3, $5,
      case when ${ASSIGNED} then enterprise_id end, responsible_unit, responsible_person, case when ${ASSIGNED} then $3::uuid end,
      deadline, listed_level, listed_region_code, closed_on, (closed_on + time '04:00') at time zone 'UTC', 1, $5
    from hazard_import_stage
    returning id, status)
  insert into hazard_events (hazard_id, seq, action, from_status, to_status, actor_id, actor_name, actor_org_id, actor_org_name, at, comment)
  select id, 1, 'import', null, status, $1, $2, $3, $4, $5, $6 from ins`;

/** COPY text format: backslash, tab and line breaks escaped; null is \N. */
const esc = (v: string | null) => (v === null ? '\\N' : /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : v);
const copyLine = (h: ReadyHazard) => [
  esc(h.title), h.level, h.source, h.status, h.regionCode, h.enterpriseId ?? '\\N', h.industryCode ?? '\\N', h.foundOn, h.deadline ?? '\\N',
  esc(h.responsibleUnit), esc(h.responsiblePerson), h.closedOn ?? '\\N', h.listedLevel ?? '\\N', h.listedRegionCode ?? '\\N',
].join('\t') + '\n';

/** Rows per batch written: large enough that a statement's fixed costs vanish, small enough to overlap well. */
export const WRITE_BATCH = 25_000;

export interface Importer { userId: string; displayName: string; orgId: string; orgName: string; now: Date; comment: string }

export function createBatchWriter(o: { client: pg.Client; bulkKeys: boolean; who: Importer }) {
  const { client, bulkKeys, who } = o;
  let text = '';
  let rows = 0;
  let referenced = fresh();
  let inFlight: Promise<void> | null = null;
  let started = false;
  let imported = 0;

  function fresh() {
    return { regions: new Set<string>(), orgs: new Set<string>([who.orgId]), industries: new Set<string>() };
  }

  /**
   * With a superuser connection (the embedded server), each distinct value a batch references
   * is locked FOR KEY SHARE — what the per-row foreign-key triggers would do, once per value
   * instead of once per row, every value having been checked by the reader — and the session
   * runs as a replica, which skips those triggers. The change log's statement triggers fire in
   * replica sessions only (migration 0008), so the rollups still see every row.
   */
  async function lockReferenced(refs: ReturnType<typeof fresh>): Promise<void> {
    const locked = async (q: string, values: string[]) => (await client.query(`select count(*)::int as n from (${q} for key share) x`, [values])).rows[0].n as number;
    const want = refs.regions.size + refs.orgs.size + refs.industries.size + 1;
    const got = await locked('select 1 from regions where code = any($1)', [...refs.regions])
      + await locked('select 1 from orgs where id = any($1::uuid[])', [...refs.orgs])
      + await locked('select 1 from industries where code = any($1)', [...refs.industries])
      + await locked('select 1 from users where id = any($1::uuid[])', [who.userId]);
    if (got !== want) throw conflict({ zh: '导入期间有关联数据被删除，请重新上传', en: 'referenced data changed while importing; upload again' });
  }

  async function write(batch: string, refs: ReturnType<typeof fresh>): Promise<void> {
    if (!started) {
      started = true;
      await client.query(STAGE);
      // The change log's statement trigger holds a batch's rows in memory: room for them.
      await client.query(`set local work_mem = '64MB'`);
      if (bulkKeys) await client.query(`set local session_replication_role = replica`);
    }
    if (bulkKeys) await lockReferenced(refs);
    const copy = client.query(copyFrom(`copy hazard_import_stage (${STAGE_COLUMNS}) from stdin`));
    // Its errors surface through `finished`; without a listener a late one would crash the process.
    copy.on('error', () => {});
    const finished = once(copy, 'finish');
    copy.end(batch);
    await finished;
    const inserted = await client.query(INSERT, [who.userId, who.displayName, who.orgId, who.orgName, who.now, who.comment]);
    imported += inserted.rowCount ?? 0;
    await client.query('truncate hazard_import_stage');
  }

  async function flush(): Promise<void> {
    if (text === '') return;
    const [batch, refs] = [text, referenced];
    text = '';
    rows = 0;
    referenced = fresh();
    // One batch in flight: wait for the one before, then let this one run while reading goes on.
    if (inFlight) await inFlight;
    inFlight = write(batch, refs);
    // Awaited by the next flush or by finish(); until then a failure must not go unhandled.
    inFlight.catch(() => {});
  }

  return {
    /** Adds a checked row; once enough have gathered, writes them (await what it returns then). */
    add(h: ReadyHazard): Promise<void> | undefined {
      text += copyLine(h);
      referenced.regions.add(h.regionCode);
      if (h.enterpriseId) referenced.orgs.add(h.enterpriseId);
      if (h.industryCode) referenced.industries.add(h.industryCode);
      return ++rows >= WRITE_BATCH ? flush() : undefined;
    },
    /** Writes what is left and waits for every batch; the session is back to normal afterwards. */
    async finish(): Promise<number> {
      await flush();
      if (inFlight) await inFlight;
      if (bulkKeys && started) await client.query(`set local session_replication_role = origin`);
      return imported;
    },
  };
}
