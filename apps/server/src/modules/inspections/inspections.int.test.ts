import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { PNG_1X1 } from '../../test/multipart.js';
import { inspectionWorld } from './inspections.fixture.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof inspectionWorld>>;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await inspectionWorld(t);
});
afterAll(async () => t?.close());

type Item = { key: string; clauseId: string | null; result: string | null; hazard: { id: string; level: string; criterionClause: string | null } | null };

async function draft(type = 'unannounced', team = [w.people.inspector.id, w.people.staff.id]) {
  const res = await w.request('POST', w.people.inspector.cookie, '/api/inspections', { type, enterpriseId: w.enterprise.id, inspectedOn: '2026-06-01', checklistId: await w.checklistId('dust_explosion'), team });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; items: Item[]; status: string; actions: string[] };
}

describe('checklists', () => {
  it('ships the dust checklist with the 判定标准 clauses as items citing their clause', async () => {
    const list = (await w.request('GET', w.people.inspector.cookie, '/api/inspection-checklists')).json().items as { industryCode: string; majorItemCount: number; version: number }[];
    expect(list.find((c) => c.industryCode === 'dust_explosion')).toMatchObject({ version: 1, majorItemCount: 12 });
    expect(list.find((c) => c.industryCode === 'hazardous_chemicals')).toMatchObject({ majorItemCount: 20 });
    const detail = (await w.request('GET', w.people.inspector.cookie, `/api/inspection-checklists/${await w.checklistId('dust_explosion')}`)).json();
    expect(detail.items.find((i: Item) => i.clauseId === 'mem10-2023/11.3').clauseCitation).toBe('《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项');
  });

  it('a new version supersedes the region’s previous one; published versions cannot change', async () => {
    const body = { industryCode: 'dust_explosion', title: '正定县粉尘涉爆检查表', items: [{ key: 'x.1', text: '除尘系统泄爆', basis: '判定标准', clauseId: 'mem10-2023/11.3' }] };
    const v1 = await w.request('POST', w.people.staff.cookie, '/api/inspection-checklists', body);
    expect(v1.statusCode, v1.body).toBe(201);
    const v2 = (await w.request('POST', w.people.staff.cookie, '/api/inspection-checklists', { ...body, title: '第二版' })).json();
    expect(v2).toMatchObject({ version: 2, supersedesId: v1.json().id, current: true });
    const current = (await w.request('GET', w.people.inspector.cookie, '/api/inspection-checklists?industryCode=dust_explosion')).json().items as { id: string }[];
    expect(current.map((c) => c.id)).not.toContain(v1.json().id);
    expect(current.map((c) => c.id)).toContain(v2.id);
    // An inspection cannot start on a superseded version.
    const stale = await w.request('POST', w.people.inspector.cookie, '/api/inspections', { type: 'campaign', enterpriseId: w.enterprise.id, inspectedOn: '2026-06-01', checklistId: v1.json().id, team: [w.people.inspector.id] });
    expect(stale.statusCode).toBe(409);
    await expect(sql`update inspection_checklists set title = 'x' where id = ${v2.id}::uuid`.execute(t.db)).rejects.toThrow(/append-only/);
    // Outside its industries, with a clause nobody knows: refused, naming the field.
    const other = await w.request('POST', w.people.staff.cookie, '/api/inspection-checklists', { ...body, industryCode: 'construction' });
    expect(other.statusCode).toBe(422);
    expect(other.json().details[0].field).toBe('body.industryCode');
    const badClause = await w.request('POST', w.people.staff.cookie, '/api/inspection-checklists', { ...body, items: [{ ...body.items[0], clauseId: 'mem10-2023/99.1' }] });
    expect(badClause.statusCode).toBe(400);
    expect(JSON.stringify(badClause.json().details)).toContain('clauseId');
  });
});

describe('an unannounced inspection', () => {
  it('refuses a team without the recorder, a stranger, another industry’s checklist and a future date', async () => {
    const base = { type: 'unannounced', enterpriseId: w.enterprise.id, inspectedOn: '2026-06-01', checklistId: await w.checklistId('dust_explosion'), team: [w.people.inspector.id] };
    const cases: [object, string][] = [
      [{ team: [w.people.staff.id] }, 'body.team'],
      [{ team: [w.people.inspector.id, w.people.housing.id] }, 'body.team.1'],
      [{ checklistId: await w.checklistId('metallurgy') }, 'body.checklistId'],
      [{ inspectedOn: '2026-06-02' }, 'body.inspectedOn'],
    ];
    for (const [change, field] of cases) {
      const res = await w.request('POST', w.people.inspector.cookie, '/api/inspections', { ...base, ...change });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().details[0].field).toBe(field);
    }
    const housing = await w.request('POST', w.people.housing.cookie, '/api/inspections', { ...base, team: [w.people.housing.id] });
    expect(housing.statusCode).toBe(404);
    expect(await t.db.selectFrom('inspections').select('id').execute()).toHaveLength(0);
  });

  it('is invisible to the enterprise until signed; then each failed item is a hazard, 重大 with its clause', async () => {
    const d = await draft();
    const { officer, inspector, staff, other, sibling } = w.people;
    expect((await w.request('GET', officer.cookie, `/api/inspections/${d.id}`)).statusCode).toBe(404);
    expect((await w.request('GET', officer.cookie, '/api/inspections?limit=200')).json().items).toEqual([]);
    expect((await w.request('GET', sibling.cookie, `/api/inspections/${d.id}`)).statusCode).toBe(404);
    expect(d.actions).toEqual(['save_results', 'record']);

    const major = d.items.find((i) => i.clauseId === 'mem10-2023/11.3')!;
    const general = d.items.find((i) => i.key === 'g.training')!;
    const photo = await w.upload(inspector.cookie);
    const results = d.items.map((i) => ({ itemKey: i.key, result: i === major || i === general ? 'fail' : 'pass', note: i === major ? '干式除尘器未设泄爆装置' : i === general ? '无培训记录' : undefined, photos: i === major ? [photo] : [] }));
    // Someone not on the team may not write; a failed item needs a note; a photo must be one's own.
    expect((await w.request('PUT', other.cookie, `/api/inspections/${d.id}/results`, { results })).statusCode).toBe(403);
    const noNote = await w.request('PUT', inspector.cookie, `/api/inspections/${d.id}/results`, { results: [{ itemKey: major.key, result: 'fail' }] });
    expect(noNote.json().details[0].field).toBe('body.results.0.note');
    const foreign = await w.upload(other.cookie);
    const stolen = await w.request('PUT', inspector.cookie, `/api/inspections/${d.id}/results`, { results: [{ itemKey: major.key, result: 'fail', note: 'x', photos: [foreign] }] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().details[0].field).toBe('body.results.0.photos');
    const saved = await w.request('PUT', inspector.cookie, `/api/inspections/${d.id}/results`, { results: results.slice(1), summary: '粉尘涉爆专项' });
    expect(saved.statusCode, saved.body).toBe(200);

    const sign = { inspectorSignatures: w.signatures(inspector, staff), enterpriseSignature: { name: '李娜', title: '安全员' } };
    // Not every item answered yet: refused before anything is written.
    const incomplete = await w.request('POST', inspector.cookie, `/api/inspections/${d.id}/record`, sign);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().details[0].field).toBe('body.results');
    await w.request('PUT', inspector.cookie, `/api/inspections/${d.id}/results`, { results, summary: '粉尘涉爆专项' });
    const wrong = await w.request('POST', inspector.cookie, `/api/inspections/${d.id}/record`, { ...sign, inspectorSignatures: [{ userId: inspector.id, password: 'wrong' }, w.signatures(staff)[0]] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'WRONG_PASSWORD', details: [{ field: 'body.inspectorSignatures.0.password' }] });
    const missing = await w.request('POST', inspector.cookie, `/api/inspections/${d.id}/record`, { ...sign, inspectorSignatures: w.signatures(inspector) });
    expect(missing.json().details[0]).toMatchObject({ field: 'body.inspectorSignatures', reason: 'missing_signature' });
    const big = await w.upload(inspector.cookie, Buffer.concat([PNG_1X1, Buffer.alloc(210 * 1024)]), 'big.png');
    const tooBig = await w.request('POST', inspector.cookie, `/api/inspections/${d.id}/record`, { ...sign, enterpriseSignature: { name: '李娜', imageFileId: big } });
    expect(tooBig.json().details[0].field).toBe('body.enterpriseSignature.imageFileId');
    expect(await t.db.selectFrom('hazards').select('id').execute()).toHaveLength(0);
    expect((await w.request('GET', officer.cookie, `/api/inspections/${d.id}`)).statusCode).toBe(404);

    const signature = await w.upload(inspector.cookie, PNG_1X1, 'sign.png');
    const recorded = await w.request('POST', inspector.cookie, `/api/inspections/${d.id}/record`, { ...sign, enterpriseSignature: { name: '李娜', title: '安全员', imageFileId: signature } });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const r = recorded.json();
    expect(r).toMatchObject({ status: 'recorded', failedCount: 2, hazardCount: 2, majorCount: 1, enterpriseSignature: { name: '李娜', imageFileId: signature } });
    expect(r.team.every((m: { signedAt: string | null }) => m.signedAt)).toBe(true);
    const majorItem = r.items.find((i: Item) => i.key === major.key) as Item;
    expect(majorItem.hazard).toMatchObject({ level: 'major', criterionClause: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项' });
    expect((r.items.find((i: Item) => i.key === general.key) as Item).hazard).toMatchObject({ level: 'general', criterionClause: null });

    const hazard = (await w.request('GET', staff.cookie, `/api/hazards/${majorItem.hazard!.id}`)).json();
    expect(hazard).toMatchObject({ level: 'major', source: 'unannounced', status: 'reported', enterprise: { id: w.enterprise.id }, criterionClause: majorItem.hazard!.criterionClause });
    expect(hazard.files).toHaveLength(1);

    // Now the enterprise sees it — read-only — and its photos; the record cannot be signed twice.
    const seen = await w.request('GET', officer.cookie, `/api/inspections/${d.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toEqual([]);
    expect((await w.request('GET', officer.cookie, '/api/inspections')).json().items.map((i: { id: string }) => i.id)).toEqual([d.id]);
    expect((await w.request('GET', officer.cookie, `/api/files/${photo}`)).statusCode).toBe(200);
    expect((await w.request('PUT', officer.cookie, `/api/inspections/${d.id}/results`, { results })).statusCode).toBe(403);
    expect((await w.request('POST', inspector.cookie, `/api/inspections/${d.id}/record`, sign)).statusCode).toBe(409);

    // Archiving is the department's: an inspector holds no such permission.
    expect((await w.request('POST', inspector.cookie, `/api/inspections/${d.id}/archive`, {})).statusCode).toBe(403);
    const archived = await w.request('POST', staff.cookie, `/api/inspections/${d.id}/archive`, {});
    expect(archived.json()).toMatchObject({ status: 'archived' });
    expect(archived.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'save_results', 'save_results', 'record', 'archive']);
  });

  it('an announced campaign inspection files its findings as 专项 hazards; a member sees only theirs with mine=true', async () => {
    const d = await draft('campaign', [w.people.inspector.id]);
    const fail = d.items.find((i) => i.clauseId === 'mem10-2023/11.1')!;
    await w.request('PUT', w.people.inspector.cookie, `/api/inspections/${d.id}/results`, { results: d.items.map((i) => ({ itemKey: i.key, result: i === fail ? 'fail' : 'na', note: i === fail ? '车间二层设休息室' : undefined })) });
    const res = await w.request('POST', w.people.inspector.cookie, `/api/inspections/${d.id}/record`, { inspectorSignatures: w.signatures(w.people.inspector), enterpriseSignature: { name: '王建国' } });
    expect(res.statusCode, res.body).toBe(200);
    const hazardId = (res.json().items.find((i: Item) => i.key === fail.key) as Item).hazard!.id;
    expect((await w.request('GET', w.people.staff.cookie, `/api/hazards/${hazardId}`)).json()).toMatchObject({ source: 'campaign', level: 'major' });
    const mine = (await w.request('GET', w.people.staff.cookie, '/api/inspections?mine=true')).json().items.map((i: { id: string }) => i.id);
    expect(mine).not.toContain(d.id);
  });
});

describe('attacks around the rules', () => {
  it('a draft’s photo stays hidden from the enterprise; two signatures at once file the hazards once', async () => {
    const d = await draft('unannounced', [w.people.inspector.id]);
    const fail = d.items.find((i) => i.clauseId === 'mem10-2023/3.2')!;
    const photo = await w.upload(w.people.inspector.cookie);
    const results = d.items.map((i) => ({ itemKey: i.key, result: i === fail ? 'fail' : 'pass', note: i === fail ? '电焊工无证上岗' : undefined, photos: i === fail ? [photo] : [] }));
    expect((await w.request('PUT', w.people.inspector.cookie, `/api/inspections/${d.id}/results`, { results })).statusCode).toBe(200);
    // The photo hangs on a draft 四不两直 record: the enterprise may not open it (nor learn the visit exists).
    expect((await w.request('GET', w.people.officer.cookie, `/api/files/${photo}`)).statusCode).toBe(404);
    expect((await w.request('GET', w.people.staff.cookie, `/api/files/${photo}`)).statusCode).toBe(200);

    const sign = { inspectorSignatures: w.signatures(w.people.inspector), enterpriseSignature: { name: '李娜' } };
    const [a, b] = await Promise.all([1, 2].map(() => w.request('POST', w.people.inspector.cookie, `/api/inspections/${d.id}/record`, sign)));
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const linked = await t.db.selectFrom('inspection_results').select('hazard_id').where('inspection_id', '=', d.id).where('hazard_id', 'is not', null).execute();
    expect(linked).toHaveLength(1);
    const filed = await t.db.selectFrom('hazards').select('id').where('title', 'like', '重大事故隐患：特种作业人员%').where('enterprise_id', '=', w.enterprise.id).execute();
    expect(filed).toHaveLength(1);
    expect((await w.request('GET', w.people.officer.cookie, `/api/files/${photo}`)).statusCode).toBe(200);
  });
});
