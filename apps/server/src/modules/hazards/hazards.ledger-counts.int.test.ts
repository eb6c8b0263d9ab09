import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subtreePrefix } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import { seededRandom } from '../demo/random.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { hazardWorld } from './hazards.fixture.js';
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

const PLACES = ['130123100001', '130123100002', '130123102201', '130123100', '130123102', '130123', '130125100001', '1301', '13'];
const STATUSES = ['reported', 'verified', 'rectifying', 'pending_acceptance', 'closed', 'rejected'];

async function randomSeries(steps: number) {
  const { people, post } = w;
  for (let i = 0; i < steps; i++) {
    const roll = r.next();
    if (roll < 0.25) {
      const region = r.pick(PLACES.filter((p) => p.startsWith('130123')));
      await post(people.county.cookie, '/api/hazards', { title: `随机${i}`, level: r.chance(0.3) ? 'major' : 'general', source: 'government_inspection', regionCode: region, foundOn: '2026-05-20' });
    } else if (roll < 0.4) {
      const status = r.pick(STATUSES);
      const open = ['verified', 'rectifying', 'pending_acceptance'].includes(status);
      await t.factories.hazard({
        regionCode: r.pick(PLACES), status, level: r.chance(0.3) ? 'major' : 'general', deadline: open ? r.pick(['2026-05-01', '2026-07-01']) : null,
        listed_level: status !== 'reported' && status !== 'rejected' && r.chance(0.3) ? 3 : null, closed_on: status === 'closed' ? '2026-05-30' : null,
      });
    } else if (roll < 0.5) {
      const rows = Array.from({ length: r.int(1, 20) }, (_, k) => {
        const status = r.pick(['已上报', '整改中', '已销号', '不予认定']);
        const major = r.chance(0.3);
        return `导入${i}-${k},${major ? '重大' : '一般'},企业自查,${status},${r.pick(PLACES.filter((p) => p.startsWith('130123')))},2026-05-01,${status === '整改中' ? r.pick(['2026-05-20', '2026-08-01']) : ''},${status === '已销号' ? '2026-05-10' : ''},${major && status === '整改中' && r.chance(0.5) ? '县级' : ''}`;
      });
      const body = `隐患名称,隐患等级,隐患来源,状态,行政区划代码,发现日期,整改期限,销号日期,挂牌督办级别\n${rows.join('\n')}\n`;
      const res = await t.request({ method: 'POST', url: '/api/hazards/import', cookie: people.county.cookie, payload: body, headers: { 'content-type': 'text/csv' } });
      expect(res.statusCode, res.body).toBe(200);
    } else if (roll < 0.85) {
      // One act of the loop on a random hazard of the county, whatever it allows.
      const candidates = await t.db.selectFrom('hazards').select(['id', 'status', 'level', 'listed_level']).where(sql<boolean>`region_code like '130123%'`).execute();
      if (candidates.length === 0) continue;
      const h = r.pick(candidates);
      const act = (action: string, body: object = {}) => post(people.county.cookie, `/api/hazards/${h.id}/${action}`, body);
      if (h.status === 'reported') await act(r.chance(0.8) ? 'verify' : 'reject', { reason: 'not_hazard' });
      else if (h.status === 'verified') await act('assign', { responsiblePerson: '张三', deadline: r.pick(['2026-06-15', '2026-06-02']), responsibleOrgId: w.org.enterprise, supervisingDepartmentId: w.org.housing, plan: { responsibility: '甲', measures: '乙', funds: '丙', deadline: '2026-06-15', contingencyPlan: '丁' } });
      else if (h.status === 'rectifying' && h.level === 'major' && h.listed_level === null && r.chance(0.5)) await act('list', { liaisonLeader: '刘县长', departmentId: w.org.housing });
      else if (h.listed_level !== null && r.chance(0.3)) await act('delist', { reason: '已整改' });
      else if (h.status === 'rectifying') await post(people.town.cookie, `/api/hazards/${h.id}/submit-for-acceptance`, { photos: [await w.upload(people.town.cookie)] });
      else if (h.status === 'pending_acceptance') await act(r.chance(0.7) ? 'accept' : 'reject-acceptance', { password: TEST_PASSWORD, reason: '不合格', rootCause: '甲', loopholeFixed: '乙' });
      else if (h.status === 'closed') await act('review-fail', { comment: '回头看不合格' });
    } else if (roll < 0.92) {
      // Multi-row statements, as a script or a future job might write them.
      await sql`update hazards set status = 'closed', closed_on = '2026-05-31' where id in (select id from hazards where status = 'pending_acceptance' order by id limit 3)`.execute(t.db);
    } else if (roll < 0.97) {
      await sql`update hazards set region_code = ${r.pick(PLACES)} where id = (select id from hazards order by random() limit 1)`.execute(t.db);
    } else {
      const { id } = await t.db.insertInto('hazards').values({ title: '待删除', region_code: r.pick(PLACES), level: 'general', source: 'campaign', status: r.pick(STATUSES), found_by_name: '测试', found_on: '2026-05-01', reported_at: new Date() } as never).returning('id').executeTakeFirstOrThrow();
      await t.db.deleteFrom('hazards').where('id', '=', id).execute();
    }
  }
}

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
      await randomSeries(40);
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
