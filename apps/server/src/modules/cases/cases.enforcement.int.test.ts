import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_CLOCK_CASES } from '@anjian/domain';
import { Scope } from '../../platform/access/scope.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { createCaseLists } from './cases.lists.js';
import { caseWorld, CLOSE, FINE, SUSPEND, VILLAGE } from './cases.fixture.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof caseWorld>>;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-03-02T02:00:00Z' });
  w = await caseWorld(t);
});
afterAll(async () => t?.close());

const status = async (id: string) => (await t.db.selectFrom('enterprises').select('status').where('org_id', '=', id).executeTakeFirstOrThrow()).status;

describe('the 立案→决定 clock in SQL says what the domain says', () => {
  it.each(CASE_CLOCK_CASES)('$name', async (c) => {
    const { rows } = await sql<{ due: string | null; overdue: boolean }>`select case_due_on(${c.status}, ${c.filedOn}::date, ${c.extensionDays}) as due, case_overdue(${c.status}, ${c.filedOn}::date, ${c.extensionDays}, ${c.today}::date) as overdue`.execute(t.db);
    expect(rows[0]).toEqual({ due: c.dueOn, overdue: c.daysOverdue > 0 });
  });
});

describe('复产验收', () => {
  let resumption: string;
  let hazard: string;

  it('the enterprise applies once it is suspended, once at a time', async () => {
    expect((await w.post(w.people.enterprise.cookie, '/api/resumptions', { enterpriseId: w.enterprise.id, statement: '已整改' })).json().details[0].reason).toBe('not_suspended');
    await w.decided([FINE, SUSPEND]);
    expect(await status(w.enterprise.id)).toBe('suspended');
    hazard = await t.factories.hazard({ regionCode: VILLAGE, enterpriseId: w.enterprise.id, level: 'major', status: 'rectifying', industryCode: 'hazardous_chemicals', title: '储罐区无报警装置' });
    const res = await w.post(w.people.enterprise.cookie, '/api/resumptions', { enterpriseId: w.enterprise.id, statement: '已完成整改，申请复产验收' });
    expect(res.statusCode, res.body).toBe(201);
    resumption = res.json().id;
    expect((await w.post(w.people.enterprise.cookie, '/api/resumptions', { enterpriseId: w.enterprise.id, statement: '再次申请' })).statusCode).toBe(409);
  });

  it('is refused while a 重大 hazard is open, naming why; nothing changes', async () => {
    const res = await w.post(w.people.staff.cookie, `/api/resumptions/${resumption}/accept`, { password: TEST_PASSWORD, items: [{ item: '可燃气体报警装置已安装', passed: true }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'body.enterpriseId', reason: 'open_major_hazards' })]);
    expect(await status(w.enterprise.id)).toBe('suspended');
    expect((await w.get(w.people.staff.cookie, '/api/resumptions')).json().items[0].status).toBe('applied');
  });

  it('needs the acceptor’s own password and a passing checklist', async () => {
    await t.db.updateTable('hazards').set({ status: 'closed', closed_at: new Date(), closed_on: '2026-03-02' }).where('id', '=', hazard).execute();
    const wrong = await w.post(w.people.staff.cookie, `/api/resumptions/${resumption}/accept`, { password: 'not-mine', items: [{ item: '报警装置', passed: true }] });
    expect(wrong.json()).toMatchObject({ code: 'WRONG_PASSWORD' });
    const failed = await w.post(w.people.staff.cookie, `/api/resumptions/${resumption}/accept`, { password: TEST_PASSWORD, items: [{ item: '报警装置', passed: true }, { item: '应急预案', passed: false }] });
    expect(failed.json().details[0]).toMatchObject({ field: 'body.items.1.passed', reason: 'item_failed' });
    const empty = await w.post(w.people.staff.cookie, `/api/resumptions/${resumption}/accept`, { password: TEST_PASSWORD });
    expect(empty.statusCode).toBe(400);
    expect(await status(w.enterprise.id)).toBe('suspended');
  });

  it('is accepted and signed: the enterprise operates again; the enterprise cannot accept, another industry cannot see it', async () => {
    expect((await w.post(w.people.enterprise.cookie, `/api/resumptions/${resumption}/accept`, { password: TEST_PASSWORD, summary: '合格' })).statusCode).toBe(403);
    expect((await w.post(w.people.housing.cookie, `/api/resumptions/${resumption}/accept`, { password: TEST_PASSWORD, summary: '合格' })).statusCode).toBe(404);
    const res = await w.post(w.people.staff.cookie, `/api/resumptions/${resumption}/accept`, { password: TEST_PASSWORD, inspectionId: '4b7c0d2e-7a43-4c55-9a35-0d8e0b0f2a11', items: [{ item: '可燃气体报警装置已安装并联网', passed: true }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(await status(w.enterprise.id)).toBe('operating');
    const row = (await w.get(w.people.enterprise.cookie, '/api/resumptions')).json().items[0];
    expect(row).toMatchObject({ status: 'accepted', inspectionId: '4b7c0d2e-7a43-4c55-9a35-0d8e0b0f2a11' });
    expect((await w.post(w.people.staff.cookie, `/api/resumptions/${resumption}/refuse`, { reason: '晚了' })).statusCode).toBe(409);
  });
});

describe('关闭 and its re-checks', () => {
  it('a closure carried out closes the enterprise for good and schedules four quarterly re-checks', async () => {
    const other = await t.factories.enterprise({ regionCode: VILLAGE, name: '正定县违法小化工厂', industries: ['hazardous_chemicals'] });
    const id = await w.decided([CLOSE], other.id);
    await w.post(w.people.staff.cookie, `/api/cases/${id}/serve`, { servedOn: '2026-03-02', method: 'direct', recipient: '王某' });
    const done = await w.post(w.people.staff.cookie, `/api/cases/${id}/execute`, { paidFen: 0, note: '县政府已依法关闭' });
    expect(done.statusCode, done.body).toBe(200);
    expect(await status(other.id)).toBe('closed');
    const list = (await w.get(w.people.staff.cookie, '/api/closure-rechecks')).json().items.filter((k: { enterpriseId: string }) => k.enterpriseId === other.id);
    expect(list.map((k: { dueOn: string }) => k.dueOn)).toEqual(['2026-05-31', '2026-08-29', '2026-11-27', '2027-02-25']);
    expect(list.every((k: { due: boolean }) => !k.due)).toBe(true);
    expect((await w.get(w.people.housing.cookie, '/api/closure-rechecks')).json().items).toEqual([]);
    // A new case against a closed enterprise is refused: closure is final.
    expect((await w.post(w.people.staff.cookie, '/api/cases', { enterpriseId: other.id, cause: '又一案' })).json().details[0].reason).toBe('closed');

    t.clock.set('2026-06-01T02:00:00Z');
    await w.relogin();
    const due = (await w.get(w.people.staff.cookie, '/api/closure-rechecks')).json().items.find((k: { enterpriseId: string; due: boolean }) => k.enterpriseId === other.id && k.due);
    expect(due.dueOn).toBe('2026-05-31');
    const rec = await w.post(w.people.staff.cookie, `/api/closure-rechecks/${due.id}`, { result: 'still_closed', note: '厂房断电，设备已拆除' });
    expect(rec.statusCode, rec.body).toBe(200);
    expect((await w.post(w.people.staff.cookie, `/api/closure-rechecks/${due.id}`, { result: 'still_closed', note: '再记' })).statusCode).toBe(409);
  });
});

describe('黑名单 and 约谈', () => {
  let entry: string;
  it('lists only after a decision, then every department of the county sees it (联合惩戒), not the next county', async () => {
    const open = await w.notified([FINE]);
    const refused = await w.post(w.people.staff.cookie, '/api/blacklist', { caseId: open, reason: '拒不整改', legalBasis: '安全生产失信行为联合惩戒', fromOn: '2026-06-01', toOn: '2027-05-31' });
    expect(refused.json().details[0]).toMatchObject({ field: 'body.caseId', reason: 'case_not_decided' });
    const decided = await w.decided([FINE]);
    const backwards = await w.post(w.people.staff.cookie, '/api/blacklist', { caseId: decided, reason: '拒不整改', legalBasis: '联合惩戒', fromOn: '2026-06-01', toOn: '2026-05-31' });
    expect(backwards.json().details[0].field).toBe('body.toOn');
    const res = await w.post(w.people.staff.cookie, '/api/blacklist', { caseId: decided, reason: '拒不执行停产整顿决定', legalBasis: '《安全生产严重失信主体名单管理办法》第五条', fromOn: '2026-06-01', toOn: '2027-05-31' });
    expect(res.statusCode, res.body).toBe(201);
    entry = res.json().id;
    const seen = async (cookie: string) => (await w.get(cookie, '/api/blacklist?active=true')).json().items.map((e: { id: string }) => e.id).includes(entry);
    expect(await seen(w.people.staff.cookie)).toBe(true);
    expect(await seen(w.people.housing.cookie)).toBe(true);
    expect(await seen(w.people.leader.cookie)).toBe(true);
    expect(await seen(w.people.enterprise.cookie)).toBe(true);
    expect(await seen(w.people.sibling.cookie)).toBe(false);
  });

  it('flags the enterprise for any scope that contains it, and 信用修复 removes it with its reason', async () => {
    const lists = createCaseLists({ db: t.db, now: t.clock.now });
    const housingScope = new Scope({ orgId: w.orgs.housing, orgType: 'department', regionCode: '130123', orgIndustries: ['construction'] });
    const figures = await lists.figures(housingScope, { from: '2026-01-01', to: '2026-12-31' });
    expect(figures.blacklisted).toBe(1);
    expect((await w.post(w.people.housing.cookie, `/api/blacklist/${entry}/repair`, { reason: '已整改' })).statusCode).toBe(403);
    const res = await w.post(w.people.staff.cookie, `/api/blacklist/${entry}/repair`, { reason: '完成信用修复：整改到位并公开承诺' });
    expect(res.statusCode).toBe(200);
    expect((await w.get(w.people.staff.cookie, '/api/blacklist?active=true')).json().items).toEqual([]);
    const events = await t.db.selectFrom('blacklist_events').select(['action', 'reason']).where('entry_id', '=', entry).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['listed', 'repaired']);
    expect((await w.post(w.people.staff.cookie, `/api/blacklist/${entry}/repair`, { reason: '再次' })).statusCode).toBe(409);
  });

  it('约谈 names the enterprise’s own cases only, and records its follow-up once', async () => {
    const other = await t.factories.enterprise({ regionCode: VILLAGE, name: '正定县另一化工有限公司', industries: ['hazardous_chemicals'] });
    const foreignCase = (await w.post(w.people.staff.cookie, '/api/cases', { enterpriseId: other.id, cause: '另案' })).json().id;
    const body = { enterpriseId: w.enterprise.id, heldOn: '2026-06-01', principal: '王建国', attendees: ['吴刚', '郑毅'], reasons: '连续发生重大隐患', commitments: '三十日内完成全面整改', followUpOn: '2026-07-01' };
    const bad = await w.post(w.people.staff.cookie, '/api/interviews', { ...body, caseIds: [foreignCase] });
    expect(bad.json().details[0]).toMatchObject({ field: 'body.caseIds', reason: 'not_this_enterprise' });
    const res = await w.post(w.people.staff.cookie, '/api/interviews', body);
    expect(res.statusCode, res.body).toBe(201);
    expect((await w.get(w.people.enterprise.cookie, '/api/interviews')).json().items).toHaveLength(1);
    expect((await w.post(w.people.staff.cookie, `/api/interviews/${res.json().id}/follow-up`, { result: '已整改到位' })).statusCode).toBe(200);
    expect((await w.post(w.people.staff.cookie, `/api/interviews/${res.json().id}/follow-up`, { result: '再记' })).statusCode).toBe(409);
  });
});

describe('the 90-day clock, its extension and its escalation', () => {
  it('escalates a case past its last day once, to the office above; an extension moves the last day', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    await w.relogin();
    const late = (await w.post(w.people.staff.cookie, '/api/cases', { enterpriseId: w.enterprise.id, cause: '超期案件', filedOn: '2026-03-01' })).json();
    expect(late).toMatchObject({ dueOn: '2026-05-30', daysOverdue: 2 });
    const extended = (await w.post(w.people.staff.cookie, '/api/cases', { enterpriseId: w.enterprise.id, cause: '延期案件', filedOn: '2026-03-01' })).json();
    const ext = await w.post(w.people.staff.cookie, `/api/cases/${extended.id}/extend`, { days: 30, reason: '案情复杂，需要技术鉴定', approver: '局长 张某' });
    expect(ext.json()).toMatchObject({ dueOn: '2026-06-29', daysOverdue: 0, extensionDays: 30 });
    expect(ext.json().events.at(-1).data).toMatchObject({ approver: '局长 张某', dueOnBefore: '2026-05-30', dueOnAfter: '2026-06-29' });

    const before = await t.db.selectFrom('notifications').select('id').where('org_id', '=', w.orgs.cityOffice).execute();
    expect(await t.runJob('cases.escalate_overdue')).toMatch(/^\d+ cases/);
    const after = await t.db.selectFrom('notifications').select(['title']).where('org_id', '=', w.orgs.cityOffice).where('kind', '=', 'case_overdue').execute();
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.some((n) => n.title.includes(late.number))).toBe(true);
    const detail = (await w.get(w.people.staff.cookie, `/api/cases/${late.id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: 'overdue_escalated', data: { daysOverdue: 2 } });
    expect((await w.get(w.people.staff.cookie, `/api/cases/${extended.id}`)).json().escalatedAt).toBeNull();
    expect(await t.runJob('cases.escalate_overdue')).toBe('');
    const overdue = (await w.get(w.people.staff.cookie, '/api/cases?overdue=true')).json().items.map((c: { id: string }) => c.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(extended.id);
  });

  it('figures are counts over the records, equal to the lists', async () => {
    const scope = new Scope({ orgId: w.orgs.dept, orgType: 'department', regionCode: '130123', orgIndustries: ['hazardous_chemicals', 'metallurgy'] });
    const lists = createCaseLists({ db: t.db, now: t.clock.now });
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const f = await lists.figures(scope, period);
    const rows = await lists.caseListRows(scope, period);
    const penalties = await lists.penaltyListRows(scope, period);
    expect(f.opened).toBe(rows.length);
    expect(f.decided).toBe(rows.filter((r) => r.decidedOn !== null).length);
    expect(f.overdue).toBe(rows.filter((r) => r.daysOverdue > 0).length);
    expect(f.overdue).toBeGreaterThanOrEqual(1);
    expect(f.finesDecidedFen).toBe(penalties.filter((p) => p.measure === 'fine').reduce((s, p) => s + (p.amountFen ?? 0), 0));
    expect(f).toMatchObject({ suspended: 1, resumed: 1, closed: 1, blacklisted: 0 });
    expect(penalties.find((p) => p.measure === 'close')?.enterpriseName).toBe('正定县违法小化工厂');
    const housing = new Scope({ orgId: w.orgs.housing, orgType: 'department', regionCode: '130123', orgIndustries: ['construction'] });
    expect(await lists.caseListRows(housing, period)).toEqual([]);
  });
});
