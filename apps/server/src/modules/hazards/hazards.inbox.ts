import { sql } from 'kysely';
import { DEFAULT_DUE_SOON_DAYS, shanghaiDate, type Inbox } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import type { SessionUser } from '../../platform/http/context.js';
import { dueWithin, late } from './hazards.clock.js';
import { presentSummary, type SummaryRow } from './hazards.present.js';
import { hazardVisible } from './hazards.scope.js';

const GROUP_SIZE = 20;

/**
 * "My tasks": what waits on this user or their organisation — assigned to us, to verify,
 * to assign, to accept (each only with the permission for it), due within three days,
 * overdue (逾期: the rectifying unit's; a late acceptance waits in "to accept"), and for the
 * rectifying unit what it submitted and awaits acceptance — plus the organisation's notifications and its unread count for the header.
 */
export function createInbox(deps: { db: Database; now: () => Date }) {
  const { db } = deps;

  function summaries(user: SessionUser) {
    return db.selectFrom('hazards as h').innerJoin('regions as r', 'r.code', 'h.region_code').leftJoin('orgs as e', 'e.id', 'h.enterprise_id')
      .select(['h.id', 'h.title', 'h.level', 'h.source', 'h.status', 'h.region_code', 'r.name as region_name', 'h.enterprise_id', 'e.name as enterprise_name', 'h.industry_code', 'h.found_on', 'h.deadline', 'h.listed_level', 'h.responsible_unit', 'h.closed_on', 'h.submitted_at'])
      .where(hazardVisible(scopeOf(user)));
  }

  type Q = ReturnType<typeof summaries>;
  async function group(q: Q, order: 'deadline' | 'id', at: Date): Promise<{ count: number; items: ReturnType<typeof presentSummary>[] }> {
    const [rows, total] = await Promise.all([
      (order === 'deadline' ? q.orderBy('h.deadline').orderBy('h.id') : q.orderBy('h.id', 'desc')).limit(GROUP_SIZE).execute(),
      q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { count: total.n, items: (rows as SummaryRow[]).map((r) => presentSummary(r, at)) };
  }

  const none = { count: 0, items: [] };
  /**
   * Deadlines that concern the user: those their organisation assigned or must meet — or, for
   * those who oversee (list for supervision, re-review), every one in their scope.
   */
  const concerns = (user: SessionUser) => user.permissions.has('hazard.list') || user.permissions.has('hazard.review')
    ? sql<boolean>`true`
    : sql<boolean>`(h.responsible_org_id = ${user.orgId} or h.assigned_by_org_id = ${user.orgId} or h.enterprise_id = ${user.orgId})`;

  return {
    async inbox(user: SessionUser): Promise<Inbox> {
      const at = deps.now();
      const today = shanghaiDate(at);
      const p = user.permissions;
      const ours = (status: 'rectifying' | 'pending_acceptance') => summaries(user).where('h.status', '=', status).where((eb) => eb.or([eb('h.responsible_org_id', '=', user.orgId), eb('h.enterprise_id', '=', user.orgId)]));
      const [assigned, toVerify, toAssign, toAccept, dueSoon, overdue, submitted, notifications, unread] = await Promise.all([
        group(ours('rectifying'), 'deadline', at),
        p.has('hazard.verify') ? group(summaries(user).where('h.status', '=', 'reported'), 'id', at) : none,
        p.has('hazard.assign') ? group(summaries(user).where('h.status', '=', 'verified'), 'id', at) : none,
        p.has('hazard.accept') ? group(summaries(user).where('h.status', '=', 'pending_acceptance'), 'deadline', at) : none,
        group(summaries(user).where(dueWithin(today, DEFAULT_DUE_SOON_DAYS)).where(concerns(user)), 'deadline', at),
        group(summaries(user).where(late('overdue', today)).where(concerns(user)), 'deadline', at),
        p.has('hazard.rectify') ? group(ours('pending_acceptance'), 'deadline', at) : none,
        db.selectFrom('notifications').selectAll().where('org_id', '=', user.orgId).orderBy('id', 'desc').limit(30).execute(),
        this.unread(user),
      ]);
      return {
        tasks: { assigned, toVerify, toAssign, toAccept, dueSoon, overdue, submitted },
        notifications: notifications.map((n) => ({ id: n.id, hazardId: n.hazard_id, kind: n.kind, title: n.title, createdAt: n.created_at.toISOString(), read: n.read_at !== null })),
        unread,
      };
    },

    async unread(user: SessionUser): Promise<number> {
      const row = await db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('n')).where('org_id', '=', user.orgId).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return row.n;
    },

    async markRead(user: SessionUser, body: { ids?: string[]; all?: boolean }): Promise<number> {
      let q = db.updateTable('notifications').set({ read_at: deps.now() }).where('org_id', '=', user.orgId).where('read_at', 'is', null);
      if (!body.all) q = q.where('id', 'in', body.ids?.length ? body.ids : ['0']);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

export type InboxService = ReturnType<typeof createInbox>;
