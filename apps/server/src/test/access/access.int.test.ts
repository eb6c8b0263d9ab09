import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.js';
import { allCases } from './all-cases.js';
import { createWorld, POSITIONS, type World } from './world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(async () => t?.close());

describe('every API route has an access test for every position', () => {
  it('covers all operations in the OpenAPI document', async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as { paths: Record<string, Record<string, { 'x-access'?: string }>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.length).toBeGreaterThan(20);
    const covered = new Set(allCases.map((c) => c.route));
    expect(routes.filter((r) => !covered.has(r)), 'routes without an access case').toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r)), 'cases for routes that do not exist').toEqual([]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) expect(op['x-access'], `${method} ${path} declares access`).toBeTruthy();
    }
  });
});

describe.each(allCases)('$route', (c) => {
  it.each(POSITIONS)('as %s', async (position) => {
    const actor = position === 'anonymous' ? null : await w.actor(position, c.role, { fresh: c.fresh });
    const options = await c.request(w, position, actor);
    const marker = c.sees && c.sees[position] !== undefined ? await c.sees.marker(w) : null;
    const res = await t.request({ ...options, cookie: actor?.cookie });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(c.expect[position]);
    if (marker !== null) expect(res.body.includes(marker), `${position} sees the target`).toBe(c.sees![position]);
  });
});
