import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: string;
let county: string;

beforeAll(async () => {
  t = await createTestApp({ env: { ANJIAN_BODY_LIMIT_BYTES: '4096' } });
  county = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  admin = await t.login((await t.factories.user({ orgId: county, roles: ['security_admin'] })).username);
});
afterAll(async () => t?.close());

async function orgCount(): Promise<number> {
  const row = await t.db.selectFrom('orgs').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const post = (payload: string | object, headers: Record<string, string> = {}) =>
  t.request({ method: 'POST', url: '/api/orgs', cookie: admin, headers: { 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

const valid = { type: 'grid', name: '第一网格', regionCode: '130123100' };

describe('bad input is refused with a clear 4xx naming the field, and writes nothing', () => {
  it.each([
    ['malformed JSON', '{"type": "grid", ', 400, 'MALFORMED_JSON', 'body'],
    ['a wrong type', { ...valid, name: 42 }, 400, 'VALIDATION_FAILED', 'body.name'],
    ['a missing field', { type: 'grid', regionCode: '130123100' }, 400, 'VALIDATION_FAILED', 'body.name'],
    ['an unknown field', { ...valid, owner: 'me' }, 400, 'VALIDATION_FAILED', 'body.owner'],
    ['an over-long string', { ...valid, name: '网'.repeat(101) }, 400, 'VALIDATION_FAILED', 'body.name'],
    ['an empty string', { ...valid, name: '   ' }, 400, 'VALIDATION_FAILED', 'body.name'],
    ['a malformed region code', { ...valid, regionCode: '13012' }, 400, 'VALIDATION_FAILED', 'body.regionCode'],
    ['an unknown region code', { ...valid, regionCode: '130123999' }, 404, 'NOT_FOUND', 'body.regionCode'],
    ['an enum value out of range', { ...valid, type: 'ministry' }, 400, 'VALIDATION_FAILED', 'body.type'],
    ['a type that does not fit the region level', { ...valid, type: 'village_committee' }, 422, 'RULE_VIOLATION', 'body.regionCode'],
    ['an unknown industry', { type: 'department', name: '某局', regionCode: '130123', industries: ['astrology'] }, 400, 'VALIDATION_FAILED', 'body.industries'],
  ])('%s', async (_name, payload, status, code, field) => {
    const before = await orgCount();
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json();
    expect(body.code).toBe(code);
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await orgCount()).toBe(before);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await post({ ...valid, name: 'x'.repeat(5000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await post('type=grid', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
  });

  it('speaks Chinese by default and English when asked, naming the field in both', async () => {
    const zh = await post({ ...valid, name: 42 });
    const en = await post({ ...valid, name: 42 }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(zh.json().message).toContain('请求数据不合法');
    expect(zh.json().details[0].message).toContain('body.name');
    expect(en.json().message).toContain('Invalid request');
    expect(en.json().details[0].message).toMatch(/body\.name must be of type string/);
  });

  it('rejects bad query strings and path parameters', async () => {
    const limit = await t.request({ method: 'GET', url: '/api/orgs?limit=100000', cookie: admin });
    expect(limit.statusCode).toBe(400);
    expect(limit.json().details[0].field).toBe('query.limit');
    const cursor = await t.request({ method: 'GET', url: '/api/orgs?cursor=garbage', cookie: admin });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().details[0].field).toBe('query.cursor');
    const id = await t.request({ method: 'GET', url: '/api/orgs/not-a-uuid', cookie: admin });
    expect(id.statusCode).toBe(400);
    expect(id.json().details[0].field).toBe('params.id');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.request({ method: 'GET', url: '/api/nothing-here', cookie: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ROUTE_NOT_FOUND');
  });
});
