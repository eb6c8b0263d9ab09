import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, INSPECTION_TYPES } from '@anjian/domain';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { DEFAULT_DEMO_PASSWORD, seedDemo } from '../demo/index.js';
import { DEMO_ENTERPRISE_NAME } from '../demo/demo-enterprises.js';

/*
 * What issue 12's demo promises a newcomer in 正定县: cases in every state with their PDFs,
 * one enterprise suspended (waiting for acceptance), one resumed after acceptance, one closed
 * (with its re-checks), one blacklisted — read through the routes the departments use.
 */
let t: TestApp;
let emergency: string;
let housing: string;
interface Row { id: string; number: string; status: string; enterpriseId: string; enterpriseName: string; orgName: string }
interface Doc { id: string; kind: string; sha256: string }
const cases: (Row & { documents: Doc[] })[] = [];

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-20T04:00:00Z' });
  const { summary } = await seedDemo(t.db, { demoProvince: '13', pii: t.pii, dataDir: t.config.dataDir });
  expect(summary).toMatch(/enforcement cases: \d+ cases of 应急管理局, 1 of 住建局 \(正定县恒安建材有限公司 suspended, applied for acceptance\), \d+ documents/);
  emergency = await t.login('zd.emergency', DEFAULT_DEMO_PASSWORD);
  housing = await t.login('zd.housing', DEFAULT_DEMO_PASSWORD);
  for (const cookie of [emergency, housing]) {
    const rows = (await t.request({ method: 'GET', url: '/api/cases?limit=200', cookie })).json().items as Row[];
    for (const row of rows) cases.push({ ...row, documents: (await t.request({ method: 'GET', url: `/api/cases/${row.id}`, cookie })).json().documents });
  }
}, 300_000);
afterAll(async () => t?.close());

const cookieOf = (c: Row) => (c.orgName === '正定县住房和城乡建设局' ? housing : emergency);
const enterpriseOf = async (id: string, cookie = emergency) => (await t.request({ method: 'GET', url: `/api/enterprises/${id}`, cookie })).json() as { status: string; statusReason: string | null };

describe('demo enforcement of 正定县', () => {
  it('has inspections of every type by each department, each 复查 re-checking an order of that department\'s case', async () => {
    const rows = await t.db.selectFrom('inspections as i').innerJoin('orgs as o', 'o.id', 'i.org_id').leftJoin('cases as c', 'c.id', 'i.order_case_id')
      .select(['i.type', 'o.name', 'c.org_id as case_org', 'i.org_id']).execute();
    for (const org of ['正定县应急管理局', '正定县住房和城乡建设局']) expect(new Set(rows.filter((r) => r.name === org).map((r) => r.type)), org).toEqual(new Set(INSPECTION_TYPES));
    const reinspections = rows.filter((r) => r.type === 'reinspection');
    expect(reinspections.length).toBeGreaterThanOrEqual(2);
    expect(reinspections.every((r) => r.case_org === r.org_id)).toBe(true);
  });

  it('has cases of both departments in every state of the table', () => {
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
    expect(new Set(cases.map((c) => c.orgName))).toEqual(new Set(['正定县应急管理局', '正定县住房和城乡建设局']));
  });

  it('gives every case its PDFs: the inspection record always, the notice once notified, the decisions once decided', async () => {
    const kindsOf = (status: string) => cases.filter((c) => c.status === status).flatMap((c) => c.documents.map((d) => d.kind));
    for (const c of cases) expect(c.documents.map((d) => d.kind), c.number).toContain('inspection_record');
    for (const status of ['notified', 'decided', 'served', 'executed', 'closed']) expect(kindsOf(status), status).toContain('penalty_notice');
    for (const status of ['decided', 'served', 'executed', 'closed']) expect(kindsOf(status), status).toContain('penalty_decision');
    expect(cases.flatMap((c) => c.documents.map((d) => d.kind))).toEqual(expect.arrayContaining(['suspension_decision', 'rectify_order']));
    // Each stored PDF is real and is the one its hash names.
    for (const c of cases) {
      for (const d of c.documents) {
        const res = await t.request({ method: 'GET', url: `/api/cases/${c.id}/documents/${d.id}`, cookie: cookieOf(c) });
        expect(res.statusCode, `${c.number} ${d.kind}`).toBe(200);
        expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        expect(crypto.createHash('sha256').update(res.rawPayload).digest('hex')).toBe(d.sha256);
      }
    }
  });

  it('has one enterprise suspended by a decision and waiting for 复产验收, one resumed after acceptance', async () => {
    const resumptions = [
      ...(await t.request({ method: 'GET', url: '/api/resumptions', cookie: emergency })).json().items,
      ...(await t.request({ method: 'GET', url: '/api/resumptions', cookie: housing })).json().items,
    ] as { enterpriseId: string; enterpriseName: string; status: string; decidedByName: string | null; caseId: string | null; caseNumber: string | null }[];
    const applied = resumptions.filter((r) => r.status === 'applied');
    expect(applied.map((r) => r.enterpriseName)).toEqual([DEMO_ENTERPRISE_NAME]);
    const suspended = await enterpriseOf(applied[0]!.enterpriseId, housing);
    const suspendingCase = cases.find((c) => c.id === applied[0]!.caseId)!;
    expect(suspended).toMatchObject({ status: 'suspended', statusReason: `${suspendingCase.number} 责令停产停业整顿` });
    expect(suspendingCase.documents.map((d) => d.kind)).toContain('suspension_decision');
    // The application names its case by number (the page links it by that number).
    expect(applied[0]!.caseNumber).toBe(suspendingCase.number);

    const accepted = resumptions.filter((r) => r.status === 'accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.decidedByName).toMatch(/^吴刚/);
    const resumed = await enterpriseOf(accepted[0]!.enterpriseId);
    expect(resumed.status).toBe('operating');
    expect(resumed.statusReason).toMatch(/^复产验收合格（吴刚/);
  });

  it('has one enterprise closed by a decision, with its scheduled re-checks, and one blacklisted', async () => {
    const rechecks = (await t.request({ method: 'GET', url: '/api/closure-rechecks', cookie: emergency })).json().items as { enterpriseId: string; dueOn: string }[];
    expect(new Set(rechecks.map((k) => k.enterpriseId)).size).toBe(1);
    expect(rechecks.length).toBeGreaterThanOrEqual(2);
    expect((await enterpriseOf(rechecks[0]!.enterpriseId)).status).toBe('closed');

    const listed = (await t.request({ method: 'GET', url: '/api/blacklist?active=true', cookie: emergency })).json().items as { enterpriseId: string; caseId: string; inForce: boolean; legalBasis: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ inForce: true });
    expect(listed[0]!.legalBasis).not.toBe('');
    expect(cases.find((c) => c.id === listed[0]!.caseId)?.status).toBe('closed');
    // Every level whose scope holds the enterprise sees the entry: the county's 安委办 too.
    const office = await t.login('zd.office', DEFAULT_DEMO_PASSWORD);
    expect((await t.request({ method: 'GET', url: '/api/blacklist?active=true', cookie: office })).json().items.map((e: { enterpriseId: string }) => e.enterpriseId)).toEqual([listed[0]!.enterpriseId]);

    const figures = (await t.request({ method: 'GET', url: '/api/cases/figures', cookie: emergency })).json();
    expect(figures).toMatchObject({ resumed: 1, closed: 1, blacklisted: 1 });
  });
});
