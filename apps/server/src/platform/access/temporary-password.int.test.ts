import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

/*
 * A temporary password (a new account, an administrator's reset) is known to whoever handed
 * it over: until its holder changes it, the session reads its own account, changes the
 * password, signs out — and nothing else. Every other route in the OpenAPI document answers
 * 403 PASSWORD_CHANGE_REQUIRED.
 */

let t: TestApp;
let admin: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.factories.org({ type: 'safety_committee_office', regionCode: '1301' });
  admin = await t.login((await t.factories.user({ orgId: city, roles: ['security_admin'] })).username);
  orgId = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
});
afterAll(async () => t?.close());

const ALLOWED = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);
const DUMMY: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', code: '130123', regionCode: '130123', list: 'problems', year: '2026', metric: 'deaths_total' };

async function newAccount(username: string): Promise<{ id: string; cookie: string; password: string }> {
  const res = await t.request({ method: 'POST', url: '/api/users', cookie: admin, payload: { username, displayName: username, orgId, roles: ['committee_office_staff'] } });
  expect(res.statusCode, res.body).toBe(201);
  const password = res.json().temporaryPassword as string;
  return { id: res.json().user.id, password, cookie: await t.login(username, password) };
}

async function operations(): Promise<{ method: string; path: string; access: string }[]> {
  const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { 'x-access': string }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, access: op['x-access'] })));
}

describe('a session on a temporary password', () => {
  it('gets 403 PASSWORD_CHANGE_REQUIRED from every route but its own account, the password change and sign-out', async () => {
    const user = await newAccount('temp.walker');
    const walked: string[] = [];
    for (const op of await operations()) {
      const route = `${op.method} ${op.path}`;
      if (op.access === 'public' || ALLOWED.has(route)) continue;
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => DUMMY[name] ?? 'x');
      const res = await t.request({ method: op.method as 'GET', url, cookie: user.cookie, ...(op.method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode, `${route}: ${res.body.slice(0, 200)}`).toBe(403);
      expect(res.json().code, route).toBe('PASSWORD_CHANGE_REQUIRED');
      walked.push(route);
    }
    expect(walked.length).toBeGreaterThan(40);
    const me = await t.request({ method: 'GET', url: '/api/auth/me', cookie: user.cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
  });

  it('works everywhere once the password is changed', async () => {
    const user = await newAccount('temp.changer');
    expect((await t.request({ method: 'GET', url: '/api/hazards', cookie: user.cookie })).statusCode).toBe(403);
    const changed = await t.request({ method: 'POST', url: '/api/auth/password', cookie: user.cookie, payload: { currentPassword: user.password, newPassword: 'Chosen#Pass2027' } });
    expect(changed.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/hazards', cookie: user.cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: user.cookie })).json().mustChangePassword).toBe(false);
  });

  it('after an administrator’s reset too, and sign-out still answers', async () => {
    const user = await newAccount('temp.reset');
    await t.request({ method: 'POST', url: '/api/auth/password', cookie: user.cookie, payload: { currentPassword: user.password, newPassword: 'Chosen#Pass2027' } });
    const reset = await t.request({ method: 'POST', url: `/api/users/${user.id}/reset-password`, cookie: admin });
    const cookie = await t.login('temp.reset', reset.json().temporaryPassword);
    const res = await t.request({ method: 'GET', url: '/api/enterprises', cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie })).statusCode).toBe(204);
  });
});
