import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, workbook } from '../../test/enterprise-workbooks.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { multipartFile, PNG_1X1 } from '../../test/multipart.js';

let t: TestApp;
let admin: string;
let office: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  orgId = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  admin = await t.login((await t.factories.user({ orgId, roles: ['security_admin'] })).username);
  office = await t.login((await t.factories.user({ orgId, roles: ['committee_office_staff'] })).username);
});
afterAll(async () => t?.close());

async function count(table: 'orgs' | 'users' | 'enterprises' | 'hazards' | 'files'): Promise<number> {
  const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The standard error body, and the fields it names. */
function fields(res: { statusCode: number; body: string; headers: Record<string, unknown> }): string[] {
  const body = JSON.parse(res.body) as { code: string; message: string; details: { field: string; reason: string; message: string }[]; requestId: string };
  expect(Object.keys(body).sort(), res.body).toEqual(['code', 'details', 'message', 'requestId']);
  expect(typeof body.message).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body.details.map((d) => d.field);
}

describe('a NUL character is refused as 400 naming the field, wherever it comes', () => {
  it.each([
    ['a body string', { type: 'grid', name: '第一\u0000网格', regionCode: '130123100' }, 'body.name'],
    ['a string inside an array', { type: 'department', name: '某局', regionCode: '130123', industries: ['construction', 'a\u0000'] }, 'body.industries.1'],
    ['an object key', { type: 'grid', name: '网格', regionCode: '130123100', 'x\u0000': 1 }, 'body.x\\u0000'],
  ])('%s', async (_name, payload, field) => {
    const before = await count('orgs');
    const res = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(fields(res)).toEqual([field]);
    expect(res.json().details[0].reason).toBe('nul_character');
    expect(await count('orgs')).toBe(before);
  });

  it('in a query string (%00)', async () => {
    const res = await t.request({ method: 'GET', url: '/api/regions/13/search?q=%E6%AD%A3%00', cookie: office });
    expect(res.statusCode, res.body).toBe(400);
    expect(fields(res)).toEqual(['query.q']);
    const users = await t.request({ method: 'GET', url: '/api/users?q=a%00', cookie: admin });
    expect(users.statusCode, users.body).toBe(400);
    expect(fields(users)).toEqual(['query.q']);
  });

  it('in a path parameter (%00)', async () => {
    const res = await t.request({ method: 'GET', url: '/api/hazard-lists/problems%00', cookie: office });
    expect(res.statusCode, res.body).toBe(400);
    expect(fields(res)).toEqual(['params.list']);
    expect(res.json().details[0].reason).toBe('nul_character');
  });

  it('in the sign-in form, before any account is looked up', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin\u0000', password: 'x' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(fields(res)).toEqual(['body.username']);
  });

  it('in a multipart file name or form field', async () => {
    const before = await count('enterprises');
    const upload = multipart(await workbook([]), '企业\u0000.xlsx');
    const res = await t.request({ method: 'POST', url: '/api/enterprises/import', cookie: office, ...upload });
    expect(res.statusCode, res.body).toBe(400);
    expect(fields(res)).toEqual(['body.file.filename']);
    expect(await count('enterprises')).toBe(before);

    const files = await count('files');
    const photo = multipartFile('file', 'a\u0000.png', 'image/png', PNG_1X1);
    const stored = await t.request({ method: 'POST', url: '/api/files', cookie: office, ...photo });
    expect(stored.statusCode, stored.body).toBe(400);
    expect(fields(stored)).toEqual(['body.file.filename']);
    const boundary = 'nulfield';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\na\u0000b\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${PNG_1X1.toString('latin1')}\r\n--${boundary}--\r\n`;
    const field = await t.request({ method: 'POST', url: '/api/files', cookie: office, payload: Buffer.from(payload, 'latin1'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(field.statusCode, field.body).toBe(400);
    expect(fields(field)).toEqual(['body.note']);
    expect(await count('files')).toBe(files);
  });

  it('in the file name header of a CSV import', async () => {
    const before = await count('hazards');
    const res = await t.request({ method: 'POST', url: '/api/hazards/import', cookie: office, payload: '隐患名称,隐患等级,发现日期\n', headers: { 'content-type': 'text/csv', 'x-filename': 'a%00.csv' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(fields(res)).toEqual(['headers.x-filename']);
    expect(await count('hazards')).toBe(before);
  });
});

describe('a body sent to a route that takes none is refused, not ignored', () => {
  it('does not disable an account when the request carries an unknown field', async () => {
    const u = await t.factories.user({ orgId, roles: ['leader'] });
    const res = await t.request({ method: 'POST', url: `/api/users/${u.id}/disable`, cookie: admin, payload: { reason: 'x' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(fields(res)).toEqual(['body.reason']);
    const row = await t.db.selectFrom('users').select('status').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    // The web client sends {} for a POST without a body: still accepted.
    expect((await t.request({ method: 'POST', url: `/api/users/${u.id}/disable`, cookie: admin, payload: {} })).statusCode).toBe(200);
  });
});

describe('what the framework refuses itself comes back in the standard shape', () => {
  it('a path parameter over the router limit: 414', async () => {
    const res = await t.request({ method: 'GET', url: `/api/orgs/${'a'.repeat(500)}`, cookie: admin });
    expect(res.statusCode).toBe(414);
    expect(res.json().code).toBe('URI_TOO_LONG');
    fields(res);
  });

  it('a path whose percent-encoding does not decode: 400', async () => {
    const res = await t.request({ method: 'GET', url: '/api/orgs/%E0%A4%A', cookie: admin });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_REQUEST');
    expect(fields(res)).toEqual(['url']);
  });

  it('a malformed JSON body, a wrong content type, a body over the limit', async () => {
    const bad = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body']);
    const type = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(type.statusCode).toBe(415);
    expect(fields(type)).toEqual(['headers.content-type']);
    const big = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: { name: 'x'.repeat(t.config.bodyLimitBytes) } });
    expect(big.statusCode).toBe(413);
    fields(big);
  });

  it('a malformed multipart body on the photo upload: 400, not 500', async () => {
    const noBoundary = await t.request({ method: 'POST', url: '/api/files', cookie: office, payload: 'garbage', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.statusCode, noBoundary.body).toBe(400);
    expect(fields(noBoundary)).toEqual(['body']);
    const truncated = await t.request({ method: 'POST', url: '/api/files', cookie: office, payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc', headers: { 'content-type': 'multipart/form-data; boundary=xx' } });
    expect(truncated.statusCode, truncated.body).toBeGreaterThanOrEqual(400);
    expect(truncated.statusCode, truncated.body).toBeLessThan(500);
    fields(truncated);
  });

  it('an unsupported method on an API path: 404 in the standard shape', async () => {
    const res = await t.request({ method: 'PROPFIND' as 'GET', url: '/api/orgs', cookie: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ROUTE_NOT_FOUND');
    fields(res);
  });

  describe('over a real socket (Node’s own HTTP parser)', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as net.AddressInfo).port;
    });

    /** Sends raw bytes and returns what came back before the server closed the connection. */
    const raw = (request: string) => new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
      let out = '';
      socket.on('data', (c: Buffer) => (out += c.toString()));
      socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(out) : reject(e)));
      socket.on('close', () => resolve(out));
    });

    const parse = (response: string) => {
      const [head, body] = response.split('\r\n\r\n');
      const status = Number(head!.split(' ')[1]);
      const json = JSON.parse(body!) as Record<string, unknown>;
      expect(Object.keys(json).sort()).toEqual(['code', 'details', 'message', 'requestId']);
      return { status, json };
    };

    it('headers over the size limit: 431', async () => {
      const { status, json } = parse(await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
      expect(status).toBe(431);
      expect(json.code).toBe('HEADERS_TOO_LARGE');
    });

    it('a URL over the size limit: 431', async () => {
      const { status, json } = parse(await raw(`GET /api/orgs?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
      expect(status).toBe(431);
      expect(json.code).toBe('HEADERS_TOO_LARGE');
    });

    it('bytes that are not HTTP: 400', async () => {
      const { status, json } = parse(await raw('HELLO\r\n\r\n'));
      expect(status).toBe(400);
      expect(json.code).toBe('MALFORMED_REQUEST');
    });
  });
});
