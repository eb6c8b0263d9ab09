import crypto from 'node:crypto';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

/**
 * hazards_import_batch() (migration 0012a_hazards_bulk_log): the bulk import's one statement, a
 * SECURITY DEFINER function of the schema owner, callable by the application role. What it
 * must guarantee whoever calls it: every reference exists, every row is counted in the rollups
 * exactly once — folded by the batch itself, in its transaction (migration 0015d), so nothing of
 * it waits in the change log for the fold job — every call is audited, and the caller's session
 * is as it was afterwards.
 */
let t: TestApp;
let who: { user: string; org: string };
let enterprise: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  who = { user: (await t.factories.user({ orgId: org, roles: ['leader'] })).id, org };
  enterprise = (await t.factories.enterprise({ regionCode: '130123100001' })).id;
});
afterAll(async () => t?.close());

/**
 * What the rollups hold for the test rows (found 2026-03-01, rectifying, general, county 130123):
 * the change log's rows, the province's found that day, the county's rectifying hazards in the
 * ledger counts, and its late rows by last day in time.
 */
async function counted(c: pg.Client): Promise<{ log: number; found: number; ledger: number; due: number }> {
  const { rows: [r] } = await c.query(`select
    (select count(*)::int from hazard_changes where found_on = '2026-03-01' and status = 'rectifying') as log,
    (select coalesce(sum(found), 0)::int from hazard_stats_counts where tier = 2 and region_code = '13' and span = 'd' and day = '2026-03-01' and dim = 'total') as found,
    (select coalesce(sum(n), 0)::int from hazard_ledger_counts where region_code = '130123' and status = 'rectifying' and level = 'general') as ledger,
    (select coalesce(sum(n), 0)::int from hazard_ledger_due where region_code = '130123' and due_on = '2026-03-20' and status = 'rectifying') as due`);
  return r;
}

interface Batch { region?: string; enterprise?: string | null; industry?: string | null; user?: string; org?: string; n?: number }

/** Stages `n` rows and calls the function as `url`'s role, in a transaction, runs `inspect`, and rolls back. */
async function call(url: string, b: Batch, inspect: (c: pg.Client, n: number) => Promise<void> = async () => {}, before: (c: pg.Client) => Promise<void> = async () => {}): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('begin');
    await before(c);
    await c.query('select hazards_import_begin()');
    const line = [`批量测试-${crypto.randomBytes(4).toString('hex')}`, 'general', 'campaign', 'rectifying', b.region ?? '130123100001', b.enterprise === undefined ? enterprise : b.enterprise ?? '\\N',
      b.industry === undefined ? 'construction' : b.industry ?? '\\N', '2026-03-01', '2026-03-20', '单位', '张三', '\\N', '\\N', '\\N'].join('\t');
    const copy = c.query(copyFrom('copy pg_temp.hazard_import_stage from stdin'));
    const finished = once(copy, 'finish');
    copy.end(`${Array.from({ length: b.n ?? 3 }, () => line).join('\n')}\n`);
    await finished;
    const { rows } = await c.query('select hazards_import_batch($1::uuid, $2::text, $3::uuid, $4::text, $5::timestamptz, $6::text, $7::jsonb) as n', [
      b.user ?? who.user, '测试', b.org ?? who.org, '安委办', new Date(), '批量导入：测试', JSON.stringify({ request_id: 'batch-test', ip: '127.0.0.1', algorithm: 'sm3' }),
    ]);
    await inspect(c, rows[0].n as number);
  } finally {
    await c.query('rollback').catch(() => {});
    await c.end();
  }
}

describe('the import\'s owner function', () => {
  it('refuses a batch naming a region, organisation, industry or user that does not exist, writing nothing', async () => {
    for (const bad of [{ region: '139999999999' }, { enterprise: crypto.randomUUID() }, { industry: 'no_such_industry' }, { user: crypto.randomUUID() }, { org: crypto.randomUUID() }]) {
      await expect(call(t.databaseUrl, bad), JSON.stringify(bad)).rejects.toMatchObject({ code: '23503' });
    }
  });

  it('counts every row in the rollups once, in its own transaction, audits the call, and leaves the session as it found it', async () => {
    let before = { log: 0, found: 0, ledger: 0, due: 0 };
    await call(t.databaseUrl, { n: 4 }, async (c, n) => {
      expect(n).toBe(4);
      // Folded by the batch: in the rollups before any fold job ran, and nothing left in the log.
      expect(await counted(c)).toEqual({ log: before.log, found: before.found + 4, ledger: before.ledger + 4, due: before.due + 4 });
      const audit = await c.query(`select action, user_id, request_id, details::jsonb as details from audit_log where action = 'hazard.import_batch'`);
      expect(audit.rows).toEqual([{ action: 'hazard.import_batch', user_id: who.user, request_id: 'batch-test', details: expect.objectContaining({ rows: 4, replica: true }) }]);
      expect((await c.query('show session_replication_role')).rows[0].session_replication_role).toBe('origin');
      expect((await c.query(`select current_setting('anjian.hazards_bulk', true) as v`)).rows[0].v).not.toBe('on');
    }, async (c) => { before = await counted(c); });
  });

  it('without the owner\'s privilege to act as a replica, inserts with every check and still counts each row once', async () => {
    let before = { log: 0, found: 0, ledger: 0, due: 0 };
    // Revoked inside the transaction only: other sessions never see it.
    await call(t.adminDatabaseUrl, { n: 2 }, async (c, n) => {
      expect(n).toBe(2);
      expect(await counted(c)).toEqual({ log: before.log, found: before.found + 2, ledger: before.ledger + 2, due: before.due + 2 });
      const audit = await c.query(`select details::jsonb as details from audit_log where action = 'hazard.import_batch'`);
      expect(audit.rows[0].details).toMatchObject({ rows: 2, replica: false });
    }, async (c) => {
      await c.query('revoke set on parameter session_replication_role from anjian_owner');
      before = await counted(c);
    });
  });

  it('reads only a staging table of its own: the caller may insert into it and do nothing else to it', async () => {
    await expect(call(t.databaseUrl, {}, async () => {}, (c) => c.query('set local session_replication_role = replica').then(() => {}))).rejects.toThrow(/permission denied/);
    await call(t.databaseUrl, {}, async (c) => {
      await c.query(`insert into pg_temp.hazard_import_stage (title) values ('x')`);
      for (const q of ['alter table pg_temp.hazard_import_stage enable row level security', 'create rule r as on insert to pg_temp.hazard_import_stage do instead nothing',
        'select * from pg_temp.hazard_import_stage', 'drop table pg_temp.hazard_import_stage']) {
        await c.query('savepoint s');
        await expect(c.query(q), q).rejects.toThrow(/must be owner|permission denied/);
        await c.query('rollback to savepoint s');
      }
    });
    // A table of the caller's own by that name: the function will not start.
    await expect(call(t.databaseUrl, {}, async () => {}, (c) => c.query(`create temp table hazard_import_stage (title text)`).then(() => {}))).rejects.toThrow(/already exists/);
  });
});
