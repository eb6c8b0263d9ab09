import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../platform/db/database.js';
import { multipart } from '../../test/enterprise-workbooks.js';
import { RESAVED_ROWS } from '../../test/fixtures/resaved/rows.js';
import { makeUscc } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/**
 * The official template, filled and re-saved by each tool at hand (src/test/fixtures/resaved/make.ts
 * writes them), imports whole. The streamed ones carry their sizes only in a data descriptor:
 * the streaming zip reader used before refused the stored one as "文件可能已损坏".
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/resaved');

const USCCS = RESAVED_ROWS.map((r) => String(r[1]));
let t: TestApp;
let office: string;
let owner: { db: Database; close(): Promise<void> };

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  office = await t.login((await t.factories.user({ orgId: org, roles: ['committee_office_staff'] })).username);
  owner = createDatabase(t.ownerDatabaseUrl, { max: 1 });
});
afterAll(async () => { await owner?.close(); await t?.close(); });

describe('the import template re-saved by another tool', () => {
  it.each(['exceljs.xlsx', 'sheetjs.xlsx', 'libreoffice.xlsx', 'streamed-deflated.xlsx', 'streamed-stored.xlsx'])('%s imports both rows', async (file) => {
    const bytes = fs.readFileSync(path.join(FIXTURES, file));
    const res = await t.request({ method: 'POST', url: '/api/enterprises/import', cookie: office, ...multipart(bytes, file) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const rows = await t.db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id')
      .select(['o.name', 'e.uscc', 'o.region_code', 'e.scale']).where('e.uscc', 'in', USCCS).orderBy('o.name').execute();
    expect(rows).toEqual([
      { name: '另存测试一号建材有限公司', uscc: '91130123MA07R8T2K7', region_code: '130123100001', scale: 'small' },
      { name: '另存测试二号燃气有限公司', uscc: '91130123MA07R8T3LB', region_code: '130123100001', scale: 'medium' },
    ]);
    // The next fixture carries the same rows: as the schema owner, give these other codes and names.
    for (const row of rows) {
      const e = await owner.db.updateTable('enterprises').set({ uscc: makeUscc() }).where('uscc', '=', row.uscc).returning('org_id').executeTakeFirstOrThrow();
      await owner.db.updateTable('orgs').set({ name: `${row.name}（${file}）` }).where('id', '=', e.org_id).execute();
    }
  });

  it('a truncated copy is still refused as damaged, naming the file', async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'libreoffice.xlsx'));
    const res = await t.request({ method: 'POST', url: '/api/enterprises/import', cookie: office, ...multipart(bytes.subarray(0, bytes.length - 200), 'x.xlsx') });
    expect(res.statusCode).toBe(415);
    expect(res.json().details[0]).toMatchObject({ field: 'body.file' });
  });
});
