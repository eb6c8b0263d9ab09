import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.js';
import { fuzzWorld, snapshot } from './fuzz-world.js';
import { bodyVariants, parameterVariants, rawVariants, sample, type JsonSchema, type Parameter, type Variant } from './mutations.js';

/**
 * Walks every operation of /api/openapi.json (new routes are picked up as they are added)
 * as an account holding the operation's permission and as nobody, sending NUL bytes,
 * over-long strings, wrong types, unknown fields, oversized bodies and malformed JSON.
 * Every answer is below 500 and, when an error, in the standard shape; and afterwards no
 * table but the bookkeeping ones (fuzz-world.ts) has changed by a single row.
 */

const BODY_LIMIT = 16 * 1024;

interface Operation {
  method: string;
  path: string;
  access: string;
  params: Parameter[];
  body: JsonSchema | null;
  /** Takes a body of another kind (multipart, CSV): only the raw variants apply. */
  otherBody: boolean;
}

let t: TestApp;
let world: Awaited<ReturnType<typeof fuzzWorld>>;
let before: Record<string, string>;
let operations: Operation[] = [];

const doc = await (async () => {
  // The document is read from a throwaway app, so the operations are known when tests are declared.
  const probe = await createTestApp();
  try {
    return (await probe.request({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>();
  } finally {
    await probe.close();
  }
})();

operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => {
  const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content ?? {};
  return {
    method: method.toUpperCase(),
    path,
    access: String(op['x-access']),
    params: (op.parameters as Parameter[] | undefined) ?? [],
    body: content['application/json']?.schema ?? null,
    otherBody: Object.keys(content).some((type) => type !== 'application/json'),
  };
}));

beforeAll(async () => {
  t = await createTestApp({ env: { ANJIAN_BODY_LIMIT_BYTES: String(BODY_LIMIT) } });
  world = await fuzzWorld(t);
  before = await snapshot(t);
}, 120_000);
afterAll(async () => t?.close());

function variants(op: Operation): Variant[] {
  const names = op.params.filter((p) => p.in === 'path').map((p) => p.name);
  const values = world.pathValues(op.path, names);
  const url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(values[n]!));
  const base = op.body ? sample(op.body, 'body', world.known) : undefined;
  const out = parameterVariants(op.path, op.params, values, base);
  if (op.method === 'GET') return out;
  if (op.body) out.push(...bodyVariants(op.body, base, url, BODY_LIMIT));
  else out.push(...rawVariants(url, BODY_LIMIT));
  return out;
}

/** The standard error body: exactly code, message, details (field, reason, message), requestId. */
function problems(status: number, headers: Record<string, unknown>, text: string): string | null {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400) return null;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return `error ${status} is not JSON: ${text.slice(0, 200)}`;
  }
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'code,details,message,requestId') return `error ${status} has keys ${keys}: ${text.slice(0, 200)}`;
  if (body.requestId !== headers['x-request-id']) return `error ${status}: requestId differs from x-request-id`;
  const details = body.details as { field?: unknown; reason?: unknown; message?: unknown }[];
  if (!Array.isArray(details) || details.some((d) => typeof d.field !== 'string' || typeof d.reason !== 'string' || typeof d.message !== 'string')) return `error ${status}: malformed details ${JSON.stringify(details).slice(0, 200)}`;
  return null;
}

describe.each(operations.map((op) => ({ ...op, name: `${op.method} ${op.path}` })))('$name', (op) => {
  it.each(['as a holder of its permission', 'as nobody'])('%s', async (who) => {
    const cookie = who === 'as nobody' ? null : world.accountFor(op.access).cookie;
    const failures: string[] = [];
    for (const v of variants(op)) {
      const payload = v.raw ?? (v.body === undefined ? undefined : JSON.stringify(v.body));
      const res = await t.request({
        method: op.method as 'GET', url: v.url, cookie,
        ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } }),
      });
      const problem = problems(res.statusCode, res.headers, res.body);
      if (problem) failures.push(`${v.label}: ${problem}`);
      // A fuzzed write that is accepted is a write the fuzz must not cause (and a hole in validation).
      else if (op.method !== 'GET' && res.statusCode < 400) failures.push(`${v.label}: accepted with ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('after the walk', () => {
  it('walked every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it('no table has changed (but the bookkeeping ones: audit log, sessions, sign-in throttle)', async () => {
    expect(await snapshot(t)).toEqual(before);
  }, 60_000);
});
