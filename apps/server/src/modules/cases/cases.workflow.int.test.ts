import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { caseWorld, FINE, RECTIFY, SUSPEND } from './cases.fixture.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof caseWorld>>;

// Monday 2 March 2026, 10:00 in Shanghai.
beforeAll(async () => {
  t = await createTestApp({ start: '2026-03-02T02:00:00Z' });
  w = await caseWorld(t);
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const enterpriseStatus = async (id: string) => (await t.db.selectFrom('enterprises').select('status').where('org_id', '=', id).executeTakeFirstOrThrow()).status;
const eventCount = async (id: string) => (await t.db.selectFrom('case_events').select('id').where('case_id', '=', id).execute()).length;

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  return parts.join('\n');
}

describe('a case from 立案 to 结案', () => {
  let id: string;

  it('is filed with its number, and an illegal act is a 409 naming what is allowed', async () => {
    const res = await w.post(w.people.staff.cookie, '/api/cases', { enterpriseId: w.enterprise.id, cause: '未按规定设置可燃气体报警装置', facts: '储罐区未设置报警装置。' });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ number: '正应急立〔2026〕1号', status: 'filed', filedOn: '2026-03-02', dueOn: '2026-05-31', enterpriseName: '正定县恒泰化工有限公司' });
    expect(res.json().actions).toContain('investigate');
    const early = await w.post(w.people.staff.cookie, `/api/cases/${id}/decide`, { measures: [FINE] });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ILLEGAL_TRANSITION');
    expect((await w.post(w.people.staff.cookie, `/api/cases/${id}/investigate`, {})).statusCode).toBe(200);
  });

  it('refuses a fine without a legal basis with a 422 naming the field, writing nothing', async () => {
    const before = await eventCount(id);
    const res = await w.post(w.people.staff.cookie, `/api/cases/${id}/submit-review`, { facts: '事实', measures: [{ kind: 'fine', amountFen: 5_000_000 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'body.measures.0.legalBasis', reason: 'required' })]);
    expect(await eventCount(id)).toBe(before);
    const detail = await w.get(w.people.staff.cookie, `/api/cases/${id}`);
    expect(detail.json()).toMatchObject({ status: 'investigating', proposedMeasures: [] });
  });

  it('is reviewed and notified, with the notice as a numbered PDF and a hearing right for 停产整顿', async () => {
    expect((await w.post(w.people.staff.cookie, `/api/cases/${id}/submit-review`, { facts: '储罐区未设置可燃气体报警装置。', measures: [FINE, SUSPEND, RECTIFY] })).statusCode).toBe(200);
    const res = await w.post(w.people.staff.cookie, `/api/cases/${id}/notify`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'notified', notifiedOn: '2026-03-02', hearingRight: true, responseLastDay: '2026-03-07' });
    expect(res.json().documents).toEqual([expect.objectContaining({ kind: 'penalty_notice', number: '正应急罚告〔2026〕1号' })]);
  });

  it('refuses a decision while the 5-day hearing period runs (the last day included), naming why', async () => {
    for (const day of [0, 5]) {
      t.clock.set(new Date(Date.parse('2026-03-02T02:00:00Z') + day * DAY));
      await w.relogin();
      const res = await w.post(w.people.staff.cookie, `/api/cases/${id}/decide`, { measures: [FINE, SUSPEND, RECTIFY] });
      expect(res.statusCode).toBe(422);
      expect(res.json().details[0]).toMatchObject({ field: 'body.notifiedOn', reason: 'notice_period_running' });
      expect(res.json().details[0].message).toContain('2026-03-08');
      expect(await enterpriseStatus(w.enterprise.id)).toBe('operating');
    }
  });

  it('never decides heavier than notified', async () => {
    t.clock.set('2026-03-08T02:00:00Z');
    await w.relogin();
    const res = await w.post(w.people.staff.cookie, `/api/cases/${id}/decide`, { measures: [{ ...FINE, amountFen: 6_000_000 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0]).toMatchObject({ field: 'body.measures.0.amountFen', reason: 'heavier_than_notified' });
  });

  it('decides: the enterprise is suspended in the same transaction, and the decisions are issued as PDFs', async () => {
    const res = await w.post(w.people.staff.cookie, `/api/cases/${id}/decide`, { measures: [FINE, SUSPEND, RECTIFY] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'decided', decidedOn: '2026-03-08', fineFen: 5_000_000 });
    expect(await enterpriseStatus(w.enterprise.id)).toBe('suspended');
    const kinds = res.json().documents.map((d: { kind: string; number: string }) => `${d.kind} ${d.number}`);
    expect(kinds).toEqual(['penalty_notice 正应急罚告〔2026〕1号', 'penalty_decision 正应急罚〔2026〕1号', 'suspension_decision 正应急停〔2026〕1号', 'rectify_order 正应急责改〔2026〕1号']);
  });

  it('a decision PDF carries the case number, the enterprise and the measure in an embedded subset font', async () => {
    const detail = (await w.get(w.people.staff.cookie, `/api/cases/${id}`)).json();
    const doc = detail.documents.find((d: { kind: string }) => d.kind === 'penalty_decision');
    const res = await w.get(w.people.staff.cookie, `/api/cases/${id}/documents/${doc.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);
    const text = (await pdfText(bytes)).replace(/\s+/g, '');
    for (const s of ['行政处罚决定书', '正应急罚〔2026〕1号', detail.number, '正定县恒泰化工有限公司', '罚款人民币50,000.00元', '责令停产停业整顿', '第一百零一条', '申请行政复议', '正定县人民政府']) expect(text).toContain(s);
    // The font travels in the file as a subset (a 6-letter tag before its name), so the glyphs are present on any machine.
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(raw).toMatch(/\/FontFile[23]? /);
    expect(bytes.length).toBeLessThan(200_000);
    expect(doc.generatedMs).toBeGreaterThan(0);
    console.info(`penalty decision: ${bytes.length} bytes, generated in ${doc.generatedMs} ms`);
  });

  it('shows the enterprise its own case and documents, but no act; another industry’s department sees nothing', async () => {
    const list = await w.get(w.people.enterprise.cookie, '/api/cases');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(id);
    const detail = await w.get(w.people.enterprise.cookie, `/api/cases/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().actions).toEqual([]);
    expect((await w.get(w.people.enterprise.cookie, `/api/cases/${id}/documents/${detail.json().documents[0].id}`)).statusCode).toBe(200);
    expect((await w.post(w.people.enterprise.cookie, `/api/cases/${id}/serve`, { servedOn: '2026-03-08', method: 'direct', recipient: '李四' })).statusCode).toBe(403);
    expect((await w.get(w.people.housing.cookie, `/api/cases/${id}`)).statusCode).toBe(404);
    expect((await w.get(w.people.sibling.cookie, `/api/cases/${id}`)).statusCode).toBe(404);
    // The county's leader sees it, without acts: acting is the handling department's.
    const leader = await w.get(w.people.leader.cookie, `/api/cases/${id}`);
    expect(leader.statusCode).toBe(200);
    expect(leader.json().actions).toEqual([]);
  });

  it('is served, executed (never more paid than decided) and closed', async () => {
    expect((await w.post(w.people.staff.cookie, `/api/cases/${id}/serve`, { servedOn: '2026-03-07', method: 'direct', recipient: '李四' })).json().details[0].field).toBe('body.servedOn');
    expect((await w.post(w.people.staff.cookie, `/api/cases/${id}/serve`, { servedOn: '2026-03-08', method: 'direct', recipient: '李四' })).statusCode).toBe(200);
    const over = await w.post(w.people.staff.cookie, `/api/cases/${id}/execute`, { paidFen: 5_000_001, note: '已缴纳' });
    expect(over.json().details[0]).toMatchObject({ field: 'body.paidFen', reason: 'more_than_decided' });
    expect((await w.post(w.people.staff.cookie, `/api/cases/${id}/execute`, { paidFen: 5_000_000, note: '罚款已缴纳，整改完成' })).json()).toMatchObject({ status: 'executed', paidFen: 5_000_000 });
    const closed = await w.post(w.people.staff.cookie, `/api/cases/${id}/close`, {});
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-03-08', actions: [] });
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual(['file', 'investigate', 'submit_review', 'notify', 'decide', 'serve', 'execute', 'close']);
  });

  it('produces a document on demand with the next number; one the state does not allow is a 422', async () => {
    const res = await w.post(w.people.staff.cookie, `/api/cases/${id}/documents`, { kind: 'reinspection_opinion' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().number).toBe('正应急复查〔2026〕1号');
    const other = await w.notified([FINE]);
    const refused = await w.post(w.people.staff.cookie, `/api/cases/${other}/documents`, { kind: 'penalty_decision' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details[0].field).toBe('body.kind');
  });
});

describe('ending otherwise', () => {
  it('不予处罚, 撤销 and 移送 each need their reason, and end the case for good', async () => {
    const a = await w.notified([FINE]);
    expect((await w.post(w.people.staff.cookie, `/api/cases/${a}/no-penalty`, { reason: '违法行为轻微并及时改正' })).statusCode).toBe(400);
    expect((await w.post(w.people.staff.cookie, `/api/cases/${a}/no-penalty`, { reason: '违法行为轻微并及时改正，没有造成危害后果', legalBasis: '《行政处罚法》第三十三条' })).json().status).toBe('no_penalty');
    expect((await w.post(w.people.staff.cookie, `/api/cases/${a}/revoke`, { reason: '重复立案' })).statusCode).toBe(409);
    const b = await w.notified([FINE]);
    expect((await w.post(w.people.staff.cookie, `/api/cases/${b}/transfer`, { organ: '正定县公安局', reason: '涉嫌重大责任事故罪' })).json()).toMatchObject({ status: 'transferred', outcomeReason: '移送正定县公安局：涉嫌重大责任事故罪' });
  });

  it('a hearing asked for holds the decision until it is held', async () => {
    const id = await w.notified([{ ...FINE, amountFen: 10_000_000 }]);
    expect((await w.post(w.people.staff.cookie, `/api/cases/${id}/record-response`, { kind: 'hearing_request', content: '当事人书面申请听证' })).statusCode).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + 20 * DAY));
    await w.relogin();
    const held = await w.post(w.people.staff.cookie, `/api/cases/${id}/decide`, { measures: [FINE] });
    expect(held.json().details[0]).toMatchObject({ field: 'body.hearing', reason: 'hearing_pending' });
    expect((await w.post(w.people.staff.cookie, `/api/cases/${id}/record-response`, { kind: 'hearing_held', content: '已举行听证' })).statusCode).toBe(200);
    expect((await w.post(w.people.staff.cookie, `/api/cases/${id}/decide`, { measures: [FINE] })).json().status).toBe('decided');
  });
});
