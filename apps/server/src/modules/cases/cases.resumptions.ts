import type { z } from 'zod';
import { sql } from 'kysely';
import { RECHECK_RESULT_LABELS, recheckIsDue, shanghaiDate, type AcceptResumptionBody, type ApplyResumptionBody, type RecordRecheckBody } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { EnterpriseSummary, OrderEnterpriseStatus } from '../enterprises/index.js';
import { caseRuleError, problem } from './cases.errors.js';
import { CASE, RECHECK, RESUMPTION } from './cases.scope.js';

const RESUMPTION_ENTITY = { zh: '复产验收申请', en: 'Resumption application' };
const RECHECK_ENTITY = { zh: '关闭复查', en: 'Closure re-check' };

export interface ResumptionDeps {
  db: Database;
  audit: AuditWriter;
  findEnterprise: (user: SessionUser, id: string) => Promise<EnterpriseSummary | null>;
  orderStatus: OrderEnterpriseStatus;
  openMajorHazardCount: (db: Executor, enterpriseId: string) => Promise<number>;
  verifyPassword: (userId: string, password: string) => Promise<boolean>;
  now: () => Date;
}

/**
 * 复产验收: a suspended enterprise applies; the department re-inspects (a checklist, or the
 * summary of an inspection record) and the acceptor signs with their password (谁验收谁签字).
 * Refused while the enterprise has an open 重大 hazard. Then the re-checks of closed sites.
 */
export function createResumptions(deps: ResumptionDeps) {
  const { db } = deps;
  return {
    async list(user: SessionUser) {
      return db.selectFrom('resumptions as r').leftJoin('cases as c', 'c.id', 'r.case_id').where(scopeOf(user).where(RESUMPTION)).selectAll('r').select('c.number as case_number')
        .orderBy('r.applied_at', 'desc').limit(200).execute()
        .then((rows) => rows.map((r) => ({
          id: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, caseId: r.case_id, caseNumber: r.case_number, status: r.status, statement: r.statement, appliedAt: r.applied_at.toISOString(),
          inspectionId: r.inspection_id, items: r.items, summary: r.summary, decidedByName: r.decided_by_name, decidedAt: r.decided_at?.toISOString() ?? null, reason: r.reason,
        })));
    },

    async apply(ctx: RequestContext, user: SessionUser, body: z.infer<typeof ApplyResumptionBody>) {
      const enterprise = await deps.findEnterprise(user, body.enterpriseId);
      if (!enterprise) throw notFound({ zh: '企业', en: 'Enterprise' }, 'body.enterpriseId');
      if (enterprise.status !== 'suspended') throw caseRuleError([problem('enterpriseId', 'not_suspended', '企业未处于停产整顿状态，无需复产验收', 'the enterprise is not suspended')]);
      // The suspension it asks to end: the case named, else the latest that ordered it.
      let q = db.selectFrom('cases as c').where(scopeOf(user).where(CASE)).where('c.enterprise_id', '=', enterprise.id)
        .where(sql<boolean>`exists (select 1 from case_measures m where m.case_id = c.id and m.kind = 'suspend')`).select(['c.id', 'c.industry_code']);
      if (body.caseId) q = q.where('c.id', '=', body.caseId);
      const suspension = await q.orderBy('c.decided_on', 'desc').executeTakeFirst();
      if (body.caseId && !suspension) throw caseRuleError([problem('caseId', 'no_suspension', '该案件未作出停产停业整顿决定', 'that case ordered no suspension')]);
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        const pending = await tx.selectFrom('resumptions').select('id').where('enterprise_id', '=', enterprise.id).where('status', '=', 'applied').executeTakeFirst();
        if (pending) throw conflict({ zh: '已有待验收的复产申请', en: 'an application is already pending' });
        const row = await tx.insertInto('resumptions').values({
          enterprise_id: enterprise.id, enterprise_name: enterprise.name, region_code: enterprise.regionCode, industry_code: suspension?.industry_code ?? enterprise.industries[0] ?? null,
          case_id: suspension?.id ?? null, status: 'applied', statement: body.statement, applied_by: user.id, applied_at: now,
        }).returning(['id', 'status']).executeTakeFirstOrThrow();
        await deps.audit.record(tx, ctx, { action: 'case.resumption_apply', objectType: 'resumption', objectId: row.id, result: 'success', statusCode: 201, details: { enterpriseId: enterprise.id } });
        return row;
      });
    },

    async accept(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof AcceptResumptionBody>) {
      if (!(await deps.verifyPassword(user.id, body.password))) {
        throw new AppError('WRONG_PASSWORD', {}, [{ field: 'body.password', reason: 'wrong_password', message: { zh: '签字密码不正确', en: 'the signature password is wrong' } }]);
      }
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        const r = await tx.selectFrom('resumptions as r').where(scopeOf(user).where(RESUMPTION)).selectAll('r').where('r.id', '=', id).forUpdate().executeTakeFirst();
        if (!r) throw notFound(RESUMPTION_ENTITY, 'params.id');
        if (r.status !== 'applied') throw conflict({ zh: '该申请已处理', en: 'the application was already decided' });
        const failed = body.items.flatMap((it, i) => (it.passed ? [] : [problem(`items.${i}.passed`, 'item_failed', `检查项未通过：${it.item}（不合格应作出不予复产的决定）`, `a failed item: ${it.item} (refuse instead)`)]));
        const open = await deps.openMajorHazardCount(tx, r.enterprise_id);
        if (open > 0) failed.push(problem('enterpriseId', 'open_major_hazards', `企业尚有 ${open} 项重大事故隐患未整改销号，不得复产`, `${open} major hazard(s) of the enterprise are still open`));
        if (failed.length) throw caseRuleError(failed);
        await deps.orderStatus(tx, ctx, r.enterprise_id, 'operating', `复产验收合格（${user.displayName} 签字）`);
        await tx.updateTable('resumptions').set({
          status: 'accepted', inspection_id: body.inspectionId ?? null, items: JSON.stringify(body.items), summary: body.summary ?? null,
          decided_by: user.id, decided_by_name: user.displayName, decided_at: now,
        }).where('id', '=', id).execute();
        await deps.audit.record(tx, ctx, { action: 'case.resumption_accept', objectType: 'resumption', objectId: id, result: 'success', statusCode: 200, details: { enterpriseId: r.enterprise_id, signedBy: user.id, inspectionId: body.inspectionId ?? null } });
        return { id, status: 'accepted' };
      });
    },

    async refuse(ctx: RequestContext, user: SessionUser, id: string, reason: string) {
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        const r = await tx.selectFrom('resumptions as r').where(scopeOf(user).where(RESUMPTION)).select(['r.id', 'r.status']).where('r.id', '=', id).forUpdate().executeTakeFirst();
        if (!r) throw notFound(RESUMPTION_ENTITY, 'params.id');
        if (r.status !== 'applied') throw conflict({ zh: '该申请已处理', en: 'the application was already decided' });
        await tx.updateTable('resumptions').set({ status: 'refused', reason, decided_by: user.id, decided_by_name: user.displayName, decided_at: now }).where('id', '=', id).execute();
        await deps.audit.record(tx, ctx, { action: 'case.resumption_refuse', objectType: 'resumption', objectId: id, result: 'success', statusCode: 200, details: { reason } });
        return { id, status: 'refused' };
      });
    },

    /** 严防死灰复燃: the closed sites' re-checks in scope, the due ones first. */
    async rechecks(user: SessionUser) {
      const rows = await db.selectFrom('closure_rechecks as k').where(scopeOf(user).where(RECHECK)).selectAll('k')
        .orderBy(sql`k.result is not null`).orderBy('k.due_on').limit(500).execute();
      const today = shanghaiDate(deps.now());
      return rows.map((k) => ({
        id: k.id, enterpriseId: k.enterprise_id, enterpriseName: k.enterprise_name, caseId: k.case_id, dueOn: k.due_on, due: recheckIsDue(k.due_on, today, k.result !== null),
        checkedOn: k.checked_on, result: k.result, resultLabel: k.result ? RECHECK_RESULT_LABELS[k.result as keyof typeof RECHECK_RESULT_LABELS].zh : null, note: k.note, checkedByName: k.checked_by_name,
      }));
    },

    async recordRecheck(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof RecordRecheckBody>) {
      const today = shanghaiDate(deps.now());
      const on = body.checkedOn ?? today;
      if (on > today) throw caseRuleError([problem('checkedOn', 'in_future', '复查日期不能晚于今天', 'the date cannot be in the future')]);
      return db.transaction().execute(async (tx) => {
        const k = await tx.selectFrom('closure_rechecks as k').where(scopeOf(user).where(RECHECK)).select(['k.id', 'k.result']).where('k.id', '=', id).forUpdate().executeTakeFirst();
        if (!k) throw notFound(RECHECK_ENTITY, 'params.id');
        if (k.result !== null) throw conflict({ zh: '该次复查已记录', en: 'this re-check is already recorded' });
        await tx.updateTable('closure_rechecks').set({ checked_on: on, result: body.result, note: body.note, checked_by: user.id, checked_by_name: user.displayName }).where('id', '=', id).execute();
        await deps.audit.record(tx, ctx, { action: 'case.recheck', objectType: 'closure_recheck', objectId: id, result: 'success', statusCode: 200, details: { result: body.result } });
        return { id, result: body.result };
      });
    },
  };
}

export type Resumptions = ReturnType<typeof createResumptions>;
