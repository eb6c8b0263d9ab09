import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '@anjian/domain';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeUscc } from '../../test/factories.js';
import { createAuditWriter } from '../../platform/audit/audit.writer.js';
import { systemContext, type SessionUser } from '../../platform/http/context.js';
import { createIndustriesModule } from '../industries/index.js';
import { createRegionsModule } from '../regions/index.js';
import { createRoutingModule } from '../routing/index.js';
import { createEnterprisesModule } from './index.js';

let t: TestApp;
let office: string;
let cityOffice: string;
let housing: string;
let housingDept: string;
let town: string;

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  const login = async (orgId: string, role: string) => t.login((await f.user({ orgId, roles: [role] })).username);
  office = await login(await f.org({ type: 'safety_committee_office', regionCode: '130123' }), 'committee_office_staff');
  cityOffice = await login(await f.org({ type: 'safety_committee_office', regionCode: '1301' }), 'committee_office_staff');
  housingDept = await f.org({ type: 'department', regionCode: '130123', name: '正定县住房和城乡建设局', industries: ['construction', 'urban_gas'] });
  housing = await login(housingDept, 'department_staff');
  town = await login(await f.org({ type: 'township_government', regionCode: '130123100' }), 'township_staff');
  // 三管三必须: construction in 正定县 is the housing bureau's.
  await t.db.insertInto('industry_routes').values({ region_code: '130123', industry_code: 'construction', department_id: housingDept }).execute();
});
afterAll(async () => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  name: `正定县测试建材${Math.random().toString(36).slice(2, 8)}有限公司`, uscc: makeUscc('130123'), regionCode: '130123100001',
  address: '正定镇恒东社区工业路1号', industries: ['construction'], scale: 'small', legalRepresentative: '王建国', principal: '李卫东',
  safetyContacts: [{ name: '张伟', phone: '13800138000' }], location: { latitude: 38.146, longitude: 114.571 }, ...over,
});
const create = (cookie: string, payload: object, headers: Record<string, string> = {}) => t.request({ method: 'POST', url: '/api/enterprises', cookie, payload, headers });
const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie });

describe('registering an enterprise', () => {
  it('creates the organisation and the registry row, with its supervising department and actions', async () => {
    const res = await create(office, body({ name: '正定县恒安建材有限公司' }));
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      name: '正定县恒安建材有限公司', regionCode: '130123100001', regionName: '恒东社区居民委员会', industries: ['construction'],
      status: 'operating', location: { latitude: 38.146, longitude: 114.571 }, actualController: null,
      supervisingDepartment: { id: housingDept, name: '正定县住房和城乡建设局', regionCode: '130123' },
      actions: ['update', 'suspend', 'close'],
    });
    const org = await t.db.selectFrom('orgs').select(['type', 'region_code']).where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(org).toEqual({ type: 'enterprise', region_code: '130123100001' });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'result']).where('object_id', '=', e.id).execute();
    expect(audit).toEqual([{ action: 'enterprise.create', result: 'success' }]);
  });

  it('names body.uscc and the expected check character, in Chinese and in English', async () => {
    const good = makeUscc('130123');
    const wrong = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const expected = usccCheckCharacter(good.slice(0, 17));
    const zh = await create(office, body({ uscc: wrong }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().details).toEqual([expect.objectContaining({ field: 'body.uscc', message: expect.stringContaining(`校验位应为 ${expected}`) })]);
    const en = await create(office, body({ uscc: wrong }), { 'accept-language': 'en-US' });
    expect(en.json().details[0].message).toContain(`The check character should be ${expected}`);
    expect((await create(office, body({ uscc: '91130123ABC' }))).json().details[0]).toMatchObject({ field: 'body.uscc', message: expect.stringContaining('18') });
  });

  it('folds a USCC typed in lower case or full width, and refuses a duplicate naming body.uscc', async () => {
    const code = makeUscc('130123');
    const first = await create(office, body({ uscc: ` ${code.toLowerCase()} ` }));
    expect(first.json().uscc).toBe(code);
    const again = await create(office, body({ uscc: code }));
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0]).toMatchObject({ field: 'body.uscc', reason: 'duplicate' });
    const name = (await create(office, body())).json().name;
    const sameName = await create(office, body({ name }));
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().details[0].field).toBe('body.name');
  });

  it('checks industries, the region and the location', async () => {
    const unknown = await create(office, body({ industries: ['construction', 'underwater_basket_weaving'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('body.industries');
    const sibling = await create(office, body({ regionCode: '130125' }));
    expect(sibling.statusCode).toBe(404);
    expect(sibling.json().details[0].field).toBe('body.regionCode');
    expect((await create(town, body({ regionCode: '130123' }))).statusCode).toBe(403);
    const abroad = await create(office, body({ location: { latitude: 114.5, longitude: 38.1 } }));
    expect(abroad.statusCode).toBe(400);
    expect(abroad.json().details.map((d: { field: string }) => d.field)).toEqual(['body.location.latitude', 'body.location.longitude']);
    expect((await create(office, body({ status: 'closed' }))).json().details[0]).toMatchObject({ field: 'body.status', reason: 'unknown_key' });
    expect((await create(office, body({ safetyContacts: [{ name: '张伟', phone: '12345' }] }))).json().details[0].field).toBe('body.safetyContacts.0.phone');
  });

  it('lets a department register only within its own industries', async () => {
    const other = await create(housing, body({ industries: ['hazardous_chemicals'] }));
    expect(other.statusCode).toBe(422);
    expect(other.json().details[0].field).toBe('body.industries');
    expect((await create(housing, body({ industries: ['hazardous_chemicals', 'urban_gas'] }))).statusCode).toBe(201);
  });
});

describe('editing and status', () => {
  it('lets the government edit everything but status, and moves the enterprise within its subtree', async () => {
    const e = (await create(office, body())).json();
    const res = await t.request({ method: 'PATCH', url: `/api/enterprises/${e.id}`, cookie: office, payload: { name: `${e.name}（改）`, industries: ['urban_gas', 'construction'], regionCode: '130123102', actualController: '王某', location: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: `${e.name}（改）`, industries: ['urban_gas', 'construction'], regionCode: '130123102', actualController: '王某', location: null });
    expect((await t.request({ method: 'PATCH', url: `/api/enterprises/${e.id}`, cookie: office, payload: { regionCode: '130125' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/enterprises/${e.id}`, cookie: office, payload: { status: 'closed' } })).statusCode).toBe(400);
  });

  it('lets the principal keep contacts current and nothing else; the safety officer only reads', async () => {
    const e = await t.factories.enterprise({ regionCode: '130123100001', name: '正定县账户测试有限公司' });
    const principal = await t.login((await t.factories.user({ orgId: e.id, roles: ['enterprise_principal'] })).username);
    const officer = await t.login((await t.factories.user({ orgId: e.id, roles: ['enterprise_safety_officer'] })).username);
    const url = `/api/enterprises/${e.id}`;
    const ok = await t.request({ method: 'PATCH', url, cookie: principal, payload: { safetyContacts: [{ name: '刘洋', phone: '0311-88001234' }], address: '新地址1号' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ safetyContacts: [{ name: '刘洋', phone: '0311-88001234' }], address: '新地址1号', actions: ['update_contacts'] });
    const refused = await t.request({ method: 'PATCH', url, cookie: principal, payload: { name: '改名', scale: 'large', address: 'x' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().details.map((d: { field: string }) => d.field)).toEqual(['body.name', 'body.scale']);
    expect((await t.request({ method: 'POST', url: `${url}/status`, cookie: principal, payload: { status: 'closed', reason: '自行关闭' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url, cookie: officer, payload: { address: 'y' } })).statusCode).toBe(403);
    expect((await get(officer, url)).json().actions).toEqual([]);
  });

  it('follows the domain’s status changes and names the allowed ones when refusing', async () => {
    const e = (await create(office, body())).json();
    const status = (payload: object, cookie = office) => t.request({ method: 'POST', url: `/api/enterprises/${e.id}/status`, cookie, payload });
    const suspended = await status({ status: 'suspended', reason: '重大事故隐患未整改，责令停产整顿' });
    expect(suspended.statusCode).toBe(200);
    // Lifting 停产整顿 is not offered by hand: only a 复产验收 (modules/cases) returns it to operating.
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: '重大事故隐患未整改，责令停产整顿', actions: ['update', 'close'] });
    expect(suspended.json().statusChangedAt).toBe(t.clock.now().toISOString());
    expect((await status({ status: 'suspended', reason: '再次' })).statusCode).toBe(409);
    const byHand = await status({ status: 'operating', reason: '复产验收合格' });
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json().details[0]).toMatchObject({ field: 'body.status', reason: 'resumption_required' });
    expect((await get(office, `/api/enterprises/${e.id}`)).json().status).toBe('suspended');
    expect((await status({ status: 'closed', reason: '依法关闭' })).json().actions).toEqual(['update']);
    const reopen = await status({ status: 'operating', reason: '重新开业' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().code).toBe('ILLEGAL_TRANSITION');
    expect(reopen.json().message).toContain('可执行：无');
    expect((await status({ status: 'operating' })).json().details[0].field).toBe('body.reason');
  });
});

describe('who sees which enterprise', () => {
  it('shows department staff only enterprises in their industries', async () => {
    const build = await t.factories.enterprise({ regionCode: '130123102201', industries: ['construction'] });
    const chem = await t.factories.enterprise({ regionCode: '130123102201', industries: ['hazardous_chemicals'] });
    const both = await t.factories.enterprise({ regionCode: '130123102201', industries: ['hazardous_chemicals', 'urban_gas'] });
    const ids = (await get(housing, '/api/enterprises?regionCode=130123102&limit=200')).json().items.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining([build.id, both.id]));
    expect(ids).not.toContain(chem.id);
    expect((await get(housing, `/api/enterprises/${chem.id}`)).statusCode).toBe(404);
    expect((await get(office, `/api/enterprises/${chem.id}`)).statusCode).toBe(200);
    const filtered = (await get(office, '/api/enterprises?regionCode=130123102&industry=hazardous_chemicals&limit=200')).json().items.map((e: { id: string }) => e.id);
    expect(filtered.sort()).toEqual([chem.id, both.id].sort());
  });

  it('shows an enterprise account its own enterprise only', async () => {
    const mine = await t.factories.enterprise({ regionCode: '130123100002' });
    const neighbour = await t.factories.enterprise({ regionCode: '130123100002' });
    const officer = await t.login((await t.factories.user({ orgId: mine.id, roles: ['enterprise_safety_officer'] })).username);
    expect((await get(officer, '/api/enterprises?limit=200')).json().items.map((e: { id: string }) => e.id)).toEqual([mine.id]);
    expect((await get(officer, `/api/enterprises/${neighbour.id}`)).statusCode).toBe(404);
    expect((await get(officer, `/api/enterprises/${mine.id}`)).statusCode).toBe(200);
  });

  it('keeps other counties out and lets the city see down', async () => {
    const sibling = await t.factories.enterprise({ regionCode: '130125100001' });
    expect((await get(office, `/api/enterprises/${sibling.id}`)).statusCode).toBe(404);
    expect((await get(cityOffice, `/api/enterprises/${sibling.id}`)).statusCode).toBe(200);
    expect((await get(office, '/api/enterprises?regionCode=130125')).statusCode).toBe(404);
  });
});

describe('the list', () => {
  it('pages with a keyset cursor without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await t.factories.enterprise({ regionCode: '130123103201', name: `分页企业${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/enterprises?regionCode=130123103201&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await get(office, url)).json();
      seen.push(...page.items.map((e: { name: string }) => e.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...Array(7).keys()].map((i) => `分页企业${i}`));
    expect((await get(office, '/api/enterprises?cursor=garbage')).json().details[0].field).toBe('query.cursor');
  });

  it('filters by status and by name or USCC', async () => {
    const e = await t.factories.enterprise({ regionCode: '130123104201', name: '正定县查询专用化工有限公司', status: 'suspended' });
    const byName = (await get(office, `/api/enterprises?q=${encodeURIComponent('查询专用')}`)).json().items;
    expect(byName.map((x: { id: string }) => x.id)).toEqual([e.id]);
    expect((await get(office, `/api/enterprises?q=${e.uscc.slice(0, 14).toLowerCase()}`)).json().items.map((x: { id: string }) => x.id)).toEqual([e.id]);
    const suspended = (await get(office, '/api/enterprises?regionCode=130123104&status=suspended')).json().items;
    expect(suspended.map((x: { id: string }) => x.id)).toEqual([e.id]);
    expect((await get(office, '/api/enterprises?status=bankrupt')).statusCode).toBe(400);
  });
});

describe('the service other modules use', () => {
  const moduleFor = () => {
    const audit = createAuditWriter({ algorithm: 'sm3', now: t.clock.now });
    const regions = createRegionsModule({ db: t.db, databaseUrl: t.databaseUrl, audit }).service;
    const industries = createIndustriesModule({ db: t.db, audit }).service;
    const routing = createRoutingModule({ db: t.db, audit, regions, industries, now: t.clock.now }).service;
    return createEnterprisesModule({ db: t.db, audit, regions, industries, routing, pii: t.pii, now: t.clock.now }).service;
  };
  const user = (over: Partial<SessionUser>): SessionUser => ({
    id: '00000000-0000-0000-0000-000000000000', username: 'x', displayName: 'x', orgId: '00000000-0000-0000-0000-000000000000', orgType: 'safety_committee_office',
    orgName: 'x', regionCode: '130123', orgIndustries: [], roles: [], permissions: new Set(), mustChangePassword: false, sessionId: 's', sessionExpiresAt: new Date(), ...over,
  });

  it('findVisible applies the same scope as the API', async () => {
    const service = moduleFor();
    const e = await t.factories.enterprise({ regionCode: '130123105201', industries: ['hazardous_chemicals'] });
    expect(await service.findVisible(user({}), e.id)).toEqual({ id: e.id, name: e.name, regionCode: '130123105201', industries: ['hazardous_chemicals'], status: 'operating' });
    expect(await service.findVisible(user({ regionCode: '130125' }), e.id)).toBeNull();
    expect(await service.findVisible(user({ orgType: 'department', orgIndustries: ['construction'] }), e.id)).toBeNull();
    expect(await service.findVisible(user({ orgType: 'enterprise', orgId: e.id, regionCode: '130123105201' }), e.id)).not.toBeNull();
  });

  it('setStatus writes in the caller’s transaction: a rollback undoes the change and its audit row', async () => {
    const service = moduleFor();
    const e = await t.factories.enterprise({ regionCode: '130123105201' });
    const ctx = systemContext('listing-test');
    await expect(t.db.transaction().execute(async (tx) => {
      expect(await service.setStatus(tx, ctx, e.id, 'suspended', '挂牌督办：责令停产整改')).toEqual({ from: 'operating', to: 'suspended', changed: true });
      throw new Error('the caller fails later');
    })).rejects.toThrow('the caller fails later');
    expect((await service.findVisible(user({}), e.id))?.status).toBe('operating');
    await t.db.transaction().execute(async (tx) => {
      await service.setStatus(tx, ctx, e.id, 'suspended', '挂牌督办：责令停产整改');
      expect((await service.setStatus(tx, ctx, e.id, 'suspended', '再次挂牌')).changed).toBe(false);
    });
    expect((await service.findVisible(user({}), e.id))?.status).toBe('suspended');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'request_id']).where('object_id', '=', e.id).execute();
    expect(audit).toEqual([{ action: 'enterprise.status', request_id: 'listing-test' }]);
  });
});
