import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSPECTION_TYPES } from '@anjian/domain';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { demoInspections } from '../demo/demo-inspections.js';
import { DEMO_ENTERPRISE_NAME } from '../demo/demo-enterprises.js';

let t: TestApp;
let officer: string;
let summary: string;
const ctx = () => ({ province: '13', passwordHash: 'x', now: t.clock.now(), pii: t.pii });

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-20T04:00:00Z' });
  const f = t.factories;
  // What the earlier demo steps make: the county's two departments and their accounts, enterprises of each industry.
  const emergency = await f.org({ type: 'department', regionCode: '130123', name: '正定县应急管理局', industries: ['metallurgy', 'dust_explosion', 'hazardous_chemicals'] });
  const housing = await f.org({ type: 'department', regionCode: '130123', name: '正定县住房和城乡建设局', industries: ['construction', 'urban_gas'] });
  await f.user({ orgId: emergency, roles: ['inspector'], username: 'zd.inspector', displayName: '郑毅（执法大队）' });
  await f.user({ orgId: emergency, roles: ['department_staff'], username: 'zd.emergency', displayName: '吴刚（县应急管理局）' });
  await f.user({ orgId: housing, roles: ['department_staff'], username: 'zd.housing', displayName: '周强（县住建局）' });
  for (const [industry, n] of [['dust_explosion', 2], ['hazardous_chemicals', 3], ['metallurgy', 1], ['construction', 2], ['urban_gas', 1]] as const) {
    for (let i = 0; i < n; i++) await f.enterprise({ regionCode: '130123100001', industries: [industry], name: `正定县演示${industry}${i}有限公司` });
  }
  const hengan = await f.enterprise({ regionCode: '130123100001', industries: ['construction'], name: DEMO_ENTERPRISE_NAME });
  officer = await t.login((await f.user({ orgId: hengan.id, roles: ['enterprise_safety_officer'] })).username);
  expect(await demoInspections.present(t.db, ctx())).toBe(false);
  summary = await t.db.transaction().execute((tx) => demoInspections.seed(tx, ctx()));
  expect(await demoInspections.present(t.db, ctx())).toBe(true);
}, 120_000);
afterAll(async () => t?.close());

describe('demo inspections', () => {
  it('has every type by both departments, findings filed as hazards, one 重大 from a 判定标准 clause', async () => {
    expect(summary).toBe('12 inspections, 6 hazards found by them');
    const rows = await t.db.selectFrom('inspections as i').innerJoin('orgs as o', 'o.id', 'i.org_id').select(['i.type', 'i.status', 'o.name']).execute();
    // The 复查 comes with the case it re-checks (demo-links.ts, after the cases).
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(INSPECTION_TYPES.filter((t) => t !== 'reinspection')));
    expect(new Set(rows.map((r) => r.name))).toEqual(new Set(['正定县应急管理局', '正定县住房和城乡建设局']));
    // Each department has recorded (or started) every type; its 复查 comes with its case (demo-links.ts).
    for (const org of ['正定县应急管理局', '正定县住房和城乡建设局']) expect(new Set(rows.filter((r) => r.name === org).map((r) => r.type)), org).toEqual(new Set(INSPECTION_TYPES.filter((t) => t !== 'reinspection')));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['draft', 'recorded', 'archived']));
    const hazards = await t.db.selectFrom('inspection_results as r').innerJoin('hazards as h', 'h.id', 'r.hazard_id').select(['h.level', 'h.criterion_clause', 'h.source']).execute();
    expect(hazards).toHaveLength(6);
    expect(hazards.filter((h) => h.level === 'major')).toEqual([{ level: 'major', criterion_clause: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项', source: 'unannounced' }]);
  });

  it('shows 恒安建材 its recorded inspection, never the unannounced draft', async () => {
    const seen = (await t.request({ method: 'GET', url: '/api/inspections', cookie: officer })).json().items as { type: string; status: string }[];
    expect(seen).toEqual([expect.objectContaining({ type: 'random_draw', status: 'recorded' })]);
    expect(await t.db.selectFrom('inspections').select('id').where('type', '=', 'unannounced').where('status', '=', 'draft').execute()).toHaveLength(2);
  });
});
