import crypto from 'node:crypto';
import type { CaseAction } from '@anjian/domain';
import { createFileStorage } from '../../platform/files/storage.js';
import { TEST_PASSWORD } from '../harness.js';
import { REGIONS, type AccessCase, type Position, type World } from './world.js';

/*
 * Access cases for the enforcement routes (modules/cases). The target records concern the
 * world's enterprise (建筑施工, in a village of the child's township), handled by C's office:
 * C and its parent see them, and so does the child (the enterprise lies in its township); the
 * sibling, the fireworks department of C and the sibling county's department do not; the
 * enterprise sees its own. Acting on a case is the handling organisation's (C's) alone.
 */
type Expect = Record<Position, number>;
const reads: Expect = { own: 200, parent: 200, sibling: 404, child: 200, department: 404, siblingDepartment: 404, enterprise: 200, anonymous: 401 };
/** Acts on a case: only the handling organisation; others who see it 403; the enterprise lacks the permission. */
const acts = (ok: number): Expect => ({ own: ok, parent: 403, sibling: 404, child: 403, department: 404, siblingDepartment: 404, enterprise: 403, anonymous: 401 });
/** Acts on other records in scope: whoever sees them and holds the permission. */
const inScope = (ok: number): Expect => ({ own: ok, parent: ok, sibling: 404, child: ok, department: 404, siblingDepartment: 404, enterprise: 403, anonymous: 401 });
const FINE = { kind: 'fine', amountFen: 1_000_000, legalBasis: '《安全生产法》第一百零一条' };

async function insertCase(w: World, patch: Record<string, unknown> = {}): Promise<string> {
  const now = new Date();
  const row = await w.t.db.insertInto('cases').values({
    number: `访问测试立〔2026〕${crypto.randomUUID().slice(0, 8)}号`, enterprise_id: w.orgs.enterprise, enterprise_name: '正定恒东建材有限公司', region_code: REGIONS.enterprise,
    industry_code: 'construction', org_id: w.orgs.own, org_name: '正定县安委办', org_region_code: REGIONS.own, cause: '访问测试案件', facts: '事实', source: 'inspection',
    status: 'filed', filed_on: '2026-01-01', created_at: now, updated_at: now, ...patch,
  } as never).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const measures = JSON.stringify([FINE]);
/** Each act in a state where it is legal, with a body that passes its guards. */
const ACTS: Record<CaseAction, { state: Record<string, unknown>; body: object }> = {
  investigate: { state: {}, body: {} },
  submit_review: { state: { status: 'investigating' }, body: { facts: '事实清楚', measures: [FINE] } },
  return_investigation: { state: { status: 'reviewing', proposed_measures: measures }, body: { reason: '证据不足' } },
  notify: { state: { status: 'reviewing', proposed_measures: measures }, body: {} },
  record_response: { state: { status: 'notified', proposed_measures: measures, notified_on: '2026-01-05' }, body: { kind: 'statement', content: '陈述申辩' } },
  decide: { state: { status: 'notified', proposed_measures: measures, notified_on: '2026-01-05' }, body: { measures: [FINE] } },
  serve: { state: { status: 'decided', notified_on: '2026-01-05', decided_on: '2026-01-10' }, body: { servedOn: '2026-01-11', method: 'direct', recipient: '张三' } },
  execute: { state: { status: 'served', decided_on: '2026-01-10', served_on: '2026-01-11' }, body: { paidFen: 0, note: '执行完毕' } },
  close: { state: { status: 'executed', decided_on: '2026-01-10', served_on: '2026-01-11', executed_on: '2026-01-20' }, body: {} },
  no_penalty: { state: { status: 'investigating' }, body: { reason: '违法行为轻微', legalBasis: '《行政处罚法》第三十三条' } },
  revoke: { state: {}, body: { reason: '重复立案' } },
  transfer: { state: { status: 'investigating' }, body: { organ: '正定县公安局', reason: '涉嫌犯罪' } },
  extend: { state: {}, body: { days: 30, reason: '案情复杂', approver: '局长' } },
};

const memo = new WeakMap<World, Record<string, Promise<string>>>();
function once(w: World, key: string, make: () => Promise<string>): Promise<string> {
  let m = memo.get(w);
  if (!m) memo.set(w, (m = {}));
  return (m[key] ??= make());
}

/** The shared read targets: a decided case with one document, a resumption, a re-check, a blacklist entry, an interview. */
const target = (w: World) => once(w, 'case', () => insertCase(w, { status: 'decided', notified_on: '2026-01-05', decided_on: '2026-01-10', cause: '访问测试目标案件' }));
const targetDocument = (w: World) => once(w, 'document', async () => {
  const bytes = Buffer.from('%PDF-1.4\n% access test\n');
  const sha256 = await createFileStorage(w.t.config.dataDir).put(bytes);
  const user = await w.actor('own', 'department_staff');
  const file = await w.t.db.insertInto('files').values({ sha256, mime: 'application/pdf', size: bytes.length, name: 't.pdf', uploaded_by: user.userId, uploaded_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  const doc = await w.t.db.insertInto('case_documents').values({ case_id: await target(w), kind: 'penalty_decision', number: `访问测试罚〔2026〕${crypto.randomUUID().slice(0, 6)}号`, file_id: file.id, sha256, size: bytes.length, generated_at: new Date(), generated_by: user.userId, generated_ms: 1 }).returning('id').executeTakeFirstOrThrow();
  return doc.id;
});
async function freshResumption(w: World): Promise<string> {
  await w.t.db.deleteFrom('resumptions').where('enterprise_id', '=', w.orgs.enterprise).where('status', '=', 'applied').execute();
  const user = await w.actor('enterprise', 'enterprise_safety_officer');
  const row = await w.t.db.insertInto('resumptions').values({ enterprise_id: w.orgs.enterprise, enterprise_name: '正定恒东建材有限公司', region_code: REGIONS.enterprise, industry_code: 'construction', status: 'applied', statement: '申请复产', applied_by: user.userId, applied_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
const freshRecheck = async (w: World) => (await w.t.db.insertInto('closure_rechecks').values({ enterprise_id: w.orgs.enterprise, enterprise_name: '正定恒东建材有限公司', region_code: REGIONS.enterprise, industry_code: 'construction', case_id: await target(w), due_on: '2026-04-01' }).returning('id').executeTakeFirstOrThrow()).id;
async function freshEntry(w: World): Promise<string> {
  const row = await w.t.db.insertInto('blacklist_entries').values({
    enterprise_id: w.orgs.enterprise, enterprise_name: '正定恒东建材有限公司', region_code: REGIONS.enterprise, case_id: await target(w), reason: '访问测试黑名单', legal_basis: '联合惩戒',
    from_on: '2026-01-01', to_on: '2099-12-31', issuing_level: 3, issuing_org_id: w.orgs.own, issuing_org_name: '正定县安委办', created_at: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
async function freshInterview(w: World): Promise<string> {
  const row = await w.t.db.insertInto('interviews').values({
    enterprise_id: w.orgs.enterprise, enterprise_name: '正定恒东建材有限公司', region_code: REGIONS.enterprise, industry_code: 'construction', org_id: w.orgs.own, org_name: '正定县安委办',
    held_on: '2026-02-01', principal: '王某', attendees: ['李某'], reasons: '访问测试约谈', commitments: '整改', follow_up_on: '2026-03-01', created_at: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const sees = (marker: (w: World) => Promise<string>, department = false, enterprise = true) => ({
  marker: async (w: World) => `"id":"${await marker(w)}"`, own: true, parent: true, sibling: false, child: true, department, siblingDepartment: false, enterprise,
});

export const casesCases: AccessCase[] = [
  { route: 'GET /api/cases', role: 'department_staff', request: () => ({ method: 'GET', url: '/api/cases?limit=500' }), expect: { ...reads, sibling: 200, department: 200, siblingDepartment: 200 }, sees: sees(target) },
  { route: 'POST /api/cases', role: 'department_staff', request: (w) => ({ method: 'POST', url: '/api/cases', payload: { enterpriseId: w.orgs.enterprise, cause: '访问测试立案' } }), expect: inScope(201) },
  { route: 'GET /api/cases/figures', role: 'department_staff', request: () => ({ method: 'GET', url: '/api/cases/figures' }), expect: { ...reads, sibling: 200, department: 200, siblingDepartment: 200 } },
  { route: 'GET /api/cases/{id}', role: 'department_staff', request: async (w) => ({ method: 'GET', url: `/api/cases/${await target(w)}` }), expect: reads },
  ...(Object.keys(ACTS) as CaseAction[]).map((action): AccessCase => ({
    route: `POST /api/cases/{id}/${action.replaceAll('_', '-')}`, role: 'department_staff',
    request: async (w) => ({ method: 'POST', url: `/api/cases/${await insertCase(w, ACTS[action].state)}/${action.replaceAll('_', '-')}`, payload: ACTS[action].body }),
    expect: acts(200),
  })),
  { route: 'POST /api/cases/{id}/documents', role: 'department_staff', request: async (w) => ({ method: 'POST', url: `/api/cases/${await insertCase(w)}/documents`, payload: { kind: 'inspection_record' } }), expect: acts(201) },
  { route: 'GET /api/cases/{id}/documents/{documentId}', role: 'department_staff', request: async (w) => ({ method: 'GET', url: `/api/cases/${await target(w)}/documents/${await targetDocument(w)}` }), expect: reads },

  { route: 'GET /api/resumptions', role: 'department_staff', request: () => ({ method: 'GET', url: '/api/resumptions' }), expect: { ...reads, sibling: 200, department: 200, siblingDepartment: 200 }, sees: sees((w) => once(w, 'resumption', () => freshResumption(w))) },
  {
    route: 'POST /api/resumptions', role: 'department_staff',
    request: async (w) => {
      // Only the enterprise may apply, and only while suspended with nothing pending.
      await w.t.db.updateTable('enterprises').set({ status: 'suspended' }).where('org_id', '=', w.orgs.enterprise).execute();
      await w.t.db.deleteFrom('resumptions').where('enterprise_id', '=', w.orgs.enterprise).where('status', '=', 'applied').execute();
      return { method: 'POST', url: '/api/resumptions', payload: { enterpriseId: w.orgs.enterprise, statement: '已整改' } };
    },
    expect: { own: 403, parent: 403, sibling: 403, child: 403, department: 403, siblingDepartment: 403, enterprise: 201, anonymous: 401 },
  },
  { route: 'POST /api/resumptions/{id}/accept', role: 'department_staff', request: async (w) => ({ method: 'POST', url: `/api/resumptions/${await freshResumption(w)}/accept`, payload: { password: TEST_PASSWORD, summary: '复查合格' } }), expect: inScope(200) },
  { route: 'POST /api/resumptions/{id}/refuse', role: 'department_staff', request: async (w) => ({ method: 'POST', url: `/api/resumptions/${await freshResumption(w)}/refuse`, payload: { reason: '未整改到位' } }), expect: inScope(200) },

  { route: 'GET /api/closure-rechecks', role: 'department_staff', request: () => ({ method: 'GET', url: '/api/closure-rechecks' }), expect: { ...reads, sibling: 200, department: 200, siblingDepartment: 200 }, sees: sees((w) => once(w, 'recheck', () => freshRecheck(w)), false, false) },
  { route: 'POST /api/closure-rechecks/{id}', role: 'department_staff', request: async (w) => ({ method: 'POST', url: `/api/closure-rechecks/${await freshRecheck(w)}`, payload: { result: 'still_closed', note: '无生产迹象' } }), expect: inScope(200) },

  // 联合惩戒: a department of C sees the entry whatever it supervises.
  { route: 'GET /api/blacklist', role: 'department_staff', request: () => ({ method: 'GET', url: '/api/blacklist' }), expect: { ...reads, sibling: 200, department: 200, siblingDepartment: 200 }, sees: sees((w) => once(w, 'entry', () => freshEntry(w)), true) },
  { route: 'POST /api/blacklist', role: 'department_staff', request: async (w) => ({ method: 'POST', url: '/api/blacklist', payload: { caseId: await target(w), reason: '拒不整改', legalBasis: '联合惩戒', fromOn: '2026-01-01', toOn: '2026-12-31' } }), expect: inScope(201) },
  // 信用修复 by the issuing organisation (C, county level) or a level above; the child and C's department see it but may not.
  { route: 'POST /api/blacklist/{id}/repair', role: 'department_staff', request: async (w) => ({ method: 'POST', url: `/api/blacklist/${await freshEntry(w)}/repair`, payload: { reason: '信用修复' } }), expect: { ...inScope(200), child: 403, department: 403 } },

  { route: 'GET /api/interviews', role: 'department_staff', request: () => ({ method: 'GET', url: '/api/interviews' }), expect: { ...reads, sibling: 200, department: 200, siblingDepartment: 200 }, sees: sees((w) => once(w, 'interview', () => freshInterview(w))) },
  { route: 'POST /api/interviews', role: 'department_staff', request: (w) => ({ method: 'POST', url: '/api/interviews', payload: { enterpriseId: w.orgs.enterprise, heldOn: '2026-02-01', principal: '王某', attendees: ['李某'], reasons: '多次违法', commitments: '限期整改', followUpOn: '2026-03-01' } }), expect: inScope(201) },
  { route: 'POST /api/interviews/{id}/follow-up', role: 'department_staff', request: async (w) => ({ method: 'POST', url: `/api/interviews/${await freshInterview(w)}/follow-up`, payload: { result: '已整改' } }), expect: inScope(200) },
];
