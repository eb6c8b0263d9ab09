import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { hazardWorld } from './hazards.fixture.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await hazardWorld(t);
});
afterAll(async () => t?.close());

const get = (cookie: string, id: string) => t.request({ method: 'GET', url: `/api/hazards/${id}`, cookie });

describe('the closed loop 排查 → 交办 → 复查', () => {
  it('a grid member reports, the town verifies and assigns, the enterprise submits, the town signs it closed', async () => {
    const { people, post } = w;
    const id = await w.report();
    let h = (await get(people.grid.cookie, id)).json();
    expect(h).toMatchObject({ status: 'reported', regionCode: '130123100001', enterprise: { name: '恒安建材有限公司' } });
    expect(h.files).toHaveLength(1);
    expect(h.files[0].kind).toBe('before');

    expect((await get(people.town.cookie, id)).json().actions).toEqual(expect.arrayContaining(['verify', 'reject']));
    expect((await post(people.town.cookie, `/api/hazards/${id}/verify`, { comment: '情况属实' })).statusCode).toBe(200);
    const assign = await post(people.town.cookie, `/api/hazards/${id}/assign`, { responsiblePerson: '张三', deadline: '2026-06-15' });
    expect(assign.statusCode, assign.body).toBe(200);
    h = assign.json();
    // The supervising department comes from the 三管三必须 route for construction in the county.
    expect(h).toMatchObject({ status: 'rectifying', deadline: '2026-06-15', responsibleUnit: '恒安建材有限公司', supervisingDepartment: { name: '正定县住建局' } });

    const officerView = (await get(people.officer.cookie, id)).json();
    expect(officerView.actions).toEqual(['progress', 'request_extension', 'submit_for_acceptance']);
    // The township assigned it; the enterprise rectifies it. The township may not act in its place.
    expect((await get(people.town.cookie, id)).json().actions).not.toContain('submit_for_acceptance');
    expect((await post(people.town.cookie, `/api/hazards/${id}/progress`, { comment: '代为填报' })).statusCode).toBe(403);
    const after = await w.upload(people.officer.cookie, 'after.png');
    const submit = await post(people.officer.cookie, `/api/hazards/${id}/submit-for-acceptance`, { photos: [after], comment: '已整改' });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('pending_acceptance');

    const wrong = await post(people.town.cookie, `/api/hazards/${id}/accept`, { password: 'Not#MyPassword1' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().details[0].field).toBe('body.password');
    const accept = await post(people.town.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD, comment: '验收合格' });
    expect(accept.statusCode, accept.body).toBe(200);
    h = accept.json();
    expect(h.status).toBe('closed');
    expect(h.closedOn).toBe('2026-06-01');
    expect(h.acceptance).toMatchObject({ signedBy: people.town.username, at: '2026-06-01T02:00:00.000Z' });
    expect(h.acceptance.stateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(h.timeline.map((e: { action: string }) => e.action)).toEqual(['report', 'verify', 'assign', 'submit_for_acceptance', 'accept']);
    expect(h.timeline[3].files[0].kind).toBe('after');
  });

  it('refuses an act the state does not allow with 409 listing what it does allow', async () => {
    const id = await w.report();
    const res = await w.post(w.people.town.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ILLEGAL_TRANSITION');
    expect(res.json().details[0].message).toContain('verify');
    expect(res.json().message).toContain('核实认定');
  });

  it('lets exactly one of two simultaneous acceptors sign; the other gets 409', async () => {
    const id = await w.assigned();
    const photo = await w.upload(w.people.officer.cookie);
    await w.post(w.people.officer.cookie, `/api/hazards/${id}/submit-for-acceptance`, { photos: [photo] });
    const [a, b] = await Promise.all([
      w.post(w.people.town.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD }),
      w.post(w.people.town2.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = (await get(w.people.town.cookie, id)).json().timeline.filter((e: { action: string }) => e.action === 'accept');
    expect(events).toHaveLength(1);
  });

  it('rejects acceptance back to rectification, with a reason', async () => {
    const id = await w.assigned();
    const photo = await w.upload(w.people.officer.cookie);
    await w.post(w.people.officer.cookie, `/api/hazards/${id}/submit-for-acceptance`, { photos: [photo] });
    expect((await w.post(w.people.town.cookie, `/api/hazards/${id}/reject-acceptance`, {})).statusCode).toBe(400);
    const res = await w.post(w.people.town.cookie, `/api/hazards/${id}/reject-acceptance`, { reason: '护栏高度不足' });
    expect(res.json().status).toBe('rectifying');
  });

  it('rejects a report as a duplicate of another', async () => {
    const original = await w.report();
    const copy = await w.report();
    expect((await w.post(w.people.town.cookie, `/api/hazards/${copy}/reject`, { reason: 'duplicate' })).statusCode).toBe(422);
    const res = await w.post(w.people.town.cookie, `/api/hazards/${copy}/reject`, { reason: 'duplicate', duplicateOf: original });
    expect(res.json().status).toBe('rejected');
  });

  it('extends a deadline only on the assigning level’s decision', async () => {
    const id = await w.assigned();
    const before = await w.post(w.people.officer.cookie, `/api/hazards/${id}/request-extension`, { requestedDeadline: '2026-06-10', reason: '材料未到' });
    expect(before.statusCode).toBe(422);
    expect(before.json().details[0].field).toBe('body.requestedDeadline');
    await w.post(w.people.officer.cookie, `/api/hazards/${id}/request-extension`, { requestedDeadline: '2026-06-30', reason: '材料未到' });
    // The county's department did not assign it: not its decision (the town is below it, but the decision is the assigner's path).
    const elsewhere = await w.post(w.people.sibling.cookie, `/api/hazards/${id}/decide-extension`, { approve: true });
    expect(elsewhere.statusCode).toBe(404);
    const ok = await w.post(w.people.town.cookie, `/api/hazards/${id}/decide-extension`, { approve: true });
    expect(ok.json()).toMatchObject({ deadline: '2026-06-30', extensionRequest: null });
  });
});

describe('the ledger', () => {
  it('filters, counts per status and pages by keyset', async () => {
    const ledger = async (query: string, cookie = w.people.county.cookie) => (await t.request({ method: 'GET', url: `/api/hazards?${query}`, cookie })).json();
    const all = await ledger('limit=3');
    expect(all.items).toHaveLength(3);
    expect(all.counts.total).toBeGreaterThan(5);
    expect(Object.values(all.counts.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(all.counts.total);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await ledger(`limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(all.counts.total);
    expect(new Set(ids).size).toBe(ids.length);
    const closed = await ledger('status=closed');
    expect(closed.items.every((i: { status: string }) => i.status === 'closed')).toBe(true);
    expect(closed.counts.byStatus.rectifying).toBeGreaterThan(0);
  });

  it('shows each user only their scope', async () => {
    const ids = async (cookie: string) => (await t.request({ method: 'GET', url: '/api/hazards?limit=200', cookie })).json().items.map((i: { id: string }) => i.id);
    const mine = await ids(w.people.officer.cookie);
    expect(mine.length).toBeGreaterThan(0);
    expect(await ids(w.people.otherOfficer.cookie)).toEqual([]);
    expect(await ids(w.people.sibling.cookie)).toEqual([]);
    expect(await ids(w.people.emergency.cookie)).toEqual([]); // a department outside construction
    expect((await ids(w.people.housing.cookie)).length).toBe(mine.length);
    expect((await ids(w.people.cityLeader.cookie)).length).toBe(mine.length);
  });
});
