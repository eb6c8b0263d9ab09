import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { tableOf } from '../../test/xlsx-tables.js';
import { PNG_1X1, multipartFile } from '../../test/multipart.js';
import { hazardWorld } from './hazards.fixture.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
const closed: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await hazardWorld(t);
  for (let i = 0; i < 6; i++) {
    const id = await w.assigned({ title: `已整改隐患${i}` });
    const photo = await w.upload(w.people.officer.cookie);
    await w.post(w.people.officer.cookie, `/api/hazards/${id}/submit-for-acceptance`, { photos: [photo] });
    await w.post(w.people.town.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD });
    closed.push(id);
  }
});
afterAll(async () => t?.close());

const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie });

describe('回头看 draws', () => {
  it('draws a seeded sample anyone can re-run, and refuses an ambiguous size', async () => {
    const res = await w.post(w.people.county.cookie, '/api/hazard-reviews', { size: 3, seed: '2026-第二季度' });
    expect(res.statusCode, res.body).toBe(201);
    const draw = res.json();
    expect(draw).toMatchObject({ seed: '2026-第二季度', populationCount: 6, reproducible: true });
    expect(draw.sample).toHaveLength(3);
    const again = await w.post(w.people.county.cookie, '/api/hazard-reviews', { size: 3, seed: '2026-第二季度' });
    expect(again.json().sample.map((h: { id: string }) => h.id)).toEqual(draw.sample.map((h: { id: string }) => h.id));
    expect((await get(w.people.county.cookie, `/api/hazard-reviews/${draw.id}`)).json().reproducible).toBe(true);
    expect((await w.post(w.people.county.cookie, '/api/hazard-reviews', { size: 3, percent: 10 })).statusCode).toBe(400);
    const pass = await w.post(w.people.county.cookie, `/api/hazards/${draw.sample[0].id}/review-pass`, { drawId: draw.id, comment: '复查合格' });
    expect(pass.statusCode, pass.body).toBe(200);
    const notDrawn = closed.find((id) => !draw.sample.some((h: { id: string }) => h.id === id))!;
    expect((await w.post(w.people.county.cookie, `/api/hazards/${notDrawn}/review-pass`, { drawId: draw.id, comment: 'x' })).statusCode).toBe(404);
    expect((await get(w.people.sibling.cookie, `/api/hazard-reviews/${draw.id}`)).statusCode).toBe(404);
  });
});

describe('lists and exports', () => {
  it('shows the three lists for a scope and period', async () => {
    const problems = (await get(w.people.county.cookie, '/api/hazard-lists/problems?from=2026-06-01&to=2026-06-01')).json();
    expect(problems.title.zh).toBe('问题清单');
    expect(problems.rows.length).toBe(6);
    const responsibility = (await get(w.people.county.cookie, '/api/hazard-lists/responsibility')).json();
    expect(responsibility.rows[0]).toMatchObject({ responsiblePerson: '张三', department: '正定县住建局', acceptor: w.people.town.username });
    const cases = (await get(w.people.county.cookie, '/api/hazard-lists/cases')).json();
    // No case filed in this world: the enforcement list is empty, with no placeholder note (cases.lists.int.test.ts fills it).
    expect(cases.rows).toEqual([]);
    expect(cases.note).toBeNull();
    expect((await get(w.people.sibling.cookie, '/api/hazard-lists/problems')).json().rows).toEqual([]);
  });

  it('exports a list as .xlsx with Chinese headers', async () => {
    const res = await get(w.people.county.cookie, '/api/hazard-lists/rectification/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('整改清单');
    const table = tableOf(sheet);
    expect(table.header).toEqual(expect.arrayContaining(['编号', '隐患名称', '责任单位', '整改期限', '销号日期']));
    expect(table.rows.map((r) => r[1])).toEqual(expect.arrayContaining(['已整改隐患0', '已整改隐患5']));
  });

  it('refuses a bad region code before any byte of the export', async () => {
    const res = await get(w.people.county.cookie, '/api/hazard-lists/problems/export?regionCode=130125');
    expect(res.statusCode).toBe(404);
    expect(res.json().details[0].field).toBe('query.regionCode');
  });
});

describe('inbox', () => {
  it('gathers what waits on each user, with unread notifications', async () => {
    const reported = await w.report({ title: '待核实隐患' });
    const town = (await get(w.people.town.cookie, '/api/inbox')).json();
    expect(town.tasks.toVerify.items.map((h: { id: string }) => h.id)).toContain(reported);
    const rectifying = await w.assigned({ title: '交办给企业' });
    const officer = (await get(w.people.officer.cookie, '/api/inbox')).json();
    expect(officer.tasks.assigned.items.map((h: { id: string }) => h.id)).toContain(rectifying);
    expect(officer.tasks.toVerify.count).toBe(0);
    expect(officer.unread).toBeGreaterThan(0);
    expect(officer.notifications[0].title).toContain('交办给企业');
    const count = async () => (await get(w.people.officer.cookie, '/api/inbox/unread-count')).json().unread;
    expect(await count()).toBe(officer.unread);
    await w.post(w.people.officer.cookie, '/api/inbox/read', { all: true });
    expect(await count()).toBe(0);
  });
});

describe('uploads', () => {
  it('refuses an oversized file with 413 and a mislabelled one with 415, storing nothing', async () => {
    const countFiles = async () => Number((await t.db.selectFrom('files').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await countFiles();
    const big = Buffer.concat([PNG_1X1.subarray(0, 16), Buffer.alloc(11 * 1024 * 1024)]);
    const tooBig = multipartFile('file', 'big.png', 'image/png', big);
    const r1 = await t.request({ method: 'POST', url: '/api/files', cookie: w.people.grid.cookie, ...tooBig });
    expect(r1.statusCode).toBe(413);
    const script = multipartFile('file', 'photo.jpg', 'image/jpeg', Buffer.from('#!/bin/sh\nrm -rf /\n'));
    const r2 = await t.request({ method: 'POST', url: '/api/files', cookie: w.people.grid.cookie, ...script });
    expect(r2.statusCode).toBe(415);
    expect(r2.json().details[0].field).toBe('body.file');
    const pngAsPdf = multipartFile('file', 'doc.pdf', 'application/pdf', PNG_1X1);
    expect((await t.request({ method: 'POST', url: '/api/files', cookie: w.people.grid.cookie, ...pngAsPdf })).statusCode).toBe(415);
    const notMultipart = await t.request({ method: 'POST', url: '/api/files', cookie: w.people.grid.cookie, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    expect(await countFiles()).toBe(before);
  });
});

// Last: it moves the clock days ahead, which ends every other session.
describe('overdue escalation', () => {
  it('tells the level above once, marks for exposure, and after the grace period requires accountability', async () => {
    const id = await w.assigned({ title: '逾期未整改' }, { deadline: '2026-06-03' });
    t.clock.set('2026-06-04T01:00:00Z');
    await t.runJob('hazards.escalate_overdue');
    const county = await t.login(w.people.county.username);
    let h = (await get(county, `/api/hazards/${id}`)).json();
    expect(h.timeline.at(-1)).toMatchObject({ action: 'overdue_escalated', actorName: '系统（逾期督办）' });
    expect(h.accountabilityRequired).toBe(false);
    const notes = (await get(county, '/api/inbox')).json().notifications;
    expect(notes.map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining([expect.stringContaining('逾期未整改')]));
    await t.runJob('hazards.escalate_overdue');
    expect((await get(county, `/api/hazards/${id}`)).json().timeline.filter((e: { action: string }) => e.action === 'overdue_escalated')).toHaveLength(1);
    t.clock.set('2026-06-12T01:00:00Z');
    await t.runJob('hazards.escalate_overdue');
    const later = await t.login(w.people.county.username);
    h = (await get(later, `/api/hazards/${id}`)).json();
    expect(h).toMatchObject({ accountabilityRequired: true, overdue: true, daysOverdue: 9 });
  });
});
