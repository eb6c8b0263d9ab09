import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { ESCALATION_BATCH } from './hazards.escalation.js';
import { hazardWorld } from './hazards.fixture.js';

/**
 * The escalation job reaches every due hazard, however many, in batches: hazards it is done
 * with (escalated and within their grace period) are never read again, so they cannot fill a
 * batch and starve the new ones. Today is 2026-06-11; the grace period 7 days.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-11T04:00:00Z' });
  w = await hazardWorld(t);
});
afterAll(async () => t?.close());

/** `n` hazards at once: rectifying with a deadline (overdue from the day after), or — `acceptance` — submitted in time and not accepted. */
async function insert(label: string, n: number, h: { deadline: string; escalated?: boolean; acceptance?: 'every' | 'alternate' }) {
  await sql`
    insert into hazards (title, region_code, enterprise_id, industry_code, level, source, status, found_by_name, found_on, reported_at,
      responsible_org_id, assigned_by_org_id, assigned_at, deadline, submitted_at, escalated_at, version)
    select ${label} || ' ' || g, '130123100001', ${w.org.enterprise}::uuid, 'construction', 'general', 'government_inspection', x.status, '测试', '2026-05-01', now(),
      ${w.org.enterprise}::uuid, ${w.org.town}::uuid, '2026-05-02T02:00:00Z', ${h.deadline}::date, x.submitted_at, ${h.escalated ? new Date('2026-06-09T02:00:00Z') : null}::timestamptz, 1
    from generate_series(1, ${n}) g
    cross join lateral (select case when ${h.acceptance === 'every'} or (${h.acceptance === 'alternate'} and g % 2 = 0) then 'pending_acceptance' else 'rectifying' end as status) s
    cross join lateral (select s.status, case when s.status = 'pending_acceptance' then timestamptz '2026-05-20T02:00:00Z' end as submitted_at) x`.execute(t.db);
}

/** Of the hazards titled `label …`: how many the job has escalated (逾期督办) and reported as late acceptances. */
async function handled(label: string) {
  const { rows: [r] } = await sql<{ n: number; escalated: number; acceptance: number; events: number }>`
    select count(*)::int as n, count(*) filter (where escalated_at is not null)::int as escalated,
      count(*) filter (where acceptance_escalated_at is not null)::int as acceptance,
      (select count(*)::int from hazard_events e where e.hazard_id in (select id from hazards where title like ${`${label} %`})) as events
    from hazards where title like ${`${label} %`}`.execute(t.db);
  return r!;
}

describe('the escalation job', () => {
  it('never spends a batch on hazards already escalated and within their grace period', async () => {
    // First by id: a full batch of hazards escalated two days ago (3 days overdue, grace 7) — nothing to do.
    await insert('in grace', ESCALATION_BATCH, { deadline: '2026-06-08', escalated: true });
    // Exactly one batch of new overdue hazards behind them.
    await insert('batch', ESCALATION_BATCH, { deadline: '2026-06-09' });
    expect(await t.runJob('hazards.escalate_overdue')).toBe(`${ESCALATION_BATCH} escalated, 0 need accountability, 0 acceptances late; ${ESCALATION_BATCH} read in 2 batches`);
    expect(await handled('batch')).toEqual({ n: ESCALATION_BATCH, escalated: ESCALATION_BATCH, acceptance: 0, events: ESCALATION_BATCH });
    expect(await handled('in grace')).toEqual({ n: ESCALATION_BATCH, escalated: ESCALATION_BATCH, acceptance: 0, events: 0 });
  });

  it('handles one more than a batch: the last hazard is in a batch of its own', async () => {
    await insert('batch+1', ESCALATION_BATCH + 1, { deadline: '2026-06-09', acceptance: 'every' });
    expect(await t.runJob('hazards.escalate_overdue')).toBe(`0 escalated, 0 need accountability, ${ESCALATION_BATCH + 1} acceptances late; ${ESCALATION_BATCH + 1} read in 2 batches`);
    expect(await handled('batch+1')).toEqual({ n: ESCALATION_BATCH + 1, escalated: 0, acceptance: ESCALATION_BATCH + 1, events: ESCALATION_BATCH + 1 });
    expect(await t.runJob('hazards.escalate_overdue')).toBe('');
  });

  it('handles 5,000 due hazards in one run, every one, behind everything already handled', async () => {
    await insert('bulk', 5000, { deadline: '2026-06-09', acceptance: 'alternate' });
    expect(await t.runJob('hazards.escalate_overdue')).toBe(`2500 escalated, 0 need accountability, 2500 acceptances late; 5000 read in ${5000 / ESCALATION_BATCH + 1} batches`);
    expect(await handled('bulk')).toEqual({ n: 5000, escalated: 2500, acceptance: 2500, events: 5000 });
    // One audit row per batch that did something: 1 + 2 + 5 (the two earlier runs and this one).
    const { rows: [audit] } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'job.escalate_overdue'`.execute(t.db);
    expect(audit!.n).toBe(1 + 2 + Math.ceil(5000 / ESCALATION_BATCH));
    expect(await t.runJob('hazards.escalate_overdue')).toBe('');
  }, 120_000);

  // Last: it moves the clock, which ends every other session.
  it('comes back for the hazards in grace once the grace period is over, all of them', async () => {
    t.clock.set('2026-06-16T04:00:00Z');
    // 'in grace' (deadline 06-08) is 8 days overdue now; 'batch' and 'bulk' (06-09) 7: still in grace.
    expect(await t.runJob('hazards.escalate_overdue')).toBe(`0 escalated, ${ESCALATION_BATCH} need accountability, 0 acceptances late; ${ESCALATION_BATCH} read in 2 batches`);
    const { rows: [r] } = await sql<{ n: number }>`select count(*)::int as n from hazards where accountability_required`.execute(t.db);
    expect(r!.n).toBe(ESCALATION_BATCH);
  });
});
