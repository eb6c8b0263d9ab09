import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../platform/access/scope.js';
import { seededRandom } from '../demo/random.js';
import { createDatabase, type Executor } from '../../platform/db/database.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hazardWorld } from './hazards.fixture.js';
import { randomHazardSeries } from './hazards.random-series.fixture.js';
import { createHazardQueries, type LedgerFilter } from './hazards.queries.js';

/**
 * hazard_ledger_counts (migration 0005) is a rollup kept through the change log the hazards'
 * triggers append to (migration 0008) and a fold job. This proves it equal to
 * counting from scratch after a random series of everything that writes hazards: reports and
 * acts through the API, bulk imports, fixtures, multi-row updates, moves and deletes — and the
 * ledger's counts read from it equal the same counts taken live, for every scope and filter.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
const r = seededRandom(20261122);

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await hazardWorld(t);
});
afterAll(async () => t?.close());

const randomSeries = (steps: number) => randomHazardSeries(t, w, r, steps);

/** What readers see: the folded counts plus the change log not yet folded, at the counts' tiers. */
const stored = async () => (await sql<{ region_code: string; status: string; level: string; listed: boolean; n: number }>`
  select region_code, status, level, listed, sum(n)::int as n from (
    select region_code, status, level, listed, n from hazard_ledger_counts
    union all select t.code, g.status, g.level, g.listed_level is not null, g.sign from hazard_changes g cross join lateral unnest(hazard_ledger_tiers(g.region_code)) as t(code)
  ) x group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`.execute(t.db)).rows;

/** From scratch, with the tiers spelled out here rather than by the function the triggers use. */
const fromScratch = async () => (await sql<{ region_code: string; status: string; level: string; listed: boolean; n: number }>`
  select code as region_code, status, level, listed, count(*)::int as n from (
    select region_code as code, status, level, listed_level is not null as listed from hazards where length(region_code) <= 6
    union all select left(region_code, 6), status, level, listed_level is not null from hazards where length(region_code) > 6
    union all select left(region_code, 9), status, level, listed_level is not null from hazards where length(region_code) >= 9
  ) x group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(t.db)).rows;

const scope = (regionCode: string, org: { orgType?: string; orgIndustries?: string[]; orgId?: string } = {}): Scope =>
  new Scope({ orgId: org.orgId ?? w.org.county, orgType: org.orgType ?? 'safety_committee_office', regionCode, orgIndustries: org.orgIndustries ?? [] });
const FILTERS: LedgerFilter[] = [
  {}, { level: 'major' }, { level: 'general', listed: false }, { listed: true }, { overdue: false }, { overdue: false, level: 'major' },
  { status: 'rectifying' }, { status: 'closed', listed: true }, { regionCode: '130123100' }, { regionCode: '13' }, { regionCode: '130125' }, { regionCode: '130123100001', overdue: false },
  { overdue: true }, { overdue: true, level: 'major', listed: true }, { overdue: true, status: 'rectifying', regionCode: '130123' },
  { acceptanceOverdue: true }, { acceptanceOverdue: false }, { acceptanceOverdue: true, overdue: true }, { acceptanceOverdue: false, overdue: false, level: 'general' },
  { acceptanceOverdue: true, overdue: false, regionCode: '130123100' }, { acceptanceOverdue: false, overdue: true, listed: false }, { acceptanceOverdue: true, status: 'pending_acceptance' },
];

describe('the ledger rollup', () => {
  it('equals a count from scratch after a random series of events, and answers the ledger exactly', async () => {
    const lateSeen = { overdue: 0, acceptanceOverdue: 0 };
    for (const round of [0, 1, 2]) {
      await randomSeries(60);
      expect(await stored(), `round ${round}`).toEqual(await fromScratch());
      // The fold job moves the log into the counts without changing any figure.
      if (round === 1) {
        expect((await sql<{ n: number }>`select count(*)::int as n from hazard_changes`.execute(t.db)).rows[0]!.n).toBeGreaterThan(0);
        expect(await t.runJob('hazards.fold_changes')).toBe('');
        expect((await sql<{ n: number }>`select count(*)::int as n from hazard_changes`.execute(t.db)).rows[0]!.n).toBe(0);
        expect(await stored(), 'after the fold').toEqual(await fromScratch());
      }
      // Overdue moves with the date, not with events: count on either side of the deadlines.
      const queries = createHazardQueries(t.db);
      for (const days of [0, 10, 15, 70]) {
        const at = new Date(t.clock.now().getTime() + days * 86_400_000);
        const all = await queries.countsLive(scope('0'), {}, at);
        lateSeen.overdue = Math.max(lateSeen.overdue, all.overdue);
        lateSeen.acceptanceOverdue = Math.max(lateSeen.acceptanceOverdue, all.acceptanceOverdue);
        for (const region of ['0', '13', '1301', '130123', '130123100', '130123100001', '130125']) {
          for (const f of FILTERS) {
            expect(await queries.counts(scope(region), f, at), `${region} ${JSON.stringify(f)} +${days}d`).toEqual(await queries.countsLive(scope(region), f, at));
          }
        }
      }
    }
    const statuses = new Set((await stored()).map((row) => row.status));
    expect(statuses.size).toBeGreaterThanOrEqual(5);
    // The series made hazards late of both kinds, so the comparisons above compared something.
    expect(lateSeen.overdue).toBeGreaterThan(0);
    expect(lateSeen.acceptanceOverdue).toBeGreaterThan(0);
  }, 240_000);

  it('counts every write to hazards once in every session mode: ordinary, the bulk import\'s setting, a replica session', async () => {
    // The change log's triggers: the row trigger for ordinary sessions, the statement triggers for
    // the bulk import's setting and for replica sessions (migration 0012a_hazards_bulk_log) — which
    // fold their rows into the rollups themselves (migration 0015d). The
    // foreign keys' triggers are the ones a replica session skips, by design; no other may be.
    const { rows } = await sql<{ name: string; enabled: string; when: string | null }>`
      select tgname as name, tgenabled as enabled, pg_get_triggerdef(oid) ~ 'WHEN' as when from pg_trigger
      where tgrelid in ('hazards'::regclass, 'hazard_events'::regclass) and not tgisinternal order by 1`.execute(t.db);
    expect(rows.filter((row) => row.name.startsWith('hazard_changes_')).map((row) => [row.name, row.enabled, row.when])).toEqual([
      ['hazard_changes_bulk_delete', 'A', true], ['hazard_changes_bulk_insert', 'A', true], ['hazard_changes_bulk_update', 'A', true], ['hazard_changes_row', 'O', true],
    ]);
    expect(rows.filter((row) => !row.name.startsWith('hazard_changes_') && row.enabled !== 'A' && row.enabled !== 'O')).toEqual([]);
    // The same writes in each mode count the same net figures — in the log not yet folded plus the
    // rollups (the county's ledger counts, the province's found that day); the row trigger skips a
    // write that changes nothing counted (here: the version alone). The replica session is a
    // superuser's (bench/ loads history that way); the application cannot start one.
    const admin = createDatabase(t.adminDatabaseUrl, { max: 1 });
    class Rollback extends Error { constructor(readonly rows: unknown) { super('rollback'); } }
    const counted = async (tx: Executor) => (await sql<{ status: string; n: number }>`
      select status, sum(n)::int as n from (
        select status, n from hazard_ledger_counts where region_code = '130123'
        union all select status, sign from hazard_changes where left(region_code, 6) = '130123'
        union all select 'found', found from hazard_stats_counts where tier = 2 and region_code = '13' and span = 'd' and day = '2020-02-29' and dim = 'total'
        union all select 'found', sign from hazard_changes where found_on = '2020-02-29' and status <> 'rejected') x
      group by 1 order by 1`.execute(tx)).rows;
    const logged = (mode: 'origin' | 'bulk' | 'replica' | 'bulk, then unset') => (mode === 'replica' ? admin.db : t.db).transaction().execute(async (tx) => {
      const before = new Map((await counted(tx)).map((r) => [r.status, r.n]));
      if (mode === 'replica') await sql`set local session_replication_role = replica`.execute(tx);
      if (mode.startsWith('bulk')) await sql`set local anjian.hazards_bulk = 'on'`.execute(tx);
      const { rows: [h] } = await sql<{ id: string }>`insert into hazards (title, region_code, level, source, status, found_by_name, found_on, reported_at)
        values ('log test', '130123100001', 'major', 'campaign', 'reported', 't', '2020-02-29', now()) returning id`.execute(tx);
      // Whatever a session sets between its statements, each statement is counted once.
      if (mode === 'bulk, then unset') await sql`set local anjian.hazards_bulk = 'off'`.execute(tx);
      await sql`update hazards set status = 'verified' where id = ${h!.id}`.execute(tx);
      await sql`update hazards set version = version + 1 where id = ${h!.id}`.execute(tx);
      const all = (await sql`select sign, status from hazard_changes where found_on = '2020-02-29' order by sign, status`.execute(tx)).rows;
      const net = (await counted(tx)).map((r) => ({ status: r.status, n: r.n - (before.get(r.status) ?? 0) })).filter((r) => r.n !== 0);
      throw new Rollback({ all, net });
    }).catch((e: unknown) => { if (e instanceof Rollback) return e.rows as { all: unknown[]; net: unknown[] }; throw e; });
    try {
      const origin = await logged('origin');
      expect(origin.all).toEqual([{ sign: -1, status: 'reported' }, { sign: 1, status: 'reported' }, { sign: 1, status: 'verified' }]);
      expect(origin.net).toEqual([{ status: 'found', n: 1 }, { status: 'verified', n: 1 }]);
      for (const mode of ['bulk', 'replica', 'bulk, then unset'] as const) {
        const counts = await logged(mode);
        expect(counts.net, mode).toEqual(origin.net);
        // Folded by the statement itself: nothing of a bulk statement waits in the log.
        if (mode !== 'bulk, then unset') expect(counts.all, mode).toEqual([]);
      }
      // The application cannot switch a replica session on.
      await expect(t.db.transaction().execute((tx) => sql`set local session_replication_role = replica`.execute(tx))).rejects.toThrow(/permission denied/);
    } finally {
      await admin.close();
    }
  });
});
