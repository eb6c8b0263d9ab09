import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { FINE, RECTIFY } from '../cases/cases.fixture.js';

/** 复查: an inspection of type reinspection names the case whose 责令限期整改 it re-checks. */
let t: TestApp;
const p: Record<'inspector' | 'staff' | 'sibling' | 'officer', { id: string; cookie: string }> = {} as never;
let enterprise: string;
let other: string;
let elsewhere: string;
let checklist: { id: string; keys: string[] };

const req = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.request({ method, url, cookie, ...(payload ? { payload } : {}) });

async function decided(cookie: string, enterpriseId: string, measures: object[]): Promise<{ id: string; number: string }> {
  const filed = await req(cookie, 'POST', '/api/cases', { enterpriseId, cause: '除尘系统未设置泄爆装置', facts: '现场检查发现布袋除尘器未设置泄爆片。' });
  if (filed.statusCode !== 201) throw new Error(filed.body);
  const id = filed.json().id as string;
  for (const [action, body] of [['investigate', {}], ['submit-review', { facts: '布袋除尘器未设置泄爆片，有现场检查记录为证。', measures }], ['notify', {}], ['record-response', { kind: 'waiver', content: '书面放弃陈述申辩' }], ['decide', { measures }]] as const) {
    const res = await req(cookie, 'POST', `/api/cases/${id}/${action}`, body);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
  }
  return { id, number: filed.json().number };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) parts.push((await (await doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(''));
  return parts.join('\n');
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  const f = t.factories;
  const dept = await f.org({ type: 'department', regionCode: '130123', name: '正定县应急管理局', industries: ['dust_explosion', 'hazardous_chemicals'] });
  const sibling = await f.org({ type: 'department', regionCode: '130125', name: '行唐县应急管理局', industries: ['dust_explosion', 'hazardous_chemicals'] });
  enterprise = (await f.enterprise({ regionCode: '130123100001', name: '正定县复查测试木业有限公司', industries: ['dust_explosion'] })).id;
  other = (await f.enterprise({ regionCode: '130123100001', name: '正定县复查测试面粉有限公司', industries: ['dust_explosion'] })).id;
  elsewhere = (await f.enterprise({ regionCode: '130125100001', name: '行唐县复查测试木业有限公司', industries: ['dust_explosion'] })).id;
  const person = async (orgId: string, role: string) => {
    const u = await f.user({ orgId, roles: [role] });
    return { id: u.id, cookie: await t.login(u.username) };
  };
  p.inspector = await person(dept, 'inspector');
  p.staff = await person(dept, 'department_staff');
  p.sibling = await person(sibling, 'department_staff');
  p.officer = await person(enterprise, 'enterprise_safety_officer');
  const c = (await req(p.inspector.cookie, 'GET', '/api/inspection-checklists?industryCode=dust_explosion')).json().items[0];
  checklist = { id: c.id, keys: (await req(p.inspector.cookie, 'GET', `/api/inspection-checklists/${c.id}`)).json().items.map((i: { key: string }) => i.key) };
});
afterAll(async () => t?.close());

describe('复查 of a 责令限期整改', () => {
  const body = (caseId?: string, over: object = {}) => ({ type: 'reinspection', enterpriseId: enterprise, inspectedOn: '2026-06-01', checklistId: checklist.id, team: [p.inspector.id], ...(caseId ? { caseId } : {}), ...over });

  it('names a case with a decided order, of this enterprise, in scope — else a 4xx naming caseId', async () => {
    const fineOnly = await decided(p.staff.cookie, enterprise, [FINE]);
    const otherOrder = await decided(p.staff.cookie, other, [{ ...RECTIFY, deadline: '2026-07-31' }]);
    const siblingOrder = await decided(p.sibling.cookie, elsewhere, [{ ...RECTIFY, deadline: '2026-07-31' }]);
    const cases = [
      [body(), 422], [body(fineOnly.id), 422], [body(otherOrder.id), 422], [body(siblingOrder.id), 404], [body('4b7c0d2e-7a43-4c55-9a35-0d8e0b0f2a11'), 404],
      [body(otherOrder.id, { type: 'campaign', enterpriseId: other }), 422],
    ] as const;
    for (const [payload, status] of cases) {
      const res = await req(p.inspector.cookie, 'POST', '/api/inspections', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().details[0].field).toBe('body.caseId');
    }
    expect((await req(p.inspector.cookie, 'GET', '/api/inspections')).json().items).toHaveLength(0);
    const noOrder = await req(p.inspector.cookie, 'POST', '/api/inspections', body(fineOnly.id));
    expect(noOrder.json().details[0].reason).toBe('no_rectify_order');
  });

  it('before the order’s deadline is allowed; the case lists it; the 整改复查意见书 cites its date and result', async () => {
    const order = await decided(p.staff.cookie, enterprise, [{ ...RECTIFY, deadline: '2026-07-31' }]);
    const res = await req(p.inspector.cookie, 'POST', '/api/inspections', body(order.id));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json().orderCase).toEqual({ id: order.id, number: order.number });
    // Listed on the case while a draft (the department), never shown to the enterprise before it is signed.
    expect((await req(p.staff.cookie, 'GET', `/api/cases/${order.id}`)).json().reinspections).toMatchObject([{ id, status: 'draft', inspectedOn: '2026-06-01' }]);
    expect((await req(p.officer.cookie, 'GET', `/api/cases/${order.id}`)).json().reinspections).toEqual([]);
    const results = checklist.keys.map((k) => ({ itemKey: k, result: k === 'g.training' ? 'fail' : 'pass', note: k === 'g.training' ? '培训记录仍不全' : undefined }));
    expect((await req(p.inspector.cookie, 'PUT', `/api/inspections/${id}/results`, { results, summary: '泄爆片已加装，培训记录仍不全' })).statusCode).toBe(200);
    const signed = await req(p.inspector.cookie, 'POST', `/api/inspections/${id}/record`, { inspectorSignatures: [{ userId: p.inspector.id, password: TEST_PASSWORD }], enterpriseSignature: { name: '现场负责人' } });
    expect(signed.statusCode, signed.body).toBe(200);
    const kase = (await req(p.officer.cookie, 'GET', `/api/cases/${order.id}`)).json();
    expect(kase.reinspections).toMatchObject([{ id, status: 'recorded', inspectedOn: '2026-06-01', summary: '泄爆片已加装，培训记录仍不全', failedCount: 1, majorCount: 0, orgName: '正定县应急管理局' }]);
    const doc = await req(p.staff.cookie, 'POST', `/api/cases/${order.id}/documents`, { kind: 'reinspection_opinion' });
    expect(doc.statusCode, doc.body).toBe(201);
    const pdf = await req(p.staff.cookie, 'GET', `/api/cases/${order.id}/documents/${doc.json().id}`);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('正定县应急管理局于2026年6月1日对你单位依照案件');
    expect(text).toContain('泄爆片已加装，培训记录仍不全');
    expect(text).toContain('仍有1项不合格');
    expect(text).toContain(order.number);
  });
});
