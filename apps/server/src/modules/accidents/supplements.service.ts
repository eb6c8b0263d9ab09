import type { z } from 'zod';
import {
  applySupplements,
  ESCALATION_LEVEL_LABELS,
  escalationPath,
  gradeAccident,
  isWithinSupplementWindow,
  wholeYuan,
  type AccidentCategory,
  type AccidentDetail,
  type AccidentEscalationBody,
  type AccidentGrade,
  type AccidentSupplementBody,
} from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import { conflict, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { checkInstant } from './accidents.intake.js';
import { figuresOf } from './accidents.present.js';
import { ACCIDENT, type AccidentsDeps, type AccidentsService } from './accidents.service.js';

/**
 * 补报 and 上报: the two appends to an accident's reporting history. Each locks the accident
 * row, so two supplements at once are applied one after the other, each against all before it.
 */
export function createSupplementsService(deps: AccidentsDeps & { accidents: Pick<AccidentsService, 'detail'> }) {
  const { db, repo, audit } = deps;

  return {
    /**
     * Records the complete figures after a change. The current figures and grade are then
     * recomputed from the initial report and every supplement (applySupplements): a change
     * after the window is kept in the history but changes nothing.
     */
    async supplement(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof AccidentSupplementBody>): Promise<AccidentDetail> {
      const scope = scopeOf(user);
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        await repo.lockForUpdate(tx, id);
        const row = await repo.get(id, scope, tx);
        if (!row) throw notFound(ACCIDENT, 'params.id');
        const changedAt = new Date(body.changedAt);
        checkInstant(changedAt, 'body.changedAt', { now, notBefore: { at: row.occurred_at, what: { zh: '事故发生时间', en: 'the time of the accident' } } });
        const reportedAt = body.reportedAt ? new Date(body.reportedAt) : now;
        checkInstant(reportedAt, 'body.reportedAt', { now, notBefore: { at: changedAt, what: { zh: '伤亡变化时间', en: 'the time of the change' } } });

        const category = row.category as AccidentCategory;
        const figures = { deaths: body.deaths, missing: body.missing, seriousInjuries: body.seriousInjuries, minorInjuries: body.minorInjuries, directLossYuan: body.directLossYuan };
        const earlier = await repo.supplements([id], tx);
        const initial = figuresOf({
          deaths: row.initial_deaths, missing: row.initial_missing, serious_injuries: row.initial_serious_injuries,
          minor_injuries: row.initial_minor_injuries, direct_loss_yuan: row.initial_direct_loss_yuan,
        });
        const applied = applySupplements(initial, row.occurred_at, category, [
          ...earlier.map((s) => ({ changedAt: s.changed_at, reportedAt: s.reported_at, figures: figuresOf(s) })),
          { changedAt, reportedAt, figures },
        ]);
        // applySupplements hands back one of the snapshots given to it, minor injuries included.
        const current = applied.figures as typeof figures;
        const counted = isWithinSupplementWindow(row.occurred_at, category, changedAt);

        await tx.insertInto('accident_supplements').values({
          accident_id: id, changed_at: changedAt, reported_at: reportedAt,
          deaths: figures.deaths, missing: figures.missing, serious_injuries: figures.seriousInjuries, minor_injuries: figures.minorInjuries,
          direct_loss_yuan: figures.directLossYuan, grade: gradeAccident(figures).grade, counted, note: body.note ? body.note : null,
          recorded_by: user.id, recorded_at: now,
        }).execute();
        await repo.updateFigures(tx, id, {
          deaths: current.deaths, missing: current.missing, serious_injuries: current.seriousInjuries, minor_injuries: current.minorInjuries,
          direct_loss_yuan: String(wholeYuan(current.directLossYuan)), grade: applied.grade.grade,
        }, now);
        await audit.record(tx, ctx, {
          action: 'accident.supplement', objectType: 'accident', objectId: id, result: 'success', statusCode: 201,
          details: { counted, from: row.grade, to: applied.grade.grade, deaths: figures.deaths, missing: figures.missing },
        });
        return deps.accidents.detail(user, id, scope, tx);
      });
    },

    /** When a level above the county received the report: stops that level's 2-hour clock. */
    async escalate(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof AccidentEscalationBody>): Promise<AccidentDetail> {
      const scope = scopeOf(user);
      const now = deps.now();
      return db.transaction().execute(async (tx) => {
        await repo.lockForUpdate(tx, id);
        const row = await repo.get(id, scope, tx);
        if (!row) throw notFound(ACCIDENT, 'params.id');
        const path = escalationPath(row.grade as AccidentGrade);
        const index = path.indexOf(body.level);
        if (index < 0) {
          throw ruleViolation({ zh: `该等级事故只须上报至${ESCALATION_LEVEL_LABELS[path.at(-1)!].zh}`, en: `an accident of this grade goes no higher than ${ESCALATION_LEVEL_LABELS[path.at(-1)!].en}` }, 'body.level');
        }
        const done = await repo.escalations([id], tx);
        if (done.some((e) => e.level === body.level)) throw conflict({ zh: '该级接报时间已记录', en: 'this level’s receipt is already recorded' });
        const below = index === 0 ? row.reported_at : done.find((e) => e.level === path[index - 1])?.received_at;
        if (!below) throw ruleViolation({ zh: '请先记录下一级的接报时间', en: 'record the level below first' }, 'body.level');
        const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
        checkInstant(receivedAt, 'body.receivedAt', { now, notBefore: { at: below, what: { zh: '下一级接报时间', en: 'the receipt by the level below' } } });
        await tx.insertInto('accident_escalations').values({ accident_id: id, level: body.level, received_at: receivedAt, recorded_by: user.id, recorded_at: now }).execute();
        await audit.record(tx, ctx, { action: 'accident.escalate', objectType: 'accident', objectId: id, result: 'success', statusCode: 201, details: { level: body.level } });
        return deps.accidents.detail(user, id, scope, tx);
      });
    },
  };
}

export type SupplementsService = ReturnType<typeof createSupplementsService>;
