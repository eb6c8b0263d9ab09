import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTER_CONFIDENTIAL_NAME } from '@anjian/domain';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hazardWorld } from './hazards.fixture.js';

/*
 * 举报人身份保密: a citizen's report names the citizen only to the government units that handle
 * it. The reported enterprise, the public and everyone else see a placeholder; every read of
 * the identity is audited. Each path a name could leak by is walked.
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
/** Reported the way the report form allows today: the citizen's name and phone typed as who found it. */
let typed: string;
/** Reported with the identity in its own field. */
let named: string;

const CITIZEN = { name: '赵举报', phone: '13912345678' };
const OTHER = { name: '钱群众', phone: '13687654321' };
const SECRETS = [CITIZEN.name, CITIZEN.phone, OTHER.name, OTHER.phone];

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await hazardWorld(t);
  typed = await w.report({ source: 'public_report', title: '群众举报：仓库堆放易燃物', foundByName: `${CITIZEN.name} ${CITIZEN.phone}` }, w.people.town);
  named = await w.report({ source: 'public_report', title: '群众举报：消防通道堵塞', reporter: OTHER }, w.people.town);
});
afterAll(async () => t?.close());

const get = (cookie: string | null, url: string) => t.request({ method: 'GET', url, cookie });
const leaks = (body: string) => SECRETS.filter((s) => body.includes(s));

describe('the reported enterprise and everyone who does not handle the report', () => {
  it('see a placeholder on the hazard page, timeline included, never the name or the phone', async () => {
    for (const who of [w.people.officer, w.people.cityLeader, w.people.grid]) {
      for (const id of [typed, named]) {
        const res = await get(who.cookie, `/api/hazards/${id}`);
        expect(res.statusCode, who.username).toBe(200);
        expect(leaks(res.body), who.username).toEqual([]);
        expect(res.json()).toMatchObject({ foundByName: REPORTER_CONFIDENTIAL_NAME, reporterConfidential: true, reporterAvailable: false });
      }
    }
  });

  it('cannot read the identity: 403 for the enterprise and a leader, 404 out of scope, 401 signed out', async () => {
    expect((await get(w.people.officer.cookie, `/api/hazards/${named}/reporter`)).statusCode).toBe(403);
    expect((await get(w.people.cityLeader.cookie, `/api/hazards/${named}/reporter`)).statusCode).toBe(403);
    expect((await get(w.people.sibling.cookie, `/api/hazards/${named}/reporter`)).statusCode).toBe(404);
    expect((await get(null, `/api/hazards/${named}/reporter`)).statusCode).toBe(401);
  });

  it('find nothing in lists, exports, the inbox or a search', async () => {
    for (const who of [w.people.officer, w.people.town, w.people.county]) {
      for (const url of ['/api/hazards?limit=200', `/api/hazards?q=${encodeURIComponent(CITIZEN.name)}`, `/api/hazards?q=${CITIZEN.phone}`, '/api/hazard-lists/problems?limit=500', '/api/hazard-lists/responsibility?limit=500', '/api/inbox']) {
        const res = await get(who.cookie, url);
        if (res.statusCode !== 200) continue; // a list this user may not open
        expect(leaks(res.body), `${who.username} ${url}`).toEqual([]);
      }
      expect((await get(who.cookie, `/api/hazards?q=${CITIZEN.phone}`)).json().items ?? []).toEqual([]);
    }
    for (const list of ['problems', 'rectification', 'responsibility']) {
      const res = await get(w.people.county.cookie, `/api/hazard-lists/${list}/export?regionCode=130123`);
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      const cells: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
      // The problem list holds both reports (the others list only assigned hazards).
      if (list === 'problems') expect(cells.filter((c) => c.startsWith('群众举报：'))).toHaveLength(2);
      expect(leaks(cells.join('\n')), list).toEqual([]);
    }
  });

  it('leaves it in no row of the database in the clear: not the hazard, its events, notices or the audit log', async () => {
    for (const [table, column] of [['hazards', 'h'], ['hazard_events', 'h'], ['notifications', 'h'], ['audit_log', 'h'], ['hazard_reporters', 'h']] as const) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} as ${sql.raw(column)}
        where ${sql.join(SECRETS.map((s) => sql`position(${s} in ${sql.raw(column)}::text) > 0`), sql` or `)}`.execute(t.db);
      expect(rows[0]!.n, table).toBe(0);
    }
    const stored = await t.db.selectFrom('hazards').select('found_by_name').where('id', 'in', [typed, named]).execute();
    expect(stored.map((r) => r.found_by_name)).toEqual(['', '']);
  });
});

describe('the government units that handle the report', () => {
  it('read the identity, and each read leaves an audit row naming the reader and the hazard', async () => {
    const page = (await get(w.people.town.cookie, `/api/hazards/${named}`)).json();
    expect(page).toMatchObject({ foundByName: REPORTER_CONFIDENTIAL_NAME, reporterAvailable: true });
    for (const [who, id, identity] of [[w.people.town, named, OTHER], [w.people.county, typed, { name: `${CITIZEN.name} ${CITIZEN.phone}`, phone: null }]] as const) {
      const res = await get(who.cookie, `/api/hazards/${id}/reporter`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(identity);
      const audit = await t.db.selectFrom('audit_log').select(['user_id', 'object_type', 'details']).where('action', '=', 'hazard.read_reporter').where('object_id', '=', id).where('user_id', '=', who.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.object_type).toBe('hazard_reporter');
    }
  });

  it('a hazard from another source names no reporter', async () => {
    const res = await w.post(w.people.town.cookie, '/api/hazards', { title: '检查发现', level: 'general', source: 'government_inspection', enterpriseId: w.org.enterprise, foundOn: '2026-06-01', reporter: OTHER });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].field).toBe('body.reporter');
    const plain = await w.report({}, w.people.town);
    expect((await get(w.people.town.cookie, `/api/hazards/${plain}`)).json()).toMatchObject({ reporterConfidential: false, reporterAvailable: false });
    expect((await get(w.people.town.cookie, `/api/hazards/${plain}/reporter`)).statusCode).toBe(404);
  });
});
