import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDraw, type DrawDetail } from '@anjian/domain';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { seedDemo, DEFAULT_DEMO_PASSWORD } from '../demo/index.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-20T04:00:00Z' });
  const { summary } = await seedDemo(t.db, { demoProvince: '13', pii: t.pii });
  expect(summary).toMatch(/inspection plans and draws: 应急管理局: \d+ enterprises, \d+ drawn; 住房和城乡建设局: \d+ enterprises, \d+ drawn/);
}, 300_000);
afterAll(async () => t?.close());

describe('demo 双随机 draws', () => {
  it('publishes a completed draw for each of 正定县 应急管理局 and 住建局, each re-verifiable', async () => {
    const list = (await t.request({ method: 'GET', url: '/api/public/draws?region=130123' })).json() as { items: DrawDetail[] };
    expect(list.items.map((d) => d.orgName).sort()).toEqual(['正定县住房和城乡建设局', '正定县应急管理局']);
    for (const summary of list.items) {
      const draw = (await t.request({ method: 'GET', url: `/api/public/draws/${summary.id}` })).json() as DrawDetail;
      expect(draw.status).toBe('drawn');
      expect(draw.periodFrom).toBe('2026-10-01');
      expect(draw.pairs.length).toBeGreaterThan(2);
      expect(draw.pairs.every((p) => p.inspectors.length === 2 && p.enterpriseName !== '')).toBe(true);
      expect(verifyDraw(draw as never).ok).toBe(true);
      // Its first pairs were inspected by their drawn teams: two signed (results published), one started.
      const done = draw.pairs.filter((p) => p.inspectedOn !== null);
      expect(done).toHaveLength(2);
      expect(done.map((p) => p.closed).sort()).toEqual([false, true]);
      expect(done.find((p) => !p.closed)!.findings).toMatch(/1 项不合格，0 项重大隐患$/);
      const links = await t.db.selectFrom('draw_pairs as dp').innerJoin('inspections as i', 'i.id', 'dp.inspection_id')
        .select(['dp.id', 'i.draw_pair_id', 'i.enterprise_id', 'dp.enterprise_id as drawn', 'i.status']).where('dp.draw_id', '=', draw.id).execute();
      expect(links).toHaveLength(3);
      expect(links.every((l) => l.draw_pair_id === l.id && l.enterprise_id === l.drawn)).toBe(true);
    }
  });

  it('shows each department its own plan, with its pool and one 回避', async () => {
    const cookie = await t.login('zd.housing', DEFAULT_DEMO_PASSWORD);
    const plans = (await t.request({ method: 'GET', url: '/api/inspection-plans', cookie })).json().items as { id: string; orgName: string }[];
    expect(plans.map((p) => p.orgName)).toEqual(['正定县住房和城乡建设局']);
    const plan = (await t.request({ method: 'GET', url: `/api/inspection-plans/${plans[0]!.id}`, cookie })).json();
    expect(plan.pool).toHaveLength(3);
    expect(plan.pool.flatMap((m: { avoidances: unknown[] }) => m.avoidances)).toHaveLength(1);
    expect(plan.draws).toHaveLength(1);
    const inspector = await t.login('zd.inspector', DEFAULT_DEMO_PASSWORD);
    expect((await t.request({ method: 'GET', url: '/api/draws', cookie: inspector })).json().items.map((d: { orgName: string }) => d.orgName)).toEqual(['正定县应急管理局']);
  });
});
