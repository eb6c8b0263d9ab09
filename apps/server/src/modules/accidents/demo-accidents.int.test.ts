import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeAccident } from '@anjian/domain';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { demoAccidents } from '../demo/demo-accidents.js';

let t: TestApp;
let province: string;
let summary: string;
const ctx = () => ({ province: '13', passwordHash: 'x', now: t.clock.now(), pii: t.pii });

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-20T04:00:00Z' });
  const f = t.factories;
  // The accounts the demo's structure step would have made: a committee office at the province and in 石家庄.
  const hb = await f.org({ type: 'safety_committee_office', regionCode: '13', name: '河北省安委办' });
  province = await t.login((await f.user({ orgId: hb, roles: ['committee_office_staff'] })).username);
  await f.user({ orgId: await f.org({ type: 'safety_committee_office', regionCode: '1301', name: '石家庄市安委办' }), roles: ['committee_office_staff'] });
  expect(await demoAccidents.present(t.db, ctx())).toBe(false);
  summary = await t.db.transaction().execute((tx) => demoAccidents.seed(tx, ctx()));
  expect(await demoAccidents.present(t.db, ctx())).toBe(true);
}, 120_000);
afterAll(async () => t?.close());

const rows = () => t.db.selectFrom('accidents').select(['occurred_at', 'region_code', 'category', 'deaths', 'serious_injuries', 'direct_loss_yuan', 'grade', 'initial_deaths', 'initial_serious_injuries', 'initial_direct_loss_yuan', 'initial_grade']).orderBy('occurred_at').orderBy('place').execute();

describe('demo accidents', () => {
  it('spans a year and a half of the province, every grade from the figures', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThan(300);
    expect(all.length).toBeLessThan(900);
    expect(summary).toMatch(/^\d+ accidents, \d+ control indicators$/);
    expect(all[0]!.occurred_at.toISOString() >= '2024-12-31T16:00:00.000Z').toBe(true);
    expect(new Set(all.map((a) => a.region_code.slice(0, 4))).size).toBe(11);
    for (const a of all) {
      expect(a.grade).toBe(gradeAccident({ deaths: a.deaths, missing: 0, seriousInjuries: a.serious_injuries, directLossYuan: a.direct_loss_yuan }).grade);
      expect(a.initial_grade).toBe(gradeAccident({ deaths: a.initial_deaths, missing: 0, seriousInjuries: a.initial_serious_injuries, directLossYuan: a.initial_direct_loss_yuan }).grade);
    }
    expect(all.filter((a) => a.grade === 'major').length).toBeGreaterThan(3);
  });

  it('shows 同比, sub-regions and control indicators on the province dashboard', async () => {
    const s = (await t.request({ method: 'GET', url: '/api/stats/accidents?regionCode=13', cookie: province })).json();
    expect(s.totals.accidents.current).toBeGreaterThan(50);
    expect(s.totals.accidents.previous).toBeGreaterThan(50);
    expect(s.totals.accidents.percentText).not.toBeNull();
    expect(s.byRegion).toHaveLength(11);
    expect(s.byRegion.some((r: { doubleRise: boolean }) => r.doubleRise)).toBe(true);
    const caps = (await t.request({ method: 'GET', url: '/api/indicators?regionCode=13', cookie: province })).json();
    expect(caps.rows.slice(1).every((r: { items: { cap: number | null }[] }) => r.items.every((i) => i.cap !== null))).toBe(true);
    const zd = (await t.request({ method: 'GET', url: '/api/indicators?regionCode=130123', cookie: province })).json();
    expect(zd.rows[0].items[0]).toMatchObject({ setBy: { orgName: '石家庄市安委办' } });
    expect((await t.request({ method: 'GET', url: '/api/stats/accidents?regionCode=130123', cookie: province })).json().totals.accidents.current).toBeGreaterThan(3);
  });

  it('tells the same story on every run', async () => {
    const first = await rows();
    await t.db.transaction().execute(async (tx) => {
      await demoAccidents.seed(tx, ctx());
      const both = await tx.selectFrom('accidents').select(['occurred_at', 'region_code', 'deaths']).orderBy('occurred_at').orderBy('place').orderBy('id').execute();
      // Every accident now twice, identical.
      expect(both.length).toBe(2 * first.length);
      for (let i = 0; i < first.length; i++) expect([both[2 * i]!.region_code, both[2 * i]!.deaths]).toEqual([first[i]!.region_code, first[i]!.deaths]);
      throw new Error('roll back');
    }).catch((e: Error) => { if (e.message !== 'roll back') throw e; });
  });
});
