import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: string;
let adminId: string;
let countyOrg: string;
let enterpriseOrg: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.factories.org({ type: 'safety_committee_office', regionCode: '1301' });
  const a = await t.factories.user({ orgId: city, roles: ['security_admin'] });
  adminId = a.id;
  admin = await t.login(a.username);
  countyOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  enterpriseOrg = await t.factories.org({ type: 'enterprise', regionCode: '130123100001' });
});
afterAll(async () => t?.close());

const create = (payload: object) => t.request({ method: 'POST', url: '/api/users', cookie: admin, payload });
const loginAs = (username: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('accounts', () => {
  it('creates an account with a one-time temporary password that must be changed', async () => {
    const res = await create({ username: 'chen.jing', displayName: '陈静', orgId: countyOrg, roles: ['committee_office_staff'], phone: '13800138000' });
    expect(res.statusCode, res.body).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ username: 'chen.jing', mustChangePassword: true, roles: ['committee_office_staff'], org: { regionCode: '130123' } });
    const signedIn = await loginAs('chen.jing', temporaryPassword);
    expect(signedIn.json().mustChangePassword).toBe(true);
  });

  it('refuses a taken username in any letter case', async () => {
    await create({ username: 'Li.Ming', displayName: '李明', orgId: countyOrg, roles: ['leader'] });
    const again = await create({ username: 'li.ming', displayName: '李明', orgId: countyOrg, roles: ['leader'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0].field).toBe('body.username');
  });

  it('checks a given password against the policy', async () => {
    const res = await create({ username: 'weakling', displayName: '弱密码', orgId: countyOrg, roles: ['leader'], password: 'password' });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].field).toBe('body.password');
  });

  it('keeps roles to the kind of organisation', async () => {
    const res = await create({ username: 'ent.inspector', displayName: '某人', orgId: enterpriseOrg, roles: ['inspector'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].field).toBe('body.roles');
    expect((await create({ username: 'ent.officer', displayName: '某人', orgId: enterpriseOrg, roles: ['enterprise_safety_officer'] })).statusCode).toBe(201);
  });

  it('keeps business roles to their kind of government office, and offers only those (roleFitsOrg)', async () => {
    const bureau = await t.factories.org({ type: 'department', regionCode: '130123', industries: ['road_transport'] });
    for (const role of ['committee_office_staff', 'grid_member', 'township_staff']) {
      const res = await create({ username: `bureau.${role.replaceAll('_', '')}`, displayName: '某人', orgId: bureau, roles: [role] });
      expect([res.statusCode, res.json().details[0].field], role).toEqual([422, 'body.roles']);
    }
    const clerk = await create({ username: 'bureau.clerk', displayName: '交通局科员', orgId: bureau, roles: ['department_staff'] });
    expect(clerk.statusCode).toBe(201);
    const moved = await t.request({ method: 'PUT', url: `/api/users/${clerk.json().user.id}/roles`, cookie: admin, payload: { roles: ['department_staff', 'grid_member'] } });
    expect([moved.statusCode, moved.json().details[0].field]).toEqual([422, 'body.roles']);
    const offered = (await t.request({ method: 'GET', url: `/api/roles?orgId=${bureau}`, cookie: admin })).json().items
      .filter((r: { grantable: boolean }) => r.grantable).map((r: { key: string }) => r.key).sort();
    expect(offered).toEqual(['department_staff', 'inspector', 'leader', 'security_admin']);
  });

  it('enforces 三权分立 when creating and when assigning roles', async () => {
    const both = await create({ username: 'superuser', displayName: '全能', orgId: countyOrg, roles: ['system_admin', 'audit_admin'] });
    expect(both.statusCode).toBe(422);
    expect(both.json().code).toBe('SEPARATION_OF_DUTIES');
    const leader = (await create({ username: 'county.leader', displayName: '县领导', orgId: countyOrg, roles: ['leader'] })).json().user;
    const add = await t.request({ method: 'PUT', url: `/api/users/${leader.id}/roles`, cookie: admin, payload: { roles: ['leader', 'security_admin'] } });
    expect(add.statusCode).toBe(422);
    expect(add.json().code).toBe('SEPARATION_OF_DUTIES');
  });

  it('resets a password: sessions end and a new one must be chosen', async () => {
    const u = await t.factories.user({ orgId: countyOrg, roles: ['leader'] });
    const session = await t.login(u.username);
    const res = await t.request({ method: 'POST', url: `/api/users/${u.id}/reset-password`, cookie: admin });
    expect(res.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: session })).statusCode).toBe(401);
    expect((await loginAs(u.username, res.json().temporaryPassword)).json().mustChangePassword).toBe(true);
  });

  it('will not let administrators lock themselves out', async () => {
    expect((await t.request({ method: 'POST', url: `/api/users/${adminId}/disable`, cookie: admin })).statusCode).toBe(422);
    const drop = await t.request({ method: 'PUT', url: `/api/users/${adminId}/roles`, cookie: admin, payload: { roles: ['leader'] } });
    expect(drop.statusCode).toBe(422);
  });

  it('sends the actions the viewer may take', async () => {
    const u = await t.factories.user({ orgId: countyOrg, roles: ['leader'] });
    expect((await t.request({ method: 'GET', url: `/api/users/${u.id}`, cookie: admin })).json().actions).toEqual(['update', 'disable', 'reset_password', 'assign_roles']);
    // Its own account: its name and phone, never its roles, status or password.
    expect((await t.request({ method: 'GET', url: `/api/users/${adminId}`, cookie: admin })).json().actions).toEqual(['update']);
  });

  it('lists roles with their permissions', async () => {
    const roles = (await t.request({ method: 'GET', url: '/api/roles', cookie: admin })).json().items;
    expect(roles.find((r: { key: string }) => r.key === 'audit_admin').permissions).toEqual(['audit.read']);
  });
});

describe('scope', () => {
  it('a county security administrator manages only the county', async () => {
    const county = await t.login((await t.factories.user({ orgId: countyOrg, roles: ['security_admin'] })).username);
    const sibling = await t.factories.org({ type: 'safety_committee_office', regionCode: '130125' });
    const res = await t.request({ method: 'POST', url: '/api/users', cookie: county, payload: { username: 'xt.user', displayName: '行唐', orgId: sibling, roles: ['leader'] } });
    expect(res.statusCode).toBe(404);
    expect(res.json().details[0].field).toBe('body.orgId');
    const listed = (await t.request({ method: 'GET', url: '/api/users?limit=200', cookie: county })).json().items;
    expect(listed.every((u: { org: { regionCode: string } }) => u.org.regionCode.startsWith('130123'))).toBe(true);
  });
});
