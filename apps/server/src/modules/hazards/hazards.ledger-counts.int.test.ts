import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subtreePrefix } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import { seededRandom } from '../demo/random.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hazardWorld } from './hazards.fixture.js';
import { randomHazardSeries } from './hazards.random-series.fixture.js';
import { createHazardQueries, type LedgerFilter } from './hazards.queries.js';

/**
 * hazard_ledger_counts (migration 0005) is a rollup kept by triggers (through hazard_ledger_deltas
 * and a fold job). This proves it equal to
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

/** What readers see: the folded counts plus the deltas not yet folded. */
const stored = async () => (await sql<{ region_code: string; status: string; level: string; listed: boolean; n: number }>`
  select region_code, status, level, listed, sum(n)::int as n from (select * from hazard_ledger_counts union all select * from hazard_ledger_deltas) x
  group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`.execute(t.db)).rows;

/** From scratch, with the tiers spelled out here rather than by the function the triggers use. */
const fromScratch = async () => (await sql<{ region_code: string; status: string; level: string; listed: boolean; n: number }>`
  select code as region_code, status, level, listed, count(*)::int as n from (
    select region_code as code, status, level, listed_level is not null as listed from hazards where length(region_code) <= 6
    union all select left(region_code, 6), status, level, listed_level is not null from hazards where length(region_code) > 6
    union all select left(region_code, 9), status, level, listed_level is not null from hazards where length(region_code) >= 9
  ) x group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(t.db)).rows;

const scope = (regionCode: string): Scope => ({ orgId: w.org.county, regionCode, prefix: subtreePrefix(regionCode), industries: null, enterpriseOrgId: null });
const FILTERS: LedgerFilter[] = [
  {}, { level: 'major' }, { level: 'general', listed: false }, { listed: true }, { overdue: false }, { overdue: false, level: 'major' },
  { status: 'rectifying' }, { status: 'closed', listed: true }, { regionCode: '130123100' }, { regionCode: '13' }, { regionCode: '130125' }, { regionCode: '130123100001', overdue: false },
];

describe('the ledger rollup', () => {
  it('equals a count from scratch after a random series of events, and answers the ledger exactly', async () => {
    for (const round of [0, 1, 2]) {
      await randomSeries(60);
      expect(await stored(), `round ${round}`).toEqual(await fromScratch());
      // The fold job moves the deltas into the counts without changing any figure.
      if (round === 1) {
        expect(await t.runJob('hazards.fold_ledger_counts')).toBe('');
        expect((await sql<{ n: number }>`select count(*)::int as n from hazard_ledger_deltas`.execute(t.db)).rows[0]!.n).toBe(0);
        expect(await stored(), 'after the fold').toEqual(await fromScratch());
      }
      // Overdue moves with the date, not with events: count on either side of the deadlines.
      const queries = createHazardQueries(t.db);
      for (const days of [0, 10, 70]) {
        const at = new Date(t.clock.now().getTime() + days * 86_400_000);
        for (const region of ['0', '13', '1301', '130123', '130123100', '130123100001', '130125']) {
          for (const f of FILTERS) {
            expect(await queries.counts(scope(region), f, at), `${region} ${JSON.stringify(f)} +${days}d`).toEqual(await queries.countsLive(scope(region), f, at));
          }
        }
      }
    }
    const statuses = new Set((await stored()).map((row) => row.status));
    expect(statuses.size).toBeGreaterThanOrEqual(5);
  }, 240_000);

  it('keeps every insert trigger on the hazard tables ENABLE ALWAYS, so the bulk import cannot skip one', async () => {
    const { rows } = await sql<{ name: string; enabled: string }>`
      select tgname as name, tgenabled as enabled from pg_trigger
      where tgrelid in ('hazards'::regclass, 'hazard_events'::regclass) and not tgisinternal and (tgtype & 4) <> 0`.execute(t.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.enabled !== 'A')).toEqual([]);
  });
});
