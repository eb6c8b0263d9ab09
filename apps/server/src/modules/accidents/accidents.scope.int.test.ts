import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody } from '../../test/accident-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/*
 * The accidents module once looked enterprises up in its own query, by region alone, so an
 * industry department could file an accident against an enterprise it does not supervise.
 * It now asks the enterprise registry, which holds departments to their industries.
 */
let t: TestApp;
let housing: string;
let builder: string;
let fireworksPlant: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-15T02:00:00Z' });
  const f = t.factories;
  const dept = await f.org({ type: 'department', regionCode: '130123', industries: ['construction'] });
  housing = await t.login((await f.user({ orgId: dept, roles: ['department_staff', 'committee_office_staff'] })).username);
  builder = (await f.enterprise({ regionCode: '130123100001', industries: ['construction'] })).id;
  fireworksPlant = (await f.enterprise({ regionCode: '130123100001', industries: ['fireworks'] })).id;
});
afterAll(async () => t?.close());

describe('a department reports accidents within its industries', () => {
  it('names an enterprise it supervises', async () => {
    const res = await t.request({ method: 'POST', url: '/api/accidents', cookie: housing, payload: accidentBody({ enterpriseId: builder, occurredAt: '2026-06-14T02:00:00Z' }) });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('cannot name an enterprise of another industry in its own county (404 on the field)', async () => {
    const before = await t.db.selectFrom('accidents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await t.request({ method: 'POST', url: '/api/accidents', cookie: housing, payload: accidentBody({ enterpriseId: fireworksPlant, occurredAt: '2026-06-14T02:00:00Z' }) });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().details[0].field).toBe('body.enterpriseId');
    const after = await t.db.selectFrom('accidents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
