import type { z } from 'zod';
import { compareDates, shanghaiDate, type AccidentAccountabilityBody, type AccidentDetail, type AccidentInvestigationBody } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, conflict, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { closeProblems } from './accidents.policy.js';
import type { AccidentRow } from './accidents.repository.js';
import { ACCIDENT, type AccidentsDeps, type AccidentsService } from './accidents.service.js';

const CLOSED = { zh: '事故调查已结案，不能再修改', en: 'the investigation is closed and can no longer change' };

/**
 * The investigation (事故调查) of an accident: report, extension, the government's decision,
 * 四不放过, accountability, and closure. Once closed it is final (a correction would be a new
 * case, not an edit).
 */
export function createInvestigationService(deps: AccidentsDeps & { accidents: Pick<AccidentsService, 'detail'> }) {
  const { db, repo, audit } = deps;

  /** Locks the accident, loads it in scope and refuses a closed investigation. */
  async function openAccident(tx: Tx, user: SessionUser, id: string): Promise<AccidentRow> {
    await repo.lockForUpdate(tx, id);
    const row = await repo.get(id, scopeOf(user), tx);
    if (!row) throw notFound(ACCIDENT, 'params.id');
    if (row.inv_closed_at !== null) throw conflict(CLOSED);
    return row;
  }

  return {
    async update(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof AccidentInvestigationBody>): Promise<AccidentDetail> {
      const now = deps.now();
      const today = shanghaiDate(now);
      return db.transaction().execute(async (tx) => {
        const row = await openAccident(tx, user, id);
        const pick = <T>(given: T | undefined, stored: T) => (given === undefined ? stored : given);
        const next = {
          report_submitted_on: pick(body.reportSubmittedOn, row.inv_report_submitted_on),
          extended: pick(body.extended, row.inv_extended ?? false),
          decided_on: pick(body.decidedOn, row.inv_decided_on),
          decision_extended: pick(body.decisionExtended, row.inv_decision_extended ?? false),
          liability: pick(body.liability, row.inv_liability),
          checklist: { ...(row.inv_checklist ?? {}), ...(body.checklist ?? {}) },
          conclusion: pick(body.conclusion === '' ? null : body.conclusion, row.inv_conclusion),
        };
        const dateRule = (date: string | null, field: string, notBefore: { date: string; what: { zh: string; en: string } }) => {
          if (date === null) return;
          if (compareDates(date, today) > 0) throw ruleViolation({ zh: '日期不能晚于今天', en: 'cannot lie in the future' }, field);
          if (compareDates(date, notBefore.date) < 0) throw ruleViolation({ zh: `日期不能早于${notBefore.what.zh}`, en: `cannot be earlier than ${notBefore.what.en}` }, field);
        };
        dateRule(next.report_submitted_on, 'body.reportSubmittedOn', { date: row.occurred_on, what: { zh: '事故发生日期', en: 'the day of the accident' } });
        if (next.decided_on !== null) {
          if (next.report_submitted_on === null) {
            const field = body.reportSubmittedOn === null ? 'body.reportSubmittedOn' : 'body.decidedOn';
            throw ruleViolation({ zh: '批复须在调查报告提交之后', en: 'a decision needs a submitted investigation report' }, field);
          }
          dateRule(next.decided_on, 'body.decidedOn', { date: next.report_submitted_on, what: { zh: '调查报告提交日期', en: 'the day the report was submitted' } });
        }
        if (next.decision_extended && row.grade !== 'extraordinary') {
          throw ruleViolation({ zh: '只有特别重大事故的批复期限可以延长', en: 'only an extraordinarily serious accident’s decision may be extended' }, 'body.decisionExtended');
        }
        const values = { ...next, checklist: JSON.stringify(next.checklist), updated_by: user.id, updated_at: now };
        await tx.insertInto('accident_investigations').values({ accident_id: id, ...values })
          .onConflict((oc) => oc.column('accident_id').doUpdateSet(values)).execute();
        await audit.record(tx, ctx, { action: 'accident.investigate', objectType: 'accident', objectId: id, result: 'success', statusCode: 200, details: body });
        return deps.accidents.detail(user, id, scopeOf(user), tx);
      });
    },

    async addAccountability(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof AccidentAccountabilityBody>): Promise<AccidentDetail> {
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        await openAccident(tx, user, id);
        const inserted = await tx.insertInto('accident_accountability').values({
          accident_id: id, person: body.person, position: body.position || null, org_name: body.org || null,
          failure: body.failure, decision: body.decision, recorded_by: user.id, recorded_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        await audit.record(tx, ctx, { action: 'accident.accountability', objectType: 'accident', objectId: id, result: 'success', statusCode: 201, details: { accountabilityId: inserted.id, person: body.person } });
        return deps.accidents.detail(user, id, scopeOf(user), tx);
      });
    },

    /** 结案: only with the government's decision, 四不放过 complete and accountability recorded. */
    async close(ctx: RequestContext, user: SessionUser, id: string): Promise<AccidentDetail> {
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        const row = await openAccident(tx, user, id);
        const accountability = await repo.accountability(id, tx);
        const problems = closeProblems({ decidedOn: row.inv_decided_on, liability: row.inv_liability, checklist: row.inv_checklist ?? {}, closed: false }, accountability.length);
        if (problems.length > 0) {
          throw new AppError('RULE_VIOLATION', {
            reason: { zh: `不能结案：${problems.map((p) => p.message.zh).join('；')}`, en: `Cannot close: ${problems.map((p) => p.message.en).join('; ')}` },
          }, problems.map((p) => ({ field: p.field, reason: p.reason, message: p.message })));
        }
        await tx.updateTable('accident_investigations').set({ closed_at: now, closed_by: user.id, updated_by: user.id, updated_at: now }).where('accident_id', '=', id).execute();
        await audit.record(tx, ctx, { action: 'accident.close_investigation', objectType: 'accident', objectId: id, result: 'success', statusCode: 200 });
        return deps.accidents.detail(user, id, scopeOf(user), tx);
      });
    },
  };
}

export type InvestigationService = ReturnType<typeof createInvestigationService>;
