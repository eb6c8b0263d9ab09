import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardClock, lateness } from '@anjian/domain';
import { createDatabase, type DatabaseHandle } from '../../platform/db/database.js';
import { migrateDown, migrateToLatest } from '../../platform/db/migrate.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { clockFacts } from './hazards.clock.js';

/**
 * Migration 0012c on a ledger that already has hazards (an upgrade): the rollups it reshapes and
 * refills — the ledger's due rows, the statistics' due and snapshot rows — equal the domain's
 * rule counting every hazard from scratch, including hazards written under the old triggers
 * and still in the change log; and it goes down and up again without a figure moving.
 */
let t: TestApp;
/** Migrations run as the schema owner; the app role may not alter tables. */
let owner: DatabaseHandle;
const MIGRATION = '2026_12_07_0012c_hazard_clock';
const DAYS = ['2026-06-10', '2026-06-11', '2026-06-20', '2026-06-21', '2026-09-01'];

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-11T04:00:00Z' });
  owner = createDatabase(t.ownerDatabaseUrl, { max: 1 });
});
afterAll(async () => {
  await owner?.close();
  await t?.close();
});

/** Old-shape-safe rows: submitted_at and escalated_at exist before the migration too. */
async function insertHazards(prefix: string) {
  const rows: [string, string | null, string | null, boolean][] = [
    ['rectifying', '2026-06-10', null, true],
    ['rectifying', '2026-06-11', null, false],
    ['pending_acceptance', '2026-06-10', '2026-06-10T15:59:59Z', true],
    ['pending_acceptance', '2026-06-10', '2026-06-10T16:00:00Z', true],
    ['pending_acceptance', '2026-06-10', '2026-05-20T02:00:00Z', false],
    ['pending_acceptance', '2026-06-10', null, false],
    ['closed', '2026-06-10', '2026-06-01T02:00:00Z', false],
  ];
  for (const [i, [status, deadline, submitted, escalated]] of rows.entries()) {
    await sql`insert into hazards (title, region_code, level, source, status, found_by_name, found_on, reported_at, deadline, submitted_at, escalated_at)
      values (${`${prefix}${i}`}, ${i % 2 ? '130123100001' : '130125100001'}, 'general', 'campaign', ${status}, 't', '2026-05-01', now(), ${deadline}::date, ${submitted}::timestamptz, ${escalated ? new Date() : null}::timestamptz)`.execute(t.db);
  }
}

async function fromScratch(today: string) {
  const rows = await t.db.selectFrom('hazards').select(['status', 'deadline', 'submitted_at', 'escalated_at']).execute();
  const kinds = rows.map((r) => ({ late: lateness(clockFacts(r), new Date(`${today}T04:00:00Z`))?.kind, clock: hazardClock(clockFacts(r))?.kind, escalated: r.escalated_at !== null }));
  // Exposed: escalated, and the lateness would be the rectifying unit's.
  return { o: kinds.filter((k) => k.late === 'overdue').length, a: kinds.filter((k) => k.late === 'acceptance_overdue').length, exposed: kinds.filter((k) => k.clock === 'overdue' && k.escalated).length };
}

/** The province's figures as the rollups keep them (read after a fold). */
async function rolledUp(today: string) {
  const { rows: [r] } = await sql<{ o: number; a: number; exposed: number }>`
    select
      (select coalesce(sum(n), 0)::int from hazard_ledger_due where region_code = '13' and due_by = 'o' and hazard_past(due_on, ${today}::date)) as o,
      (select coalesce(sum(n), 0)::int from hazard_ledger_due where region_code = '13' and due_by = 'a' and hazard_past(due_on, ${today}::date)) as a,
      (select coalesce(sum(exposed), 0)::int from hazard_stats_counts where tier = 2 and region_code = '13' and span = 'n' and dim = 'total') as exposed`.execute(t.db);
  const { rows: [s] } = await sql<{ o: number; a: number }>`
    select coalesce(sum(due) filter (where span = 'o'), 0)::int as o, coalesce(sum(due) filter (where span = 'a'), 0)::int as a
    from hazard_stats_counts where tier = 2 and region_code = '13' and dim = 'total' and span in ('o', 'a') and hazard_past(day, ${today}::date)`.execute(t.db);
  expect(s, `statistics' due rows ${today}`).toEqual({ o: r!.o, a: r!.a });
  return r!;
}

const fold = () => t.runJob('hazards.fold_changes');

describe('migration 0012c on an existing ledger', () => {
  it('reshapes and refills the rollups to equal the ledger counted from scratch, down and up again', async () => {
    await insertHazards('before ');
    await fold();
    // Down to just before 0012c: the old shapes, the old rule.
    for (;;) {
      const steps = await migrateDown(owner.db);
      expect(steps.length).toBe(1);
      if (steps[0] === `Down ${MIGRATION}`) break;
    }
    // Written under the old triggers, left in the change log (without submitted_at) for the migration to fold.
    await insertHazards('old log ');
    await migrateToLatest(owner.db);
    for (const today of DAYS) expect(await rolledUp(today), today).toEqual(await fromScratch(today));
    expect(await fromScratch('2026-06-11')).toEqual({ o: 6, a: 2, exposed: 4 });

    // New writes, folded, and once more down and up.
    await insertHazards('after ');
    await fold();
    for (const today of DAYS) expect(await rolledUp(today), `after ${today}`).toEqual(await fromScratch(today));
    for (;;) {
      const steps = await migrateDown(owner.db);
      if (steps[0] === `Down ${MIGRATION}`) break;
    }
    await migrateToLatest(owner.db);
    for (const today of DAYS) expect(await rolledUp(today), `down and up ${today}`).toEqual(await fromScratch(today));
  });
});
