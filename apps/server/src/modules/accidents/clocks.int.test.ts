import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody } from '../../test/accident-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/*
 * Decree 493's clocks with a controllable clock: every view recomputes them from the record
 * and the injected `now`. Sessions expire when the clock jumps, so each step signs in again.
 */
let t: TestApp;
let username: string;
const MIN = 60_000;
const HOUR = 60 * MIN;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-04-01T02:30:00Z' });
  const county = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  username = (await t.factories.user({ orgId: county, roles: ['committee_office_staff'] })).username;
});
afterAll(async () => t?.close());

async function at(instant: string) {
  t.clock.set(instant);
  return t.login(username);
}
const report = async (cookie: string, body: Record<string, unknown>) => {
  const res = await t.request({ method: 'POST', url: '/api/accidents', cookie, payload: accidentBody(body) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const get = async (cookie: string, id: string) => (await t.request({ method: 'GET', url: `/api/accidents/${id}`, cookie })).json();
const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: object) => t.request({ method, url, cookie, payload });

describe('the initial report (1 hour) and 迟报', () => {
  it('is on time within the hour and flagged late after it', async () => {
    const cookie = await at('2026-04-01T02:30:00Z');
    const onTime = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00' });
    expect(onTime.clocks.initialReport).toMatchObject({ status: 'met', remainingMs: 30 * MIN, unit: 'hours', dueAt: '2026-04-01T03:00:00.000Z', dueDate: '2026-04-01' });
    expect(onTime.clocks.flags.lateReport).toBe(false);
    const late = await report(cookie, { occurredAt: '2026-03-31T23:00:00Z' });
    expect(late.clocks.initialReport).toMatchObject({ status: 'late', overdueMs: 2.5 * HOUR, statusLabel: { zh: '逾期完成' } });
    expect(late.clocks.flags.lateReport).toBe(true);
  });

  it('shows time left on the escalation, then overdue as the clock moves', async () => {
    let cookie = await at('2026-04-01T02:30:00Z');
    const a = await report(cookie, { occurredAt: '2026-04-01T02:10:00Z' });
    expect(a.clocks.escalations[0]).toMatchObject({ key: 'escalate_city', status: 'running', remainingMs: 2 * HOUR });
    expect(a.clocks.next).toMatchObject({ key: 'escalate_city' });
    cookie = await at('2026-04-01T05:00:00Z');
    const later = await get(cookie, a.id);
    expect(later.clocks.escalations[0]).toMatchObject({ status: 'overdue', overdueMs: 30 * MIN });
    expect(later.clocks.flags.lateEscalation).toBe(true);
    const done = await send(cookie, 'POST', `/api/accidents/${a.id}/escalations`, { level: 'city' });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().clocks.escalations[0]).toMatchObject({ status: 'late', overdueMs: 30 * MIN });
    expect(done.json().actions).not.toContain('escalate');
  });

  it('refuses escalations out of order, above the grade, twice, or before the report', async () => {
    const cookie = await at('2026-04-01T06:00:00Z');
    const a = await report(cookie, { occurredAt: '2026-04-01T05:00:00Z', deaths: 3 });
    const province = await send(cookie, 'POST', `/api/accidents/${a.id}/escalations`, { level: 'province' });
    expect([province.statusCode, province.json().details[0].field]).toEqual([422, 'body.level']);
    const tooHigh = await send(cookie, 'POST', `/api/accidents/${a.id}/escalations`, { level: 'state_council' });
    expect([tooHigh.statusCode, tooHigh.json().details[0].field]).toEqual([422, 'body.level']);
    const early = await send(cookie, 'POST', `/api/accidents/${a.id}/escalations`, { level: 'city', receivedAt: '2026-04-01T05:30:00Z' });
    expect([early.statusCode, early.json().details[0].field]).toEqual([422, 'body.receivedAt']);
    expect((await send(cookie, 'POST', `/api/accidents/${a.id}/escalations`, { level: 'city' })).statusCode).toBe(201);
    expect((await send(cookie, 'POST', `/api/accidents/${a.id}/escalations`, { level: 'city' })).statusCode).toBe(409);
    expect((await send(cookie, 'POST', `/api/accidents/${a.id}/escalations`, { level: 'province' })).statusCode).toBe(201);
  });
});

describe('supplements (补报)', () => {
  it('a third death within 30 days turns 一般 into 较大 and sends the report on to the province', async () => {
    let cookie = await at('2026-04-01T02:40:00Z');
    const a = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00', deaths: 2, seriousInjuries: 1, directLossYuan: 3_000_000 });
    expect(a.grade.code).toBe('ordinary');
    expect(a.clocks.escalationTarget).toBe('city');
    cookie = await at('2026-04-01T04:00:00Z');
    await send(cookie, 'POST', `/api/accidents/${a.id}/escalations`, { level: 'city' });
    cookie = await at('2026-04-03T02:00:00Z');
    const res = await send(cookie, 'POST', `/api/accidents/${a.id}/supplements`, {
      changedAt: '2026-04-03T00:00:00Z', reportedAt: '2026-04-03T01:00:00Z', deaths: 3, seriousInjuries: 0, directLossYuan: 3_000_000, note: '一名重伤人员经抢救无效死亡',
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s.grade.code).toBe('major');
    expect(s.initialGrade.code).toBe('ordinary');
    expect(s.figures).toMatchObject({ deaths: 3, seriousInjuries: 0 });
    expect(s.initialFigures).toMatchObject({ deaths: 2, seriousInjuries: 1 });
    expect(s.clocks.escalationTarget).toBe('province');
    // Through the city (2 h) to the province (2 h): 4 hours after the county had the supplement.
    expect(s.clocks.escalations.map((e: { key: string; dueAt: string; status: string }) => [e.key, e.dueAt, e.status])).toEqual([
      ['escalate_city', '2026-04-01T04:40:00.000Z', 'met'],
      ['escalate_province', '2026-04-03T05:00:00.000Z', 'running'],
    ]);
    expect(s.supplements).toHaveLength(1);
    expect(s.supplements[0]).toMatchObject({
      version: 1, counted: true, named: { deaths: 3, seriousInjuries: 0, directLossYuan: 3_000_000 }, figures: { deaths: 3, seriousInjuries: 0 }, grade: { code: 'major' }, note: '一名重伤人员经抢救无效死亡',
    });
    expect(s.actions).toContain('escalate');
  });

  it('a road-traffic supplement on day 8 is kept but changes nothing; on day 6 it counts', async () => {
    let cookie = await at('2026-04-01T03:00:00Z');
    const a = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00', category: 'road_traffic', industryCode: 'road_transport', deaths: 1 });
    expect(a.category.supplementDays).toBe(7);
    cookie = await at('2026-04-10T00:00:00Z');
    const late = await send(cookie, 'POST', `/api/accidents/${a.id}/supplements`, { changedAt: '2026-04-09T01:00:00Z', deaths: 4 });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ figures: { deaths: 1 }, grade: { code: 'ordinary' }, clocks: { escalationTarget: 'city' } });
    expect(late.json().supplements[0]).toMatchObject({ version: 1, counted: false, named: { deaths: 4 }, figures: { deaths: 1 }, grade: { code: 'ordinary' } });
    const inside = await send(cookie, 'POST', `/api/accidents/${a.id}/supplements`, { changedAt: '2026-04-07T01:00:00Z', reportedAt: '2026-04-07T02:00:00Z', deaths: 2 });
    expect(inside.json()).toMatchObject({ figures: { deaths: 2 }, grade: { code: 'ordinary' } });
    // Every version in the order recorded: what each named, its verdict, and the figures it left.
    expect(inside.json().supplements.map((x: { version: number; counted: boolean; named: object; figures: { deaths: number } }) => [x.version, x.counted, x.named, x.figures.deaths]))
      .toEqual([[1, false, { deaths: 4 }, 1], [2, true, { deaths: 2 }, 2]]);
    // The figures stored for statistics are the recomputed ones.
    const row = await t.db.selectFrom('accidents').select(['deaths', 'grade']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ deaths: 2, grade: 'ordinary' });
  });

  it('counts a change at 23:59:59.999 on the window’s last day and not one at 00:00 the day after', async () => {
    let cookie = await at('2026-04-01T03:00:00Z');
    const road = { category: 'road_traffic', industryCode: 'road_transport', deaths: 2 };
    const a = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00', ...road });
    const b = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00', ...road });
    // 1 April + 7 days: 8 April is the last day a change still counts, and the day shown.
    expect(a.clocks.supplementWindow).toMatchObject({ unit: 'days', dueDate: '2026-04-08', dueAt: '2026-04-08T15:59:59.999Z' });
    cookie = await at('2026-04-09T01:00:00Z');
    const last = await send(cookie, 'POST', `/api/accidents/${a.id}/supplements`, { changedAt: '2026-04-08T23:59:59.999+08:00', deaths: 3 });
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json()).toMatchObject({ grade: { code: 'major' }, figures: { deaths: 3 }, clocks: { escalationTarget: 'province' } });
    expect(last.json().supplements[0]).toMatchObject({ counted: true });
    const after = await send(cookie, 'POST', `/api/accidents/${b.id}/supplements`, { changedAt: '2026-04-09T00:00:00+08:00', deaths: 3 });
    expect(after.json()).toMatchObject({ grade: { code: 'ordinary' }, figures: { deaths: 2 }, clocks: { escalationTarget: 'city' } });
    expect(after.json().supplements[0]).toMatchObject({ counted: false });
  });

  it('flags a change inside the window that was reported after it closed', async () => {
    let cookie = await at('2026-04-01T03:00:00Z');
    const a = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00', category: 'fire', industryCode: 'crowded_places' });
    cookie = await at('2026-04-12T00:00:00Z');
    const res = await send(cookie, 'POST', `/api/accidents/${a.id}/supplements`, { changedAt: '2026-04-05T00:00:00Z', deaths: 2 });
    expect(res.json().figures.deaths).toBe(2);
    expect(res.json().clocks.supplementWindow.status).toBe('late');
    expect(res.json().clocks.flags.lateSupplement).toBe(true);
  });
});

describe('investigation and decision deadlines', () => {
  it('is due 60 days after the day of occurrence, 120 with an extension', async () => {
    let cookie = await at('2026-04-01T03:00:00Z');
    const a = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00' });
    // 1 April + 60 days: 31 May is the last day on time, and the day shown.
    expect(a.clocks.investigationReport).toMatchObject({ unit: 'days', dueAt: '2026-05-31T15:59:59.999Z', dueDate: '2026-05-31', status: 'running' });
    cookie = await at('2026-05-31T15:59:59.999Z');
    expect((await get(cookie, a.id)).clocks.investigationReport).toMatchObject({ status: 'running', remainingMs: 0 });
    cookie = await at('2026-05-31T16:00:00Z');
    expect((await get(cookie, a.id)).clocks.investigationReport).toMatchObject({ status: 'overdue', overdueMs: 1 });
    cookie = await at('2026-06-01T00:00:00Z');
    expect((await get(cookie, a.id)).clocks.investigationReport).toMatchObject({ status: 'overdue', overdueMs: 8 * HOUR + 1 });
    // A report dated on the last day is on time; one dated the day after is late.
    expect((await send(cookie, 'PUT', `/api/accidents/${a.id}/investigation`, { reportSubmittedOn: '2026-06-01' })).json().clocks.investigationReport.status).toBe('late');
    expect((await send(cookie, 'PUT', `/api/accidents/${a.id}/investigation`, { reportSubmittedOn: '2026-05-31' })).json().clocks.investigationReport.status).toBe('met');
    await send(cookie, 'PUT', `/api/accidents/${a.id}/investigation`, { reportSubmittedOn: null });
    const extended = await send(cookie, 'PUT', `/api/accidents/${a.id}/investigation`, { extended: true });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json().clocks.investigationReport).toMatchObject({ dueDate: '2026-07-30', status: 'running', label: { zh: '提交事故调查报告（120日）' } });
  });

  it('gives the government 15 days to decide, 30 for 特别重大 (+30 extended)', async () => {
    let cookie = await at('2026-04-01T03:00:00Z');
    const ordinary = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00' });
    const extraordinary = await report(cookie, { occurredAt: '2026-04-01T10:00:00+08:00', deaths: 30 });
    expect(ordinary.clocks.governmentDecision).toBeNull();
    cookie = await at('2026-06-01T00:00:00Z');
    const submit = (id: string, body: object) => send(cookie, 'PUT', `/api/accidents/${id}/investigation`, body);
    const o = (await submit(ordinary.id, { reportSubmittedOn: '2026-05-20' })).json();
    expect(o.clocks.investigationReport.status).toBe('met');
    // Submitted 20 May + 15 days: 4 June is the last day on time (it said 5 June).
    expect(o.clocks.governmentDecision).toMatchObject({ dueAt: '2026-06-04T15:59:59.999Z', dueDate: '2026-06-04', status: 'running' });
    const x = (await submit(extraordinary.id, { reportSubmittedOn: '2026-05-20' })).json();
    expect(x.clocks.governmentDecision).toMatchObject({ dueDate: '2026-06-19' });
    expect((await submit(extraordinary.id, { decisionExtended: true })).json().clocks.governmentDecision.dueDate).toBe('2026-07-19');
    const refused = await submit(ordinary.id, { decisionExtended: true });
    expect([refused.statusCode, refused.json().details[0].field]).toEqual([422, 'body.decisionExtended']);
    cookie = await at('2026-06-10T00:00:00Z');
    const decided = (await send(cookie, 'PUT', `/api/accidents/${ordinary.id}/investigation`, { decidedOn: '2026-06-06' })).json();
    expect(decided.clocks.governmentDecision.status).toBe('late');
    const dayAfter = (await send(cookie, 'PUT', `/api/accidents/${ordinary.id}/investigation`, { decidedOn: '2026-06-05' })).json();
    expect(dayAfter.clocks.governmentDecision.status).toBe('late');
    const onTime = (await send(cookie, 'PUT', `/api/accidents/${ordinary.id}/investigation`, { decidedOn: '2026-06-04' })).json();
    expect(onTime.clocks.governmentDecision.status).toBe('met');
  });
});
