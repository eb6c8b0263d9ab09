import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hazardWorld } from './hazards.fixture.js';

/** Issue 10, a home for each role: 网格员巡查 as a source, "my reports", 问责 only on grounds. */
let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
const START = '2026-06-01T02:00:00Z';

beforeAll(async () => {
  t = await createTestApp({ start: START });
  w = await hazardWorld(t);
});
afterAll(async () => t?.close());

const get = async (cookie: string, url: string) => {
  const res = await t.request({ method: 'GET', url, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ids = (page: { items: { id: string }[] }) => page.items.map((h) => h.id).sort();
const accountability = { person: '王五', personOrg: '正定镇人民政府', failure: '整改不力', decision: '通报批评', decidedOn: '2026-06-01' };

describe('网格员巡查', () => {
  it('is a source a grid member reports from, listed in the statistics by source; an enterprise may not claim it', async () => {
    const id = await w.report({ source: 'grid_patrol', enterpriseId: undefined, regionCode: '130123100', title: '路边燃气管道无警示' });
    expect((await get(w.people.town.cookie, `/api/hazards/${id}`)).source).toBe('grid_patrol');
    const s = await get(w.people.county.cookie, '/api/stats/hazards?regionCode=130123');
    const row = s.bySource.find((r: { key: string }) => r.key === 'grid_patrol');
    expect(row).toMatchObject({ label: { zh: '网格员巡查' }, found: { current: 1 } });

    const photo = await w.upload(w.people.officer.cookie);
    const refused = await w.post(w.people.officer.cookie, '/api/hazards', { title: '冒充网格', level: 'general', source: 'grid_patrol', foundOn: '2026-06-01', photos: [photo] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details[0].field).toBe('body.source');
  });
});

describe('reportedByMe', () => {
  it('lists only the account’s own reports, inside its scope, with counts that agree', async () => {
    const mine = [await w.report({ title: '网格员报一' }), await w.report({ title: '网格员报二' })];
    const theirs = await w.report({ title: '镇里报的' }, w.people.town);
    const own = await get(w.people.grid.cookie, '/api/hazards?reportedByMe=true&limit=200');
    expect(ids(own)).toEqual(expect.arrayContaining(mine));
    expect(ids(own)).not.toContain(theirs);
    expect(own.counts.total).toBe(own.items.length);
    // Everything the grid member reported in this file (the grid_patrol one above included), nothing else.
    expect(own.items.every((h: { title: string }) => h.title !== '镇里报的')).toBe(true);

    const town = await get(w.people.town.cookie, '/api/hazards?reportedByMe=true&limit=200');
    expect(ids(town)).toEqual([theirs]);
    expect(town.counts).toMatchObject({ total: 1, byStatus: { reported: 1 } });
    // Without the flag the town sees the grid member's reports too.
    expect(ids(await get(w.people.town.cookie, '/api/hazards?limit=200'))).toEqual(expect.arrayContaining([...mine, theirs]));
    // A county next door reported nothing it can see here.
    expect((await get(w.people.sibling.cookie, '/api/hazards?reportedByMe=true')).items).toEqual([]);

    const bad = await t.request({ method: 'GET', url: '/api/hazards?reportedByMe=yes', cookie: w.people.grid.cookie });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('reportedByMe');
  });
});

describe('问责 only where accountability can apply', () => {
  it('is neither offered nor accepted on a hazard in time, with nothing written (409)', async () => {
    const id = await w.assigned();
    expect((await get(w.people.county.cookie, `/api/hazards/${id}`)).actions).not.toContain('record_accountability');
    const res = await w.post(w.people.county.cookie, `/api/hazards/${id}/record-accountability`, accountability);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('逾期未整改、验收不通过或回头看不通过') });
    const after = await get(w.people.county.cookie, `/api/hazards/${id}`);
    expect(after.accountability).toEqual([]);
    expect(after.timeline.map((e: { action: string }) => e.action)).toEqual(['report', 'verify', 'assign']);
  });

  it('applies after a refused acceptance', async () => {
    const id = await w.assigned();
    const photo = await w.upload(w.people.officer.cookie);
    await w.post(w.people.officer.cookie, `/api/hazards/${id}/submit-for-acceptance`, { photos: [photo] });
    // The enterprise's inbox holds what it submitted (验收材料已提交); the town's, what it must accept.
    const submitted = (await get(w.people.officer.cookie, '/api/inbox')).tasks;
    expect(submitted.submitted.items.map((h: { id: string }) => h.id)).toContain(id);
    expect(submitted.toAccept.count).toBe(0);
    const town = (await get(w.people.town.cookie, '/api/inbox')).tasks;
    expect(town.submitted.items.map((h: { id: string }) => h.id)).not.toContain(id);
    expect(town.toAccept.items.map((h: { id: string }) => h.id)).toContain(id);
    expect((await get(w.people.county.cookie, `/api/hazards/${id}`)).actions).not.toContain('record_accountability');
    expect((await w.post(w.people.town.cookie, `/api/hazards/${id}/reject-acceptance`, { reason: '连墙件仍缺失' })).statusCode).toBe(200);
    expect((await get(w.people.county.cookie, `/api/hazards/${id}`)).actions).toContain('record_accountability');
    const res = await w.post(w.people.county.cookie, `/api/hazards/${id}/record-accountability`, accountability);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().accountability).toHaveLength(1);
  });

  it('is never offered to a grid member, and 督查 neither', async () => {
    const id = await w.assigned();
    const seen = await get(w.people.grid.cookie, `/api/hazards/${id}`);
    expect(seen.actions).toEqual([]);
    expect((await w.post(w.people.grid.cookie, `/api/hazards/${id}/supervise`, { comment: '去看了' })).statusCode).toBe(403);
  });
  // Last in the file: the clock moves on a day (and the sessions with it).
  it('applies once the rectification is overdue, not on its last day', async () => {
    const id = await w.assigned({}, { deadline: '2026-06-01' });
    expect((await get(w.people.county.cookie, `/api/hazards/${id}`)).actions).not.toContain('record_accountability');
    expect((await w.post(w.people.county.cookie, `/api/hazards/${id}/record-accountability`, accountability)).statusCode).toBe(409);
    t.clock.set('2026-06-02T02:00:00Z');
    const county = await t.login(w.people.county.username);
    expect((await get(county, `/api/hazards/${id}`))).toMatchObject({ overdue: true, actions: expect.arrayContaining(['record_accountability']) });
    expect((await w.post(county, `/api/hazards/${id}/record-accountability`, accountability)).statusCode).toBe(200);
  });
});
