import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { separationOfDutiesViolation } from '@anjian/domain';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { DEMO_ENTERPRISE_ACCOUNTS } from '../demo/demo-enterprises.js';
import { DEMO_ACCOUNTS } from '../demo/demo-structure.js';
import { separationViolations } from './index.js';

/*
 * 三权分立 (issue 9): the security administrator of 石家庄市 (1301) against accounts around it —
 * itself, a peer in its own city, a security administrator of a county below and of the
 * province above, and a system and an audit administrator.
 */

let t: TestApp;
let cityOrg: string;
let countyOrg: string;
let enterpriseOrg: string;
let me: { id: string; cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  cityOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '1301' });
  countyOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  enterpriseOrg = (await t.factories.enterprise({ regionCode: '130123100001' })).id;
  const u = await t.factories.user({ orgId: cityOrg, roles: ['security_admin'] });
  me = { id: u.id, cookie: await t.login(u.username) };
});
afterAll(async () => t?.close());

const as = (cookie: string) => ({
  get: (url: string) => t.request({ method: 'GET', url, cookie }),
  post: (url: string, payload?: object) => t.request({ method: 'POST', url, cookie, payload }),
  put: (url: string, payload: object) => t.request({ method: 'PUT', url, cookie, payload }),
  patch: (url: string, payload: object) => t.request({ method: 'PATCH', url, cookie, payload }),
});
const login = (username: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('a security administrator and its own account', () => {
  it('cannot give itself a business role, so it never reads hazards or accidents', async () => {
    const res = await as(me.cookie).put(`/api/users/${me.id}/roles`, { roles: ['security_admin', 'leader'] });
    expect(res.statusCode, res.body).toBe(422);
    expect((await t.db.selectFrom('user_roles').select('role_key').where('user_id', '=', me.id).execute()).map((r) => r.role_key)).toEqual(['security_admin']);
    expect((await as(me.cookie).get('/api/hazards')).statusCode).toBe(403);
    expect((await as(me.cookie).get('/api/accidents')).statusCode).toBe(403);
  });

  it('changes none of its own roles, not even to the same set or to drop one', async () => {
    for (const roles of [['security_admin'], ['leader']]) {
      const res = await as(me.cookie).put(`/api/users/${me.id}/roles`, { roles });
      expect(res.statusCode, JSON.stringify(roles)).toBe(422);
      expect(res.json().details[0].field).toBe('params.id');
    }
  });

  it('edits its own name, but cannot disable or reset itself', async () => {
    expect((await as(me.cookie).patch(`/api/users/${me.id}`, { displayName: '市安全管理员' })).statusCode).toBe(200);
    expect((await as(me.cookie).post(`/api/users/${me.id}/disable`)).statusCode).toBe(422);
    expect((await as(me.cookie).post(`/api/users/${me.id}/reset-password`)).statusCode).toBe(422);
    expect((await as(me.cookie).get(`/api/users/${me.id}`)).json().actions).toEqual(['update']);
  });
});

describe('an administrator role never combines with a business role', () => {
  it('is refused when creating and when assigning, for every administrator role', async () => {
    const leader = await t.factories.user({ orgId: countyOrg, roles: ['leader'] });
    for (const admin of ['security_admin', 'system_admin', 'audit_admin']) {
      const created = await as(me.cookie).post('/api/users', { username: `mix.${admin}`, displayName: '兼任', orgId: countyOrg, roles: [admin, 'committee_office_staff'] });
      expect(created.statusCode, admin).toBe(422);
      expect(created.json().code).toBe('SEPARATION_OF_DUTIES');
      const assigned = await as(me.cookie).put(`/api/users/${leader.id}/roles`, { roles: ['leader', admin] });
      expect(assigned.statusCode, admin).toBe(422);
      expect(assigned.json().code).toBe('SEPARATION_OF_DUTIES');
    }
  });
});

describe('system and audit administrators are granted only out of band', () => {
  it('cannot be created by a security administrator, with or without a password of its choosing', async () => {
    for (const role of ['audit_admin', 'system_admin']) {
      const username = `made.${role}`;
      const res = await as(me.cookie).post('/api/users', { username, displayName: '自设', orgId: cityOrg, roles: [role], password: 'Chosen#Pass2026' });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('ROLE_NOT_GRANTABLE');
      expect(res.json().details[0].field).toBe('body.roles');
      expect(await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()).toBeUndefined();
      expect((await login(username, 'Chosen#Pass2026')).statusCode).toBe(401);
    }
  });

  it('is not granted to an existing account either', async () => {
    const staff = await t.factories.user({ orgId: countyOrg, roles: ['leader'] });
    for (const role of ['audit_admin', 'system_admin']) {
      const res = await as(me.cookie).put(`/api/users/${staff.id}/roles`, { roles: [role] });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('ROLE_NOT_GRANTABLE');
    }
  });

  it('holders cannot be reset, disabled, enabled, edited or re-roled by a security administrator', async () => {
    for (const role of ['audit_admin', 'system_admin']) {
      const target = await t.factories.user({ orgId: cityOrg, roles: [role] });
      const api = as(me.cookie);
      const attempts = [
        await api.post(`/api/users/${target.id}/reset-password`),
        await api.post(`/api/users/${target.id}/disable`),
        await api.post(`/api/users/${target.id}/enable`),
        await api.patch(`/api/users/${target.id}`, { displayName: '改名' }),
        await api.put(`/api/users/${target.id}/roles`, { roles: ['leader'] }),
      ];
      for (const res of attempts) {
        expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
        expect(res.json().code).toBe('ACCOUNT_PROTECTED');
      }
      expect((await api.get(`/api/users/${target.id}`)).json().actions).toEqual([]);
      // The password still works: nothing was reset.
      expect((await login(target.username, TEST_PASSWORD)).statusCode).toBe(200);
    }
  });
});

describe('security administrators for regions below, not peers or above', () => {
  it('creates one for a county below, not for its own city', async () => {
    expect((await as(me.cookie).post('/api/users', { username: 'county.sec', displayName: '县安全管理员', orgId: countyOrg, roles: ['security_admin'] })).statusCode).toBe(201);
    const peer = await as(me.cookie).post('/api/users', { username: 'city.sec2', displayName: '市安全管理员二', orgId: cityOrg, roles: ['security_admin'] });
    expect(peer.statusCode).toBe(403);
    expect(peer.json().code).toBe('ROLE_NOT_GRANTABLE');
  });

  it('manages a county security administrator, not a peer in its own city', async () => {
    const below = await t.factories.user({ orgId: countyOrg, roles: ['security_admin'] });
    expect((await as(me.cookie).get(`/api/users/${below.id}`)).json().actions).toEqual(['update', 'disable', 'reset_password', 'assign_roles']);
    expect((await as(me.cookie).post(`/api/users/${below.id}/reset-password`)).statusCode).toBe(200);

    const peer = await t.factories.user({ orgId: cityOrg, roles: ['security_admin'] });
    expect((await as(me.cookie).get(`/api/users/${peer.id}`)).json().actions).toEqual([]);
    for (const res of [
      await as(me.cookie).post(`/api/users/${peer.id}/reset-password`),
      await as(me.cookie).post(`/api/users/${peer.id}/disable`),
      await as(me.cookie).patch(`/api/users/${peer.id}`, { displayName: '改名' }),
      await as(me.cookie).put(`/api/users/${peer.id}/roles`, { roles: ['leader'] }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('ACCOUNT_PROTECTED');
    }
  });

  it('cannot reach the province above it at all', async () => {
    const provinceOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '13' });
    const above = await t.factories.user({ orgId: provinceOrg, roles: ['security_admin'] });
    expect((await as(me.cookie).post(`/api/users/${above.id}/reset-password`)).statusCode).toBe(404);
  });
});

describe('the roles list says what the viewer may grant', () => {
  const grantable = async (cookie: string, orgId?: string) => {
    const res = await as(cookie).get(`/api/roles${orgId ? `?orgId=${orgId}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { key: string; grantable: boolean }[]).filter((r) => r.grantable).map((r) => r.key).sort();
  };

  it('offers business roles that fit the organisation, and security administrators only below', async () => {
    // A 安委办's accounts: its own staff, inspectors, leaders (not department, township or grid roles: roleFitsOrg).
    const government = ['committee_office_staff', 'inspector', 'leader'];
    expect(await grantable(me.cookie, countyOrg)).toEqual([...government, 'security_admin'].sort());
    expect(await grantable(me.cookie, cityOrg)).toEqual(government);
    expect(await grantable(me.cookie, enterpriseOrg)).toEqual(['enterprise_principal', 'enterprise_safety_officer']);
    expect(await grantable(me.cookie)).not.toContain('audit_admin');
  });

  it('offers nothing to a viewer who grants nothing, and names an organisation out of scope', async () => {
    const leader = await t.login((await t.factories.user({ orgId: cityOrg, roles: ['leader'] })).username);
    expect(await grantable(leader, countyOrg)).toEqual([]);
    const elsewhere = await t.factories.org({ type: 'safety_committee_office', regionCode: '1302' });
    const res = await as(me.cookie).get(`/api/roles?orgId=${elsewhere}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().details[0].field).toBe('query.orgId');
  });
});

describe('accounts made before the rule', () => {
  it('are named at start when an administrator role sits beside another role', async () => {
    const mixed = await t.factories.user({ orgId: countyOrg, roles: ['security_admin', 'leader'] });
    await t.factories.user({ orgId: countyOrg, roles: ['audit_admin'] });
    const found = await separationViolations(t.db);
    expect(found).toContainEqual({ username: mixed.username, roles: ['leader', 'security_admin'] });
    expect(found.every((v) => v.roles.length > 1)).toBe(true);
  });
});

describe('the first-start admin and the demo accounts', () => {
  it('hold one role each, consistent with the rules', async () => {
    const admin = await t.db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['o.region_code', (eb) => eb.fn<string[]>('array', [eb.selectFrom('user_roles as r').select('r.role_key').whereRef('r.user_id', '=', 'u.id')]).as('roles')])
      .where('u.username', '=', 'admin').executeTakeFirstOrThrow();
    expect(admin).toEqual({ region_code: '0', roles: ['security_admin'] });
    for (const account of [...DEMO_ACCOUNTS, ...DEMO_ENTERPRISE_ACCOUNTS]) expect(separationOfDutiesViolation([account.role]), account.username).toBeNull();
    // The demo's security administrator sits at the province, below the root admin, which may manage it.
    expect(DEMO_ACCOUNTS.find((a) => a.role === 'security_admin')?.org).toEqual({ region: '13', type: 'safety_committee_office' });
  });
});
