import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { importRegions } from './regions.import.js';

let t: TestApp;
let county: string;
let root: string;

beforeAll(async () => {
  t = await createTestApp();
  county = await t.login((await t.factories.user({ orgId: await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' }), roles: ['leader'] })).username);
  const platform = await t.db.selectFrom('orgs').select('id').where('type', '=', 'platform').executeTakeFirstOrThrow();
  root = await t.login((await t.factories.user({ orgId: platform.id, roles: ['system_admin'] })).username);
});
afterAll(async () => t?.close());

const get = (url: string, cookie = county) => t.request({ method: 'GET', url, cookie });

describe('the real five-level tree', () => {
  it('holds every province, city, county and township of the country and Hebei’s villages', async () => {
    const counts = await t.db.selectFrom('regions').select(['level', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('level').orderBy('level').execute();
    const byLevel = Object.fromEntries(counts.map((c) => [c.level, Number(c.n)]));
    expect(byLevel[1]).toBe(31);
    expect(byLevel[2]).toBe(342);
    expect(byLevel[3]).toBe(2978);
    expect(byLevel[4]).toBe(41352);
    const hebeiVillages = await t.db.selectFrom('regions').select((eb) => eb.fn.countAll<string>().as('n')).where('level', '=', 5).where('code', 'like', '13%').executeTakeFirstOrThrow();
    expect(Number(hebeiVillages.n)).toBe(54145);
  });

  it('answers a region, its children and its breadcrumb', async () => {
    const region = (await get('/api/regions/130123')).json();
    expect(region).toMatchObject({ code: '130123', name: '正定县', level: 3, parentCode: '1301', childCount: 10 });
    const children = (await get('/api/regions/130123/children')).json().items;
    expect(children).toHaveLength(10);
    expect(children[0]).toMatchObject({ code: '130123001', name: '诸福屯街道', level: 4 });
    const path = (await get('/api/regions/130123100/ancestors')).json().items.map((r: { name: string }) => r.name);
    expect(path).toEqual(['全国', '河北省', '石家庄市', '正定县', '正定镇']);
  });

  it('accepts the 12-digit and zero-padded forms and normalises them', async () => {
    expect((await get('/api/regions/130123100000')).json().code).toBe('130123100');
    expect((await get('/api/regions/130100000000', root)).json().code).toBe('1301');
    expect((await get('/api/regions/130000', root)).json().code).toBe('13');
    // 441900 is a real county-level row (东莞市 has no counties): the most specific reading wins.
    expect((await get('/api/regions/441900000000', root)).json()).toMatchObject({ code: '441900', level: 3 });
    expect((await get('/api/regions/4419', root)).json()).toMatchObject({ code: '4419', level: 2 });
  });

  it('searches by name within a subtree, with the path of each hit', async () => {
    const hits = (await get(`/api/regions/130123/search?q=${encodeURIComponent('新城铺')}`)).json().items;
    expect(hits[0]).toMatchObject({ code: '130123102', path: '河北省 / 石家庄市 / 正定县 / 新城铺镇' });
    const outside = (await get(`/api/regions/130123/search?q=${encodeURIComponent('行唐')}`)).json().items;
    expect(outside).toEqual([]);
  });

  it('shows a county user its own subtree and the path above it, nothing beside it', async () => {
    expect((await get('/api/regions/130125')).statusCode).toBe(404);
    expect((await get('/api/regions/13')).statusCode).toBe(200);
    const cityChildren = (await get('/api/regions/1301/children')).json().items.map((r: { code: string }) => r.code);
    expect(cityChildren).toEqual(['130123']);
  });
});

describe('import', () => {
  it('is idempotent: a second run changes nothing', async () => {
    const again = await importRegions(t.databaseUrl, ['13']);
    expect(again.inserted).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.rows).toBe(31 + 342 + 2978 + 41352 + 54145);
  });

  it('lets a root system administrator import another province’s villages', async () => {
    const res = await t.request({ method: 'POST', url: '/api/regions/village-imports', cookie: root, payload: { provinceCode: '110000' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ provinceCode: '11' });
    expect(res.json().villages).toBeGreaterThan(6000);
    const notProvince = await t.request({ method: 'POST', url: '/api/regions/village-imports', cookie: root, payload: { provinceCode: '1301' } });
    expect(notProvince.statusCode).toBe(422);
    expect(notProvince.json().details[0].field).toBe('body.provinceCode');
  });
});
