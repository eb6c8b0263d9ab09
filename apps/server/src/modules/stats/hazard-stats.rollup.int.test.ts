import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customPeriod, monthPeriod, samePeriodLastYear, wholeYear, yearToDate, type Period } from '@anjian/domain';
import { Scope } from '../../platform/access/scope.js';
import { seededRandom } from '../demo/random.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hazardWorld } from '../hazards/hazards.fixture.js';
import { randomHazardSeries } from '../hazards/hazards.random-series.fixture.js';
import { createHazardStatsRepository, NO_SNAPSHOT, type HazardAggregateRow, type HazardFiguresQuery } from './hazard-stats.repository.js';
import { createHazardStatsRollup } from './hazard-stats.rollup.js';

/**
 * hazard_stats_counts (migration 0006) is a rollup kept through the change log the hazards'
 * triggers append to (migration 0008) and a fold job. After random series of everything that writes hazards, the figures it gives a
 * province and a city equal the same figures counted from the ledger, for periods that read
 * months only, days only, and both.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
const r = seededRandom(20261123);

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await hazardWorld(t);
});
afterAll(async () => t?.close());

const PERIODS: Period[] = [
  yearToDate('2026-06-01'), wholeYear(2025), monthPeriod(2026, 5), customPeriod('2026-04-30', '2026-05-20'),
  customPeriod('2025-05-02', '2026-05-31'), customPeriod('2026-05-31', '2026-06-01'),
];
const TODAYS = ['2026-06-01', '2026-05-10', '2026-06-16', '2026-09-01'];
// A province and cities by day and month; counties by month, their days counted live.
const REGIONS = [{ code: '13', childLength: 4 }, { code: '1301', childLength: 6 }, { code: '1302', childLength: 6 }, { code: '130123', childLength: 9 }, { code: '130125', childLength: 9 }];

const scope = (regionCode: string, org: { orgType?: string; orgIndustries?: string[]; orgId?: string } = {}): Scope =>
  new Scope({ orgId: org.orgId ?? w.org.county, orgType: org.orgType ?? 'safety_committee_office', regionCode, orgIndustries: org.orgIndustries ?? [] });
/** What the service shows: sub-regions are the region's children (a hazard recorded at the region's own code is in its totals only). */
const sorted = (rows: HazardAggregateRow[], children: Set<string>) => rows
  // The ledger reports a group seen in either period even when all its figures are zero; so may the rollup.
  .filter((x) => x.periods.some((p) => p.found + p.closed + p.closedOfFound + p.major > 0))
  .filter((x) => x.set !== 'region' || children.has(x.key!))
  .sort((a, b) => `${a.set}:${a.key}`.localeCompare(`${b.set}:${b.key}`));

/** The most hazards late of each kind any comparison saw: the equality compared something. */
const lateSeen = { overdue: 0, acceptanceOverdue: 0 };

async function expectEqual(label: string) {
  const live = createHazardStatsRepository(t.db);
  const rollup = createHazardStatsRollup(t.db);
  for (const region of REGIONS) {
    const children = new Set((await t.db.selectFrom('regions').select('code').where('parent_code', '=', region.code).execute()).map((x) => x.code));
    for (const current of PERIODS) {
      // Overdue moves with the date: the snapshot is compared on either side of the deadlines.
      const today = TODAYS[PERIODS.indexOf(current) % TODAYS.length]!;
      const q: HazardFiguresQuery = { scope: scope('13'), regionPrefix: region.code, childLength: region.childLength, current, lastYear: samePeriodLastYear(current), today };
      expect(rollup.answers(q)).toBe(true);
      const name = `${label}: ${region.code} ${current.from}..${current.to}`;
      expect(sorted(await rollup.aggregate(q), children), name).toEqual(sorted(await live.aggregate(q), children));
      const [a, b] = [await rollup.snapshot(q), await live.snapshot(q)];
      expect(a.total, name).toEqual(b.total);
      lateSeen.overdue = Math.max(lateSeen.overdue, b.total.overdue);
      lateSeen.acceptanceOverdue = Math.max(lateSeen.acceptanceOverdue, b.total.acceptanceOverdue);
      for (const code of children) {
        expect(a.byRegion.get(code) ?? NO_SNAPSHOT, `${name} ${code}`).toEqual(b.byRegion.get(code) ?? NO_SNAPSHOT);
      }
    }
  }
}

describe('the hazard statistics rollup', () => {
  it('equals the ledger counted from scratch after random series of events, before and after the fold', async () => {
    for (const round of [0, 1, 2]) {
      await randomHazardSeries(t, w, r, 40);
      await expectEqual(`round ${round}`);
      if (round === 1) {
        expect((await sql<{ n: number }>`select count(*)::int as n from hazard_changes`.execute(t.db)).rows[0]!.n).toBeGreaterThan(0);
        expect(await t.runJob('hazards.fold_changes')).toBe('');
        expect((await sql<{ n: number }>`select count(*)::int as n from hazard_changes`.execute(t.db)).rows[0]!.n).toBe(0);
        await expectEqual('after the fold');
      }
    }
    // The series reached every kind of figure, so the equality above compared something.
    const { rows: [sums] } = await sql<Record<string, number>>`
      select sum(found)::int as found, sum(found_closed)::int as fc, sum(found_major)::int as major, sum(closed)::int as closed, sum(open)::int as open,
        sum(listed3)::int as listed, sum(exposed)::int as exposed, sum(accountability)::int as acc,
        coalesce(sum(due) filter (where span = 'o'), 0)::int as overdue_due
      from hazard_stats_counts where tier = 2`.execute(t.db);
    // …and the county and township rows the counties read.
    const { rows: [lower] } = await sql<{ county_dims: number; townships: number }>`
      select count(*) filter (where tier = 6 and span = 'm' and dim <> 'total')::int as county_dims, count(*) filter (where tier = 9)::int as townships
      from hazard_stats_counts`.execute(t.db);
    expect(lower!.county_dims).toBeGreaterThan(0);
    expect(lower!.townships).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(sums!)) expect(v, k).toBeGreaterThan(0);
    expect(lateSeen.overdue).toBeGreaterThan(0);
    expect(lateSeen.acceptanceOverdue).toBeGreaterThan(0);
  }, 240_000);

  it('leaves narrower questions to the ledger: a township, a filter, a department, an enterprise', () => {
    const rollup = createHazardStatsRollup(t.db);
    const base: HazardFiguresQuery = { scope: scope('13'), regionPrefix: '13', childLength: 4, current: yearToDate('2026-06-01'), lastYear: samePeriodLastYear(yearToDate('2026-06-01')), today: '2026-06-01' };
    expect(rollup.answers(base)).toBe(true);
    expect(rollup.answers({ ...base, regionPrefix: '130123', childLength: 9 })).toBe(true);
    expect(rollup.answers({ ...base, regionPrefix: '130123100', childLength: 12 })).toBe(false);
    expect(rollup.answers({ ...base, industry: 'construction' })).toBe(false);
    expect(rollup.answers({ ...base, level: 'major' })).toBe(false);
    expect(rollup.answers({ ...base, scope: scope('13', { orgType: 'department', orgIndustries: ['construction'] }) })).toBe(false);
    expect(rollup.answers({ ...base, scope: scope('13', { orgType: 'enterprise', orgId: w.org.enterprise }) })).toBe(false);
  });
});
