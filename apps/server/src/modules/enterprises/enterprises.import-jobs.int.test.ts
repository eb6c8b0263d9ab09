import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodRow, multipart, workbook } from '../../test/enterprise-workbooks.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/*
 * The import as a job: a 20,000-row file reports rows read and rows checked as they grow and
 * ends with the count; a dialog closed before the end (no more polls) still gets the result,
 * in its organisation's inbox.
 */
let t: TestApp;
let office: string;
let other: string;
let villages: string[];

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  const org = await f.org({ type: 'safety_committee_office', regionCode: '130123' });
  office = await t.login((await f.user({ orgId: org, roles: ['committee_office_staff'] })).username);
  other = await t.login((await f.user({ orgId: org, roles: ['committee_office_staff'] })).username);
  villages = (await t.db.selectFrom('regions').select('code').where(sql<boolean>`code like '130123%'`).where('level', '=', 5).orderBy('code').execute()).map((r) => r.code);
});
afterAll(async () => t?.close());

const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => goodRow(villages[i % villages.length]!, { 0: `${prefix}${String(i).padStart(5, '0')}有限公司` }));
const start = async (bytes: Buffer, cookie = office) => t.request({ method: 'POST', url: '/api/enterprises/import-jobs', cookie, ...multipart(bytes, '两万行.xlsx') });
const poll = (id: string, cookie = office) => t.request({ method: 'GET', url: `/api/enterprises/import-jobs/${id}`, cookie });
const notifications = async () => (await t.request({ method: 'GET', url: '/api/inbox', cookie: office })).json().notifications as { kind: string; title: string }[];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an import job', () => {
  it('reports increasing rows read and checked for 20,000 rows, then the result; nothing in the inbox for a watched job', async () => {
    const res = await start(await workbook(rows(20_000, '进度测试企业')));
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json();
    expect((await poll(id, other)).statusCode).toBe(404);
    const seen: { phase: string; rowsRead: number; rowsChecked: number }[] = [];
    for (let i = 0; i < 600; i++) {
      const p = await poll(id);
      expect(p.statusCode, p.body.slice(0, 300)).toBe(200);
      seen.push(p.json());
      if (p.json().phase === 'done') break;
      await sleep(100);
    }
    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({ phase: 'done', rowsRead: 20_000, rowsChecked: 20_000, rowsTotal: 20_000, imported: 20_000 });
    // Seen part-way: progress was reported, not just the end.
    expect(seen.some((s) => s.phase === 'reading' && s.rowsRead > 0 && s.rowsRead < 20_000) || seen.some((s) => s.phase === 'checking' && s.rowsChecked > 0 && s.rowsChecked < 20_000)).toBe(true);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.rowsRead).toBeGreaterThanOrEqual(seen[i - 1]!.rowsRead);
      expect(seen[i]!.rowsChecked).toBeGreaterThanOrEqual(seen[i - 1]!.rowsChecked);
    }
    expect((await notifications()).filter((n) => n.kind === 'enterprise_import')).toEqual([]);
  }, 120_000);

  it('closed before the end: the result lands in the inbox, a refusal with its reason', async () => {
    const good = await start(await workbook(rows(3_000, '后台导入企业')));
    expect(good.statusCode).toBe(202);
    // The dialog is closed: no one polls; a minute passes.
    t.clock.advance(60_000);
    const bad = await start(await workbook([goodRow(villages[0]!, { 1: '91130123MA0000000X' })]));
    t.clock.advance(60_000);
    let inbox: { kind: string; title: string }[] = [];
    for (let i = 0; i < 300 && inbox.length < 2; i++) {
      await sleep(100);
      inbox = (await notifications()).filter((n) => n.kind === 'enterprise_import');
    }
    expect(inbox).toHaveLength(2);
    expect(inbox.map((n) => n.title)).toEqual(expect.arrayContaining([
      '企业名录导入完成（两万行.xlsx）：已导入 3000 家企业',
      '企业名录导入未通过（两万行.xlsx）：共 1 行，其中 1 行有错误，未导入任何数据；请改正后重新上传',
    ]));
    // A poll afterwards still answers: the count, or the import's own error.
    expect((await poll(good.json().id)).json()).toMatchObject({ phase: 'done', imported: 3_000 });
    expect((await poll(bad.json().id)).statusCode).toBe(422);
  }, 120_000);

  it('refuses a file that is no workbook before starting, naming the file', async () => {
    const res = await start(Buffer.from('not a workbook'));
    expect(res.statusCode).toBe(415);
    expect(res.json().details[0].field).toBe('body.file');
  });
});
