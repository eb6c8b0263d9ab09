import { sql } from 'kysely';
import type { z } from 'zod';
import { blacklistDrawWeight, blacklistInForce, compareDates, regionLevel, shanghaiDate, type AddBlacklistBody, type BlacklistFlag, type CreateInterviewBody } from '@anjian/domain';
import { scopeOf, unscoped, type Scope } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { EnterpriseSummary } from '../enterprises/index.js';
import { CASE_ENTITY, caseRuleError, problem } from './cases.errors.js';
import { BLACKLIST, CASE, INTERVIEW } from './cases.scope.js';

const ENTRY = { zh: '黑名单记录', en: 'Blacklist entry' };
const INTERVIEW_ENTITY = { zh: '约谈记录', en: 'Interview' };
const DECIDED = ['decided', 'served', 'executed', 'closed'];

export interface BlacklistDeps {
  db: Database;
  audit: AuditWriter;
  findEnterprise: (user: SessionUser, id: string) => Promise<EnterpriseSummary | null>;
  hazardsOfEnterprise: (db: Executor, enterpriseId: string, ids: readonly string[]) => Promise<string[]>;
  now: () => Date;
}

/** 黑名单 (after a decided case) and 信用修复; 约谈 of an enterprise's principal. */
export function createBlacklist(deps: BlacklistDeps) {
  const { db } = deps;
  const today = () => shanghaiDate(deps.now());
  /** In force on `t`, in SQL: the same rule as blacklistInForce (not removed, t within from–to). */
  const inForce = (t: string) => sql<boolean>`(b.removed_at is null and b.from_on <= ${t} and b.to_on >= ${t})`;

  /** Enterprises on the blacklist today, of those the scope sees (a department sees every one in its region: 联合惩戒). */
  async function blacklistedEnterpriseIds(scope: Scope): Promise<string[]> {
    const t = today();
    const rows = await db.selectFrom('blacklist_entries as b').where(scope.where(BLACKLIST)).where(inForce(t)).select('b.enterprise_id').distinct().execute();
    return rows.map((r) => r.enterprise_id);
  }

  /**
   * For 双随机 draws (the draws module's `weights`): each enterprise of a register weighs
   * blacklistDrawWeight of its entries on the day the inputs are fixed (today, Beijing) — 3 with
   * an entry in force, else 1 (packages/domain cases/rechecks.ts). Only the heavier ones are returned.
   */
  async function drawWeights(enterpriseIds: readonly string[]): Promise<Map<string, number>> {
    if (enterpriseIds.length === 0) return new Map();
    const rows = await db.selectFrom('blacklist_entries as b').where(unscoped('weights for the register of a plan already held to the scope of its user'))
      .where(sql<boolean>`b.enterprise_id = any(${sql.val([...enterpriseIds])}::uuid[])`).select(['b.enterprise_id', 'b.from_on', 'b.to_on', 'b.removed_at']).execute();
    const byEnterprise = new Map<string, { fromOn: string; toOn: string; removed: boolean }[]>();
    for (const r of rows) byEnterprise.set(r.enterprise_id, [...(byEnterprise.get(r.enterprise_id) ?? []), { fromOn: r.from_on, toOn: r.to_on, removed: r.removed_at !== null }]);
    const on = today();
    const weights = new Map<string, number>();
    for (const [id, entries] of byEnterprise) {
      const w = blacklistDrawWeight(entries, on);
      if (w !== 1) weights.set(id, w);
    }
    return weights;
  }

  /**
   * 黑名单 flags for the enterprises module: the entry in force today of each of these
   * enterprises that the scope sees (the one running longest when several are).
   */
  async function flags(scope: Scope, enterpriseIds: readonly string[]): Promise<Map<string, BlacklistFlag>> {
    if (enterpriseIds.length === 0) return new Map();
    const t = today();
    const rows = await db.selectFrom('blacklist_entries as b').where(scope.where(BLACKLIST)).where(inForce(t))
      .where(sql<boolean>`b.enterprise_id = any(${sql.val([...enterpriseIds])}::uuid[])`)
      .select(['b.id', 'b.enterprise_id', 'b.reason', 'b.legal_basis', 'b.from_on', 'b.to_on', 'b.issuing_level', 'b.issuing_org_name'])
      .orderBy('b.to_on').orderBy('b.created_at').execute();
    // Later rows (longer-running entries) overwrite earlier ones.
    return new Map(rows.map((b) => [b.enterprise_id, {
      entryId: b.id, reason: b.reason, legalBasis: b.legal_basis, fromOn: b.from_on, toOn: b.to_on, issuingLevel: b.issuing_level, issuingOrgName: b.issuing_org_name,
    }]));
  }

  return {
    blacklistedEnterpriseIds,
    drawWeights,
    flags,
    async isBlacklisted(scope: Scope, enterpriseId: string): Promise<boolean> {
      return (await flags(scope, [enterpriseId])).has(enterpriseId);
    },

    async list(user: SessionUser, active?: boolean) {
      const t = today();
      // In force or not is chosen in SQL, before the limit: filtered after loading, entries in
      // force would drop out once 500 newer ones (expired or repaired) stood before them.
      let q = db.selectFrom('blacklist_entries as b').where(scopeOf(user).where(BLACKLIST));
      if (active !== undefined) q = q.where(active ? inForce(t) : sql<boolean>`not ${inForce(t)}`);
      const rows = await q.selectAll('b').orderBy('b.created_at', 'desc').limit(500).execute();
      return rows.map((b) => ({
        id: b.id, enterpriseId: b.enterprise_id, enterpriseName: b.enterprise_name, regionCode: b.region_code, caseId: b.case_id, reason: b.reason, legalBasis: b.legal_basis,
        fromOn: b.from_on, toOn: b.to_on, issuingLevel: b.issuing_level, issuingOrgName: b.issuing_org_name, createdAt: b.created_at.toISOString(),
        removedAt: b.removed_at?.toISOString() ?? null, removedReason: b.removed_reason, removedByName: b.removed_by_name,
        inForce: blacklistInForce({ fromOn: b.from_on, toOn: b.to_on, removed: b.removed_at !== null }, t),
      }));
    },

    async add(ctx: RequestContext, user: SessionUser, body: z.infer<typeof AddBlacklistBody>) {
      const c = await db.selectFrom('cases as c').where(scopeOf(user).where(CASE)).select(['c.id', 'c.status', 'c.enterprise_id', 'c.enterprise_name', 'c.region_code', 'c.number'])
        .where('c.id', '=', body.caseId).executeTakeFirst();
      if (!c) throw notFound(CASE_ENTITY, 'body.caseId');
      const problems = [];
      if (!DECIDED.includes(c.status)) problems.push(problem('caseId', 'case_not_decided', '案件尚未作出处罚决定，不能列入黑名单', 'the case has no decision yet'));
      if (compareDates(body.fromOn, body.toOn) > 0) problems.push(problem('toOn', 'before_from', '截止日期不能早于起始日期', 'the end is before the start'));
      if (problems.length) throw caseRuleError(problems);
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        const row = await tx.insertInto('blacklist_entries').values({
          enterprise_id: c.enterprise_id, enterprise_name: c.enterprise_name, region_code: c.region_code, case_id: c.id, reason: body.reason, legal_basis: body.legalBasis,
          from_on: body.fromOn, to_on: body.toOn, issuing_level: regionLevel(user.regionCode), issuing_org_id: user.orgId, issuing_org_name: user.orgName, created_by: user.id, created_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        await tx.insertInto('blacklist_events').values({ entry_id: row.id, action: 'listed', reason: body.reason, actor_id: user.id, actor_name: user.displayName, at: now }).execute();
        await deps.audit.record(tx, ctx, { action: 'blacklist.add', objectType: 'blacklist', objectId: row.id, result: 'success', statusCode: 201, details: { caseId: c.id, enterpriseId: c.enterprise_id } });
        return { id: row.id };
      });
    },

    /** 信用修复: the issuing organisation, or a level above it, removes the entry; the reason is an event. */
    async repair(ctx: RequestContext, user: SessionUser, id: string, reason: string) {
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        const b = await tx.selectFrom('blacklist_entries as b').where(scopeOf(user).where(BLACKLIST)).select(['b.id', 'b.issuing_org_id', 'b.issuing_level', 'b.removed_at']).where('b.id', '=', id).forUpdate().executeTakeFirst();
        if (!b) throw notFound(ENTRY, 'params.id');
        if (b.issuing_org_id !== user.orgId && !(regionLevel(user.regionCode) < b.issuing_level)) throw forbidden('blacklist.manage');
        if (b.removed_at !== null) throw conflict({ zh: '该记录已移出黑名单', en: 'already removed' });
        await tx.updateTable('blacklist_entries').set({ removed_at: now, removed_reason: reason, removed_by_name: user.displayName }).where('id', '=', id).execute();
        await tx.insertInto('blacklist_events').values({ entry_id: id, action: 'repaired', reason, actor_id: user.id, actor_name: user.displayName, at: now }).execute();
        await deps.audit.record(tx, ctx, { action: 'blacklist.repair', objectType: 'blacklist', objectId: id, result: 'success', statusCode: 200, details: { reason } });
        return { id, removed: true };
      });
    },

    interviews: {
      async list(user: SessionUser, enterpriseId?: string) {
        let q = db.selectFrom('interviews as i').where(scopeOf(user).where(INTERVIEW)).selectAll('i');
        if (enterpriseId) q = q.where('i.enterprise_id', '=', enterpriseId);
        const rows = await q.orderBy('i.held_on', 'desc').limit(500).execute();
        return rows.map((i) => ({
          id: i.id, enterpriseId: i.enterprise_id, enterpriseName: i.enterprise_name, orgName: i.org_name, heldOn: i.held_on, principal: i.principal, attendees: i.attendees,
          caseIds: i.case_ids, hazardIds: i.hazard_ids.map(String), reasons: i.reasons, commitments: i.commitments, followUpOn: i.follow_up_on,
          followUpResult: i.follow_up_result, followedUpAt: i.followed_up_at?.toISOString() ?? null,
        }));
      },

      /** 约谈: the reasons may name the enterprise's own cases and hazards only. */
      async create(ctx: RequestContext, user: SessionUser, body: z.infer<typeof CreateInterviewBody>) {
        const enterprise = await deps.findEnterprise(user, body.enterpriseId);
        if (!enterprise) throw notFound({ zh: '企业', en: 'Enterprise' }, 'body.enterpriseId');
        const scope = scopeOf(user);
        const cases = body.caseIds.length === 0 ? [] : await db.selectFrom('cases as c').where(scope.where(CASE)).where('c.enterprise_id', '=', enterprise.id).where('c.id', 'in', body.caseIds).select('c.id').execute();
        const hazards = await deps.hazardsOfEnterprise(db, enterprise.id, body.hazardIds);
        const problems = [
          ...body.caseIds.filter((id) => !cases.some((c) => c.id === id)).map((id) => problem('caseIds', 'not_this_enterprise', `案件 ${id} 不属于该企业`, `case ${id} is not this enterprise's`)),
          ...body.hazardIds.filter((id) => !hazards.includes(id)).map((id) => problem('hazardIds', 'not_this_enterprise', `隐患 ${id} 不属于该企业`, `hazard ${id} is not this enterprise's`)),
          ...(compareDates(body.followUpOn, body.heldOn) < 0 ? [problem('followUpOn', 'before_held', '跟踪复查日期不能早于约谈日期', 'the follow-up is before the interview')] : []),
        ];
        if (problems.length) throw caseRuleError(problems);
        const now = deps.now();
        return db.transaction().execute(async (tx) => {
          const row = await tx.insertInto('interviews').values({
            enterprise_id: enterprise.id, enterprise_name: enterprise.name, region_code: enterprise.regionCode,
            industry_code: enterprise.industries.find((i) => scope.coversIndustry(i)) ?? enterprise.industries[0] ?? null,
            org_id: user.orgId, org_name: user.orgName, held_on: body.heldOn, principal: body.principal, attendees: body.attendees, case_ids: body.caseIds, hazard_ids: body.hazardIds,
            reasons: body.reasons, commitments: body.commitments, follow_up_on: body.followUpOn, created_by: user.id, created_at: now,
          }).returning('id').executeTakeFirstOrThrow();
          await deps.audit.record(tx, ctx, { action: 'case.interview', objectType: 'interview', objectId: row.id, result: 'success', statusCode: 201, details: { enterpriseId: enterprise.id } });
          return { id: row.id };
        });
      },

      async followUp(ctx: RequestContext, user: SessionUser, id: string, result: string) {
        const now = deps.now();
        return db.transaction().execute(async (tx) => {
          const i = await tx.selectFrom('interviews as i').where(scopeOf(user).where(INTERVIEW)).select(['i.id', 'i.follow_up_result']).where('i.id', '=', id).forUpdate().executeTakeFirst();
          if (!i) throw notFound(INTERVIEW_ENTITY, 'params.id');
          if (i.follow_up_result !== null) throw conflict({ zh: '已记录跟踪复查结果', en: 'the follow-up is already recorded' });
          await tx.updateTable('interviews').set({ follow_up_result: result, followed_up_at: now }).where('id', '=', id).execute();
          await deps.audit.record(tx, ctx, { action: 'case.interview_follow_up', objectType: 'interview', objectId: id, result: 'success', statusCode: 200, details: {} });
          return { id, followedUp: true };
        });
      },
    },
  };
}

export type Blacklist = ReturnType<typeof createBlacklist>;
