import { sql } from 'kysely';
import { expect } from 'vitest';
import type { seededRandom } from '../demo/random.js';
import { TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import type { hazardWorld } from './hazards.fixture.js';

type HazardWorld = Awaited<ReturnType<typeof hazardWorld>>;
type SeededRandom = ReturnType<typeof seededRandom>;

const PLACES = ['130123100001', '130123100002', '130123102201', '130123100', '130123102', '130123', '130125100001', '1301', '13'];
const STATUSES = ['reported', 'verified', 'rectifying', 'pending_acceptance', 'closed', 'rejected'];

/**
 * A random series of everything that writes hazards — reports and acts through the API, bulk
 * imports, fixtures, multi-row updates, moves and deletes — for the rollup tests: after any
 * such series a rollup must equal counting the ledger from scratch.
 */
export async function randomHazardSeries(t: TestApp, w: HazardWorld, r: SeededRandom, steps: number): Promise<void> {
  const { people, post } = w;
  for (let i = 0; i < steps; i++) {
    const roll = r.next();
    if (roll < 0.25) {
      const region = r.pick(PLACES.filter((p) => p.startsWith('130123')));
      await post(people.county.cookie, '/api/hazards', { title: `随机${i}`, level: r.chance(0.3) ? 'major' : 'general', source: 'government_inspection', regionCode: region, foundOn: r.pick(['2025-05-20', '2025-06-01', '2026-02-28', '2026-05-20', '2026-05-31']) });
    } else if (roll < 0.4) {
      const status = r.pick(STATUSES);
      const open = ['verified', 'rectifying', 'pending_acceptance'].includes(status);
      await t.factories.hazard({
        regionCode: r.pick(PLACES), status, level: r.chance(0.3) ? 'major' : 'general', deadline: open ? r.pick(['2026-05-01', '2026-07-01']) : null,
        listed_level: status !== 'reported' && status !== 'rejected' && r.chance(0.3) ? 3 : null, closed_on: status === 'closed' ? r.pick(['2025-05-31', '2026-05-30']) : null, found_on: r.pick(['2025-05-02', '2026-04-30', '2026-05-01']),
        industryCode: r.pick(['construction', null]), escalated_at: open && r.chance(0.3) ? new Date() : null, accountability_required: r.chance(0.1),
        // Submitted before the deadline, on its last second or day (Shanghai), after it, or never recorded: 验收超期 and 逾期 both.
        submitted_at: status === 'pending_acceptance' ? r.pick([null, '2026-04-20T02:00:00Z', '2026-04-30T16:00:00Z', '2026-05-01T15:59:59Z', '2026-06-20T02:00:00Z']) : null,
      });
    } else if (roll < 0.5) {
      const rows = Array.from({ length: r.int(1, 20) }, (_, k) => {
        const status = r.pick(['已上报', '整改中', '已销号', '不予认定']);
        const major = r.chance(0.3);
        return `导入${i}-${k},${major ? '重大' : '一般'},${r.pick(['企业自查', '四不两直'])},${status},${r.pick(PLACES.filter((p) => p.startsWith('130123')))},${r.pick(['2025-04-30', '2025-05-01', '2026-01-31', '2026-05-01'])},${status === '整改中' ? r.pick(['2026-05-20', '2026-08-01']) : ''},${status === '已销号' ? r.pick(['2026-05-10', '2026-05-31']) : ''},${major && status === '整改中' && r.chance(0.5) ? '县级' : ''}`;
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
  // Whatever the series closed or moved, it ends with hazards awaiting acceptance of each kind:
  // submitted in time (验收超期 once late) and after the deadline (逾期).
  for (const submitted_at of ['2026-04-20T02:00:00Z', '2026-05-01T15:59:59Z', '2026-05-01T16:00:00Z']) {
    await t.factories.hazard({ regionCode: r.pick(PLACES), status: 'pending_acceptance', deadline: '2026-05-01', submitted_at, found_on: '2026-04-30' });
  }
}

