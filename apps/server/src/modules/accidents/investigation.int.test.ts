import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody } from '../../test/accident-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let office: string;
let reader: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-08-01T02:00:00Z' });
  const county = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  office = await t.login((await t.factories.user({ orgId: county, roles: ['committee_office_staff'] })).username);
  reader = await t.login((await t.factories.user({ orgId: county, roles: ['leader'] })).username);
});
afterAll(async () => t?.close());

const report = async (body: object = {}) => (await t.request({ method: 'POST', url: '/api/accidents', cookie: office, payload: accidentBody({ occurredAt: '2026-04-01T02:00:00Z', ...body }) })).json().id as string;
const put = (id: string, payload: object) => t.request({ method: 'PUT', url: `/api/accidents/${id}/investigation`, cookie: office, payload });
const addAccountability = (id: string, payload: object = { person: '王某', position: '项目经理', org: '某建设公司', failure: '未落实安全防护措施', decision: '移送司法机关' }) =>
  t.request({ method: 'POST', url: `/api/accidents/${id}/accountability`, cookie: office, payload });
const close = (id: string) => t.request({ method: 'POST', url: `/api/accidents/${id}/close-investigation`, cookie: office });
const ALL = { cause_identified: true, responsible_dealt_with: true, people_educated: true, measures_taken: true };

describe('closing an investigation (四不放过)', () => {
  it('names everything still open and writes nothing', async () => {
    const id = await report();
    const res = await close(id);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual([
      'investigation.decidedOn', 'checklist.cause_identified', 'checklist.responsible_dealt_with', 'checklist.people_educated', 'checklist.measures_taken', 'accountability',
    ]);
    expect(res.json().message).toContain('四不放过');
    await put(id, { reportSubmittedOn: '2026-05-20', decidedOn: '2026-06-01', checklist: { cause_identified: true, measures_taken: true } });
    const partly = await close(id);
    expect(partly.json().details.map((d: { field: string }) => d.field)).toEqual(['checklist.responsible_dealt_with', 'checklist.people_educated', 'accountability']);
    const detail = (await t.request({ method: 'GET', url: `/api/accidents/${id}`, cookie: office })).json();
    expect(detail.investigation.closedAt).toBeNull();
    expect(detail.investigation.closeProblems).toHaveLength(3);
    expect(detail.investigation.checklist.find((c: { key: string }) => c.key === 'cause_identified')).toMatchObject({ done: true, label: { zh: '事故原因未查清不放过' } });
  });

  it('closes with the decision, all four and accountability; then nothing more changes', async () => {
    const id = await report();
    await put(id, { reportSubmittedOn: '2026-05-20', decidedOn: '2026-06-01', checklist: ALL, liability: true, conclusion: '责任事故' });
    const added = await addAccountability(id);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().accountability).toMatchObject([{ person: '王某', org: '某建设公司', decision: '移送司法机关' }]);
    const res = await close(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ investigationClosed: true, investigation: { closedAt: '2026-08-01T02:00:00.000Z', closeProblems: [] } });
    expect(res.json().actions).toEqual(['supplement', 'escalate']);
    expect((await put(id, { conclusion: '改' })).statusCode).toBe(409);
    expect((await addAccountability(id)).statusCode).toBe(409);
    expect((await close(id)).statusCode).toBe(409);
  });

  it('needs no accountability for an accident found free of liability', async () => {
    const id = await report();
    await put(id, { reportSubmittedOn: '2026-05-20', decidedOn: '2026-06-01', checklist: ALL, liability: false });
    expect((await close(id)).statusCode).toBe(200);
  });

  it('refuses dates out of order, in the future or before the accident', async () => {
    const id = await report();
    const cases: [object, string][] = [
      [{ decidedOn: '2026-06-01' }, 'body.decidedOn'],
      [{ reportSubmittedOn: '2026-03-01' }, 'body.reportSubmittedOn'],
      [{ reportSubmittedOn: '2026-09-01' }, 'body.reportSubmittedOn'],
      [{ reportSubmittedOn: '2026-05-20', decidedOn: '2026-05-19' }, 'body.decidedOn'],
    ];
    for (const [body, field] of cases) {
      const res = await put(id, body);
      expect([res.statusCode, res.json().details[0].field], JSON.stringify(body)).toEqual([422, field]);
    }
    const unknown = await put(id, { checklist: { fate: true } });
    expect([unknown.statusCode, unknown.json().details[0].field]).toEqual([400, 'body.checklist.fate']);
    const empty = await addAccountability(id, { person: '', failure: 'x', decision: 'y' });
    expect([empty.statusCode, empty.json().details[0].field]).toEqual([400, 'body.person']);
    expect((await t.db.selectFrom('accident_investigations').selectAll().where('accident_id', '=', id).execute())).toEqual([]);
  });

  it('is for accident.investigate holders; a reader sees it without the actions', async () => {
    const id = await report();
    expect((await t.request({ method: 'PUT', url: `/api/accidents/${id}/investigation`, cookie: reader, payload: { extended: true } })).statusCode).toBe(403);
    const seen = (await t.request({ method: 'GET', url: `/api/accidents/${id}`, cookie: reader })).json();
    expect(seen.actions).toEqual([]);
  });
});
