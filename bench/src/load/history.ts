import type pg from 'pg';
import type { Account } from './structure.js';

/**
 * Timelines. Every imported hazard has its `import` event (written by the import itself). The
 * last year's hazards also lived on the platform, so they carry the events it would have
 * recorded — report, verify or reject, assign, list, submit, accept: 2–6, what their state
 * implies — dated at their history. Older hazards keep only the import event: before the
 * platform their history lived in the paper or Excel ledger they came from. That keeps the
 * timeline table at about 1.5 events per hazard over ten years, and the disk it costs is
 * measured. The history events take seq −6…−1, so a timeline reads history, then import,
 * and the next act on the hazard still gets seq = version + 1.
 *
 * Bench data, loaded with INSERT … SELECT under session_replication_role = replica: the rows
 * reference hazards, users and organisations that exist by construction, so the per-row
 * foreign-key triggers are skipped (insert triggers on hazard_events are ENABLE ALWAYS, a test
 * holds them so, and still fire).
 */
export async function loadHistory(db: pg.Client, actor: Account, today: string): Promise<number> {
  await db.query('begin');
  await db.query('set local session_replication_role = replica');
  const { rowCount } = await db.query(`
    insert into hazard_events (hazard_id, seq, action, from_status, to_status, actor_id, actor_name, actor_org_id, actor_org_name, at, comment)
    select h.id, e.ord - 7, e.action, e.from_status, e.to_status, $1, '网格员', $2, '安委办', e.at, null
    from hazards h
    cross join lateral (values
      (1, 'report', null, 'reported', h.found_on + time '02:00', true),
      (2, case when h.status = 'rejected' then 'reject' else 'verify' end, 'reported', case when h.status = 'rejected' then 'rejected' else 'verified' end,
        h.found_on + 1 + time '01:00', h.status <> 'reported'),
      (3, 'assign', 'verified', 'rectifying', h.found_on + 1 + time '07:00', h.status in ('rectifying', 'pending_acceptance', 'closed')),
      (4, 'list', 'rectifying', 'rectifying', h.found_on + 2 + time '03:00', h.listed_level is not null and h.status in ('rectifying', 'pending_acceptance', 'closed')),
      (5, 'submit_for_acceptance', 'rectifying', 'pending_acceptance', least(coalesce(h.closed_on, h.deadline), current_date) + time '01:00', h.status in ('pending_acceptance', 'closed')),
      (6, 'accept', 'pending_acceptance', 'closed', h.closed_on + time '06:00', h.status = 'closed')
    ) as e(ord, action, from_status, to_status, at, present)
    where h.found_on > $3::date - 365 and e.present`, [actor.userId, actor.orgId, today]);
  await db.query('commit');
  return rowCount ?? 0;
}

/** What autovacuum does within minutes of a bulk load: statistics and the visibility map. */
export async function settle(db: pg.Client): Promise<number> {
  const started = performance.now();
  for (const table of ['hazards', 'hazard_events', 'hazard_ledger_counts', 'accidents', 'orgs', 'enterprises', 'users', 'user_roles', 'regions']) {
    await db.query(`vacuum (analyze) ${table}`);
  }
  await db.query('checkpoint');
  return Math.round(performance.now() - started);
}
