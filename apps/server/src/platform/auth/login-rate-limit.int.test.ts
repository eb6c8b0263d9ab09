import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;

beforeAll(async () => {
  // The harness raises the limit for tests that sign in a lot; this file checks the default.
  t = await createTestApp({ env: { ANJIAN_LOGIN_RATE_MAX: '' } });
});
afterAll(async () => t?.close());

const login = (username: string, remoteAddress: string, password = 'Wrong#Pass123') =>
  t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

async function processed(names: string[]): Promise<number> {
  const rows = await t.db.selectFrom('login_throttle').select('login_name').where('login_name', 'in', names).execute();
  return rows.length;
}

describe('per-address sign-in throttling, in front of the per-account lockout', () => {
  it('defaults to 30 attempts a minute from one address', () => {
    expect(t.config.loginRateLimit).toEqual({ max: 30, windowSeconds: 60 });
  });

  it('stops 40 different names from one address after 30, with 429 in the standard shape; other addresses go on', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `guess-${i}`);
    const answers = [];
    for (const name of names) answers.push(await login(name, '203.0.113.7'));
    expect(answers.slice(0, 30).map((r) => r.statusCode)).toEqual(Array(30).fill(401));
    expect(answers.slice(30).map((r) => r.statusCode)).toEqual(Array(10).fill(429));
    const refused = answers[35]!;
    expect(refused.json()).toEqual({ code: 'RATE_LIMITED', message: expect.any(String), details: [], requestId: refused.headers['x-request-id'] });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Refused before any account was looked at: only the first 30 names reached the lockout table.
    expect(await processed(names)).toBe(30);

    // A colleague at another office (another address) signs in as usual.
    const org = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
    const u = await t.factories.user({ orgId: org, roles: ['leader'] });
    expect((await login(u.username, '198.51.100.9', TEST_PASSWORD)).statusCode).toBe(200);
    // The throttled address is refused even with the right password until the window passes.
    expect((await login(u.username, '203.0.113.7', TEST_PASSWORD)).statusCode).toBe(429);
  });
});
