import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
let county: string;
let town: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  county = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  town = await t.factories.org({ type: 'township_government', regionCode: '130123100' });
});
afterAll(async () => t?.close());

const WRONG = 'Wrong#Pass123';
const login = (username: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

/** Everything a caller can compare between two answers: status, code, message, details, headers that matter. */
function observable(res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  const { requestId: _id, ...body } = JSON.parse(res.body) as Record<string, unknown>;
  return { status: res.statusCode, body, cookie: res.headers['set-cookie'] ?? null, type: res.headers['content-type'] };
}

describe('a disabled account', () => {
  it('answers its right password exactly as any account answers a wrong one', async () => {
    const disabled = await t.factories.user({ orgId: county, roles: ['leader'] });
    const active = await t.factories.user({ orgId: county, roles: ['leader'] });
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    const right = await login(disabled.username, TEST_PASSWORD);
    const wrong = await login(active.username, WRONG);
    expect(observable(right)).toEqual(observable(wrong));
    expect(right.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('is locked after as many attempts as a wrong password, so the lock does not tell it apart either', async () => {
    const disabled = await t.factories.user({ orgId: county, roles: ['leader'] });
    const active = await t.factories.user({ orgId: county, roles: ['leader'] });
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 5; i++) {
      a.push((await login(disabled.username, TEST_PASSWORD)).statusCode);
      b.push((await login(active.username, WRONG)).statusCode);
    }
    expect(a).toEqual([401, 401, 401, 401, 429]);
    expect(a).toEqual(b);
  });
});

describe('every password check counts toward the per-account lockout', () => {
  it('a wrong signing password (验收签字) counts like a failed sign-in, and locks the account', async () => {
    const u = await t.factories.user({ orgId: town, roles: ['township_staff'] });
    const cookie = await t.login(u.username);
    const hazard = await t.factories.hazard({ regionCode: '130123100', status: 'pending_acceptance' });
    const sign = (password: string) => t.request({ method: 'POST', url: `/api/hazards/${hazard}/accept`, cookie, payload: { password } });
    for (let i = 0; i < 4; i++) {
      const res = await sign(WRONG);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().details[0].field).toBe('body.password');
    }
    const fifth = await sign(WRONG);
    expect(fifth.statusCode, fifth.body).toBe(429);
    expect(fifth.json().code).toBe('LOGIN_LOCKED');
    // Locked: neither a signature nor a sign-in with the right password gets through.
    expect((await sign(TEST_PASSWORD)).statusCode).toBe(429);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(429);
    const row = await t.db.selectFrom('hazards').select('status').where('id', '=', hazard).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending_acceptance');
    t.clock.advanceMinutes(16);
    expect((await sign(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a wrong current password on a password change counts too, together with failed sign-ins', async () => {
    const u = await t.factories.user({ orgId: county, roles: ['leader'] });
    const cookie = await t.login(u.username);
    const change = (currentPassword: string) => t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { currentPassword, newPassword: 'Another#Pass2027' } });
    expect((await login(u.username, WRONG)).statusCode).toBe(401);
    expect((await login(u.username, WRONG)).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await change(WRONG)).statusCode).toBe(422);
    const fifth = await change(WRONG);
    expect(fifth.statusCode, fifth.body).toBe(429);
    expect(fifth.json().code).toBe('LOGIN_LOCKED');
    expect((await change(TEST_PASSWORD)).statusCode).toBe(429);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('a right password clears the count, as a successful sign-in does', async () => {
    const u = await t.factories.user({ orgId: town, roles: ['township_staff'] });
    const cookie = await t.login(u.username);
    const hazard = await t.factories.hazard({ regionCode: '130123100', status: 'pending_acceptance' });
    const sign = (password: string) => t.request({ method: 'POST', url: `/api/hazards/${hazard}/accept`, cookie, payload: { password } });
    for (let i = 0; i < 4; i++) expect((await sign(WRONG)).statusCode).toBe(422);
    expect((await sign(TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(u.username, WRONG)).statusCode).toBe(401);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
