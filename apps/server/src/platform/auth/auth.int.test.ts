import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  orgId = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
});
afterAll(async () => t?.close());

const login = (username: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const me = (cookie: string) => t.request({ method: 'GET', url: '/api/auth/me', cookie });

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Strict session cookie and returns the account', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    const res = await login(u.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'anjian_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json().regionPath.map((r: { code: string }) => r.code)).toEqual(['0', '13', '1301', '130123']);
  });

  it('answers a wrong password and an unknown name identically', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    const wrong = await login(u.username, 'Wrong#Pass123');
    const unknown = await login(`ghost-${u.username}`, 'Wrong#Pass123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
    expect(wrong.json().message).toBe(unknown.json().message);
  });
});

describe('lockout', () => {
  it('locks after five failures for 15 minutes, even against the right password, then lets in', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    for (let i = 0; i < 4; i++) expect((await login(u.username, 'Wrong#Pass123')).statusCode).toBe(401);
    const fifth = await login(u.username, 'Wrong#Pass123');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('LOGIN_LOCKED');
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advanceMinutes(14);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advanceMinutes(2);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lengthens each further lockout', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    for (let i = 0; i < 5; i++) await login(u.username, 'Wrong#Pass123');
    t.clock.advanceMinutes(16);
    for (let i = 0; i < 5; i++) await login(u.username, 'Wrong#Pass123');
    // Second lockout: 30 minutes, so 16 minutes later it still holds.
    t.clock.advanceMinutes(16);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advanceMinutes(15);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an unknown name exactly like a real one', async () => {
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await login('no-such-account', 'Wrong#Pass123'));
    expect(replies.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 429]);
  });
});

describe('session timeouts', () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    const cookie = await t.login(u.username);
    t.clock.advanceMinutes(29);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const res = await me(cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('ends even an active session after 12 hours', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    const cookie = await t.login(u.username);
    for (let i = 0; i < 24; i++) {
      t.clock.advanceMinutes(29);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(25); // 12 h 1 min after sign-in
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('honours configured limits', async () => {
    const short = await createTestApp({ env: { ANJIAN_SESSION_IDLE_MINUTES: '5' } });
    try {
      const o = await short.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
      const u = await short.factories.user({ orgId: o, roles: ['leader'] });
      const cookie = await short.login(u.username);
      short.clock.advanceMinutes(6);
      expect((await short.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('password change and disabling', () => {
  it('enforces the 等保 policy and signs other devices out', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'], username: 'wang.wei' });
    const phone = await t.login(u.username);
    const desk = await t.login(u.username);
    const change = (newPassword: string) => t.request({ method: 'POST', url: '/api/auth/password', cookie: desk, payload: { currentPassword: TEST_PASSWORD, newPassword } });
    for (const weak of ['Short#1', 'alllowercase123', 'Wang.Wei#2026x']) {
      const res = await change(weak);
      expect(res.statusCode, weak).toBe(422);
      expect(res.json().details[0].field).toBe('body.newPassword');
    }
    expect((await change('Strong#Pass2027')).statusCode).toBe(204);
    expect((await me(desk)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await login(u.username, 'Strong#Pass2027')).statusCode).toBe(200);
  });

  it('ends every session of a user the moment an administrator disables it', async () => {
    const adminOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '1301' });
    const admin = await t.factories.user({ orgId: adminOrg, roles: ['security_admin'] });
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    const session = await t.login(u.username);
    const adminCookie = await t.login(admin.username);
    const res = await t.request({ method: 'POST', url: `/api/users/${u.id}/disable`, cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    // A disabled account answers like a wrong password (lockout.int.test.ts).
    const again = await login(u.username, TEST_PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('acts on the next request though a session is remembered a few seconds: roles, the organisation, disabling', async () => {
    const adminOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '1301' });
    const admin = await t.login((await t.factories.user({ orgId: adminOrg, roles: ['security_admin'] })).username);
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    const session = await t.login(u.username);
    // Each step reads the session first, so the next one finds it remembered.
    expect((await me(session)).json().roles).toEqual(['leader']);
    expect((await t.request({ method: 'PUT', url: `/api/users/${u.id}/roles`, cookie: admin, payload: { roles: ['inspector'] } })).statusCode).toBe(200);
    expect((await me(session)).json().roles).toEqual(['inspector']);
    expect((await t.request({ method: 'PATCH', url: `/api/orgs/${orgId}`, cookie: admin, payload: { name: '正定县安委办（更名）' } })).statusCode).toBe(200);
    expect((await me(session)).json().org.name).toBe('正定县安委办（更名）');
    expect((await t.request({ method: 'POST', url: `/api/users/${u.id}/disable`, cookie: admin })).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('logs out', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    const cookie = await t.login(u.username);
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});
