import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody } from '../../test/accident-fixtures.js';
import { createDatabase, type DatabaseHandle } from '../../platform/db/database.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { down, up } from './2026_12_07_0012d_supplement_versions.js';

/*
 * Migration 0012d over supplements recorded the old way (complete snapshots): each keeps what
 * it said as what it named, and gains the version and the figures the accident had once it
 * was recorded — the latest counted snapshot in the order of change so far, else the first
 * report. Run down and up again on this test's own database.
 */
let t: TestApp;
let cookie: string;
let userId: string;
/** Migrations run as the schema owner; the app role may not alter tables. */
let owner: DatabaseHandle;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-15T04:00:00Z' });
  owner = createDatabase(t.ownerDatabaseUrl, { max: 1 });
  const user = await t.factories.user({ orgId: await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' }), roles: ['committee_office_staff'] });
  userId = user.id;
  cookie = await t.login(user.username);
});
afterAll(async () => {
  await owner?.close();
  await t?.close();
});

describe('migration 2026_12_07_0012d_supplement_versions', () => {
  it('turns old snapshots into named figures with numbered versions and their resulting figures', async () => {
    // Road traffic: 7 days from 1 June, so a change on 10 June is after the window.
    const res = await t.request({ method: 'POST', url: '/api/accidents', cookie, payload: accidentBody({
      occurredAt: '2026-06-01T02:00:00Z', category: 'road_traffic', industryCode: 'road_transport', deaths: 2, seriousInjuries: 1, minorInjuries: 0, directLossYuan: 3_000_000,
    }) });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await down(owner.db as unknown as Kysely<unknown>);
    const old = (recordedAt: string, changedAt: string, deaths: number, seriousInjuries: number, grade: string, counted: boolean) => sql`
      insert into accident_supplements (accident_id, changed_at, reported_at, deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan, grade, counted, recorded_by, recorded_at)
      values (${id}, ${changedAt}::timestamptz, ${changedAt}::timestamptz, ${deaths}, 0, ${seriousInjuries}, 0, 3000000, ${grade}, ${counted}, ${userId}, ${recordedAt}::timestamptz)`.execute(t.db);
    await old('2026-06-11T00:00:00Z', '2026-06-10T00:00:00Z', 4, 1, 'major', false);
    await old('2026-06-12T00:00:00Z', '2026-06-03T00:00:00Z', 3, 1, 'major', true);
    await old('2026-06-13T00:00:00Z', '2026-06-02T00:00:00Z', 2, 0, 'ordinary', true);
    await up(owner.db as unknown as Kysely<unknown>);

    const rows = await t.db.selectFrom('accident_supplements').selectAll().where('accident_id', '=', id).orderBy('version').execute();
    expect(rows.map((r) => [r.version, r.deaths, r.serious_injuries, r.direct_loss_yuan, r.result_deaths, r.result_serious_injuries, r.result_direct_loss_yuan, r.result_grade])).toEqual([
      // Recorded first, after the window: the figures stay the first report's.
      [1, 4, 1, '3000000', 2, 1, '3000000', 'ordinary'],
      // 3 June: counted, the latest change so far.
      [2, 3, 1, '3000000', 3, 1, '3000000', 'major'],
      // 2 June, recorded last: counted, but 3 June is the later change, so the figures stay.
      [3, 2, 0, '3000000', 3, 1, '3000000', 'major'],
    ]);
    // The constraints of the new shape hold: a supplement names something, versions are unique.
    const empty = sql`insert into accident_supplements (accident_id, version, changed_at, reported_at, result_deaths, result_missing, result_serious_injuries, result_minor_injuries, result_direct_loss_yuan, result_grade, counted, recorded_by, recorded_at)
      values (${id}, 4, now(), now(), 0, 0, 0, 0, 0, 'ordinary', true, ${userId}, now())`;
    await expect(empty.execute(t.db)).rejects.toThrow(/accident_supplements_names_a_figure/);
    const twice = sql`insert into accident_supplements (accident_id, version, changed_at, reported_at, deaths, result_deaths, result_missing, result_serious_injuries, result_minor_injuries, result_direct_loss_yuan, result_grade, counted, recorded_by, recorded_at)
      values (${id}, 3, now(), now(), 1, 0, 0, 0, 0, 0, 'ordinary', true, ${userId}, now())`;
    await expect(twice.execute(t.db)).rejects.toThrow(/accident_supplements_version_key/);
    // Still append-only.
    await expect(sql`update accident_supplements set note = 'x' where accident_id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);

    // And the API carries on from there: the next supplement is version 4.
    const next = await t.request({ method: 'POST', url: `/api/accidents/${id}/supplements`, cookie, payload: { changedAt: '2026-06-04T00:00:00Z', minorInjuries: 2 } });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().supplements.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4]);
    expect(next.json().figures).toMatchObject({ deaths: 3, seriousInjuries: 1, minorInjuries: 2 });
  });
});
