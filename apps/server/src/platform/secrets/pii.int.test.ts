import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PII_STORES } from '../../bootstrap.js';
import { createFactories, makeUscc } from '../../test/factories.js';
import { cloneTemplate, dropDatabase } from '../../test/databases.js';
import { goodRow, multipart, readWorkbook, workbook } from '../../test/enterprise-workbooks.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createDatabase } from '../db/database.js';
import { migrateDown, migrateToLatest } from '../db/migrate.js';
import { loadPiiCipher } from './pii.js';
import { encryptLegacyPii, rotatePiiKey } from './pii-store.js';

/*
 * Personal data at rest: phones, safety contacts and reporters' identities are SM4 ciphertext
 * under a key kept outside the database. Each test reads the database directly, as someone
 * holding only a dump would, and finds no plaintext.
 */

let t: TestApp;
let dataDir: string;
let admin: string;
let office: string;
let countyOrg: string;

beforeAll(async () => {
  // A data directory of its own: the rotation below appends keys to this app's key file only.
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-pii-int-'));
  t = await createTestApp({ env: { ANJIAN_DATA_DIR: dataDir } });
  const cityOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '1301' });
  countyOrg = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  admin = await t.login((await t.factories.user({ orgId: cityOrg, roles: ['security_admin'] })).username);
  office = await t.login((await t.factories.user({ orgId: countyOrg, roles: ['committee_office_staff'] })).username);
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Rows of `table` whose text holds any of `needles`, as a dump would show them. */
async function plaintextIn(table: string, needles: string[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} as x where ${sql.join(needles.map((s) => sql`position(${s} in x::text) > 0`), sql` or `)}`.execute(t.db);
  return rows[0]!.n;
}

describe("an account's phone", () => {
  it('is stored as SM4 ciphertext with a blind index, shown to those who read the account, and found by it', async () => {
    const res = await t.request({ method: 'POST', url: '/api/users', cookie: admin, payload: { username: 'phone.owner', displayName: '有电话', orgId: countyOrg, roles: ['leader'], phone: '13811112222' } });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().user.id as string;
    expect(res.json().user.phone).toBe('13811112222');
    const row = await t.db.selectFrom('users').select(['phone', 'phone_enc', 'phone_bidx']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.phone).toBeNull();
    expect(row.phone_enc).toMatch(/^sm4ctr1:k1:/);
    expect(row.phone_bidx).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(await plaintextIn('users', ['13811112222'])).toBe(0);
    expect(await plaintextIn('audit_log', ['13811112222'])).toBe(0);

    const found = await t.request({ method: 'GET', url: '/api/users?q=13811112222', cookie: admin });
    expect(found.json().items.map((u: { id: string }) => u.id)).toEqual([id]);
    expect((await t.request({ method: 'GET', url: '/api/users?q=1381111', cookie: admin })).json().items).toEqual([]);

    const changed = await t.request({ method: 'PATCH', url: `/api/users/${id}`, cookie: admin, payload: { phone: '13833334444' } });
    expect(changed.json().phone).toBe('13833334444');
    expect(await plaintextIn('audit_log', ['13833334444'])).toBe(0);
    expect((await t.request({ method: 'GET', url: '/api/users?q=13811112222', cookie: admin })).json().items).toEqual([]);
  });

  it('cannot be written in the clear any more: the database refuses', async () => {
    await expect(sql`update users set phone = '13855556666' where username = 'phone.owner'`.execute(t.db)).rejects.toThrow(/users_phone_encrypted/);
  });
});

describe("an enterprise's safety contacts", () => {
  const contacts = [{ name: '孙安全', phone: '13877778888' }, { name: '周联系', phone: '0311-86001234' }];

  it('are encrypted when registered, edited and imported, and decrypted for the list and the export', async () => {
    const created = await t.request({ method: 'POST', url: '/api/enterprises', cookie: office, payload: {
      name: '正定县加密测试有限公司', uscc: makeUscc('130123'), regionCode: '130123100001', address: '工业路1号', industries: ['construction'],
      scale: 'small', legalRepresentative: '王建国', principal: '李卫东', safetyContacts: contacts,
    } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().safetyContacts).toEqual(contacts);
    const id = created.json().id as string;
    const edited = await t.request({ method: 'PATCH', url: `/api/enterprises/${id}`, cookie: office, payload: { safetyContacts: [contacts[1]] } });
    expect(edited.json().safetyContacts).toEqual([contacts[1]]);

    const imported = await t.request({ method: 'POST', url: '/api/enterprises/import', cookie: office, ...multipart(await workbook([goodRow('130123100001', { 9: '吴导入:13899990000' })])) });
    expect(imported.statusCode, imported.body).toBe(200);

    for (const secret of ['孙安全', '13877778888', '周联系', '0311-86001234', '吴导入', '13899990000']) {
      expect(await plaintextIn('enterprises', [secret]), secret).toBe(0);
      expect(await plaintextIn('audit_log', [secret]), secret).toBe(0);
    }
    const stored = await t.db.selectFrom('enterprises').select(['safety_contacts', 'safety_contacts_enc']).where('org_id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ safety_contacts: [], safety_contacts_enc: expect.stringMatching(/^sm4ctr1:/) });

    const exported = await t.request({ method: 'GET', url: '/api/enterprises/export?regionCode=130123', cookie: office });
    const cells: string[] = [];
    (await readWorkbook(exported.rawPayload)).eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain('周联系:0311-86001234');
    expect(cells).toContain('吴导入:13899990000');
  });
});

describe('data written in plaintext before encryption', () => {
  it('is encrypted at start in batches, after which the checks are validated; a second start changes nothing', async () => {
    const { name, url } = await cloneTemplate(inject('pgAdminUrl'), inject('templateDb'));
    const handle = createDatabase(url, { max: 2 });
    try {
      // Back to the schema before migration 0012b: plaintext columns, no checks.
      let steps: string[];
      do steps = await migrateDown(handle.db); while (!steps.some((s) => s.includes('0012b')));
      const f = createFactories(handle.db);
      const org = await f.org({ type: 'safety_committee_office', regionCode: '130123' });
      // Three of each against a batch of two: one full batch, then a short one.
      for (let i = 0; i < 3; i++) {
        const u = await f.user({ orgId: org, roles: [] });
        await sql`update users set phone = ${`1390000000${i}`} where id = ${u.id}`.execute(handle.db);
        const e = await f.enterprise({ regionCode: '130123100001' });
        await sql`update enterprises set safety_contacts = ${JSON.stringify([{ name: `旧联系人${i}`, phone: `1370000000${i}` }])}::jsonb where org_id = ${e.id}`.execute(handle.db);
        await f.hazard({ regionCode: '130123100', source: 'public_report', found_by_name: `旧举报人${i} 1360000000${i}` });
      }
      await migrateToLatest(handle.db);
      const pii = await loadPiiCipher(dataDir);
      expect(await encryptLegacyPii({ app: handle.db, owner: handle.db }, pii, PII_STORES, 2)).toEqual({ 'users.phone': 3, 'enterprises.safety_contacts': 3, 'hazards.reporter': 3 });

      const { rows } = await sql<{ n: number }>`select count(*)::int as n from users u, enterprises e, hazards h
        where u.phone is not null or e.safety_contacts <> '[]' or (h.source = 'public_report' and h.found_by_name <> '')`.execute(handle.db);
      expect(rows[0]!.n).toBe(0);
      const phones = (await handle.db.selectFrom('users').select('phone_enc').where('phone_enc', 'is not', null).execute()).map((r) => pii.decrypt(r.phone_enc!, 'users.phone'));
      expect(phones.sort()).toEqual(['13900000000', '13900000001', '13900000002']);
      const reporters = await handle.db.selectFrom('hazard_reporters').select('identity_enc').execute();
      expect(reporters.map((r) => JSON.parse(pii.decrypt(r.identity_enc, 'hazards.reporter')).name).sort()).toEqual(['旧举报人0 13600000000', '旧举报人1 13600000001', '旧举报人2 13600000002']);

      const { rows: checks } = await sql<{ conname: string; convalidated: boolean }>`
        select conname, convalidated from pg_constraint where conname in ('users_phone_encrypted', 'enterprises_contacts_encrypted', 'hazards_reporter_confidential') order by 1`.execute(handle.db);
      expect(checks.every((c) => c.convalidated)).toBe(true);
      expect(await encryptLegacyPii({ app: handle.db, owner: handle.db }, pii, PII_STORES, 2)).toEqual({});
    } finally {
      await handle.close();
      await dropDatabase(inject('pgAdminUrl'), name);
    }
  });
});

describe('rotating the personal-data key', () => {
  it('appends a key, re-encrypts every row under it in batches, and the running app reads on', async () => {
    const res = await t.request({ method: 'POST', url: '/api/users', cookie: admin, payload: { username: 'rotate.me', displayName: '轮换', orgId: countyOrg, roles: ['leader'], phone: '13822223333' } });
    const id = res.json().user.id as string;
    const before = await PII_STORES[0]!.countByKey(t.db);
    expect(Object.keys(before)).toEqual(['k1']);

    const rotated = await rotatePiiKey(t.db, dataDir, PII_STORES, { settleMs: 0, batch: 2, env: {} });
    expect(rotated.keyId).toBe('k2');
    for (const store of PII_STORES) {
      const total = Object.values(await store.countByKey(t.db)).reduce((a, b) => a + b, 0);
      expect(rotated.byKey[store.name], store.name).toEqual(total ? { k2: total } : {});
    }
    expect(rotated.rewritten['users.phone']).toBe(before.k1);
    // The app loaded k1 at start; a row under k2 makes it reread the key file.
    expect((await t.request({ method: 'GET', url: `/api/users/${id}`, cookie: admin })).json().phone).toBe('13822223333');
    expect((await t.request({ method: 'GET', url: '/api/users?q=13822223333', cookie: admin })).json().items).toHaveLength(1);

    const again = await rotatePiiKey(t.db, dataDir, PII_STORES, { settleMs: 0, batch: 2, env: {} });
    expect(again.keyId).toBe('k3');
    expect(again.byKey['users.phone']).toEqual({ k3: before.k1 });
    expect((await fs.readFile(path.join(dataDir, 'keys', 'pii.keys'), 'utf8')).trim().split('\n').map((l) => l.split(' ')[0])).toEqual(['k1', 'k2', 'k3']);
  });
});
