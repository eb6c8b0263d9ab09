import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let sys: string;
let provinceHousing: string;
let countyHousing: string;

beforeAll(async () => {
  t = await createTestApp();
  const province = await t.factories.org({ type: 'safety_committee_office', regionCode: '13' });
  sys = await t.login((await t.factories.user({ orgId: province, roles: ['system_admin'] })).username);
  provinceHousing = await t.factories.org({ type: 'department', regionCode: '13', name: '河北省住房和城乡建设厅', industries: ['construction', 'urban_gas'] });
  countyHousing = await t.factories.org({ type: 'department', regionCode: '130123', name: '正定县住房和城乡建设局', industries: ['construction'] });
});
afterAll(async () => t?.close());

const table = async (region: string) => (await t.request({ method: 'GET', url: `/api/routing?regionCode=${region}`, cookie: sys })).json();
const entry = async (region: string, industry: string) => (await table(region)).items.find((i: { industryCode: string }) => i.industryCode === industry);
const set = (region: string, industry: string, departmentId: string) => t.request({ method: 'PUT', url: `/api/routing/${region}/${industry}`, cookie: sys, payload: { departmentId } });

describe('三管三必须 routing', () => {
  it('lists every industry, unrouted at first', async () => {
    const all = await table('130123');
    expect(all.items.length).toBeGreaterThanOrEqual(22);
    expect(all.items.every((i: { department: unknown }) => i.department === null)).toBe(true);
  });

  it('inherits a route set above down the tree until overridden, and again once cleared', async () => {
    expect((await set('13', 'construction', provinceHousing)).statusCode).toBe(200);
    expect(await entry('130123100', 'construction')).toMatchObject({ department: { id: provinceHousing }, definedAt: '13', inherited: true });
    expect((await set('130123', 'construction', countyHousing)).statusCode).toBe(200);
    expect(await entry('130123100', 'construction')).toMatchObject({ department: { id: countyHousing }, definedAt: '130123', inherited: true });
    expect(await entry('130123', 'construction')).toMatchObject({ inherited: false, actions: ['set', 'clear'] });
    expect(await entry('130125', 'construction')).toMatchObject({ department: { id: provinceHousing } });
    expect((await t.request({ method: 'DELETE', url: '/api/routing/130123/construction', cookie: sys })).statusCode).toBe(200);
    expect(await entry('130123100', 'construction')).toMatchObject({ department: { id: provinceHousing } });
  });

  it('refuses a department that does not supervise the industry or does not cover the region', async () => {
    const noIndustry = await set('130123', 'urban_gas', countyHousing);
    expect(noIndustry.statusCode).toBe(422);
    expect(noIndustry.json().details[0].field).toBe('body.departmentId');
    const elsewhere = await set('130125', 'construction', countyHousing);
    expect(elsewhere.statusCode).toBe(422);
    const notDept = await set('130123', 'construction', await t.factories.org({ type: 'grid', regionCode: '130123100' }));
    expect(notDept.statusCode).toBe(404);
  });
});
