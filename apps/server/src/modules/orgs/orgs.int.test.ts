import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.factories.org({ type: 'safety_committee_office', regionCode: '1301' });
  admin = await t.login((await t.factories.user({ orgId: city, roles: ['security_admin'] })).username);
});
afterAll(async () => t?.close());

const create = (payload: object) => t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload });

describe('organisations', () => {
  it('creates a department with the industries it supervises, and lists it with its actions', async () => {
    const res = await create({ type: 'department', name: '正定县应急管理局', regionCode: '130123000000', industries: ['hazardous_chemicals', 'fireworks'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: '130123', regionName: '正定县', industries: ['hazardous_chemicals', 'fireworks'], actions: ['update', 'create_user'], userCount: 0 });
    const list = await t.request({ method: 'GET', url: '/api/orgs?regionCode=130123&type=department', cookie: admin });
    expect(list.json().items.map((o: { name: string }) => o.name)).toContain('正定县应急管理局');
  });

  it('refuses a duplicate name at the same region and type', async () => {
    await create({ type: 'safety_committee_office', name: '正定县安委办', regionCode: '130123' });
    const again = await create({ type: 'safety_committee_office', name: '正定县安委办', regionCode: '130123' });
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0].field).toBe('body.name');
  });

  it('keeps industries to departments and types to their levels', async () => {
    const committee = await create({ type: 'safety_committee_office', name: '某办', regionCode: '130123', industries: ['construction'] });
    expect(committee.statusCode).toBe(422);
    expect(committee.json().details[0].field).toBe('body.industries');
    const villageAtCounty = await create({ type: 'village_committee', name: '某村', regionCode: '130123' });
    expect(villageAtCounty.statusCode).toBe(422);
  });

  it('edits name, industries and status', async () => {
    const created = (await create({ type: 'department', name: '旧名称局', regionCode: '130123', industries: ['construction'] })).json();
    const res = await t.request({ method: 'PATCH', url: `/api/orgs/${created.id}`, cookie: admin, payload: { name: '新名称局', industries: ['construction', 'urban_gas'], status: 'inactive' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '新名称局', industries: ['construction', 'urban_gas'], status: 'inactive' });
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await create({ type: 'grid', name: `分页网格${i}`, regionCode: '130123102' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/orgs?regionCode=130123102&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request({ method: 'GET', url, cookie: admin })).json();
      seen.push(...page.items.map((o: { name: string }) => o.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...Array(7).keys()].map((i) => `分页网格${i}`));
  });
});

describe('region scope', () => {
  it('shows a county user exactly the county subtree', async () => {
    const inCounty = await t.factories.org({ type: 'township_government', regionCode: '130123102' });
    const sibling = await t.factories.org({ type: 'safety_committee_office', regionCode: '130125' });
    const cityOrg = await t.factories.org({ type: 'department', regionCode: '1301' });
    const countyOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123', name: '范围测试安委办' });
    const viewer = await t.login((await t.factories.user({ orgId: countyOrg, roles: ['committee_office_staff'] })).username);
    const ids = (await t.request({ method: 'GET', url: '/api/orgs?limit=200', cookie: viewer })).json().items.map((o: { id: string }) => o.id);
    expect(ids).toContain(inCounty);
    expect(ids).toContain(countyOrg);
    expect(ids).not.toContain(sibling);
    expect(ids).not.toContain(cityOrg);
    expect((await t.request({ method: 'GET', url: `/api/orgs/${cityOrg}`, cookie: viewer })).statusCode).toBe(404);
    // The staff member may read but not act: records arrive with no actions.
    expect((await t.request({ method: 'GET', url: `/api/orgs/${inCounty}`, cookie: viewer })).json().actions).toEqual([]);
  });
});
