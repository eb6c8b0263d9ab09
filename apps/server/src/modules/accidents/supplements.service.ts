import type { z } from 'zod';
import {
  ESCALATION_LEVEL_LABELS,
  escalationPath,
  isWithinSupplementWindow,
  namedFigureKeys,
  wholeYuan,
  type AccidentCategory,
  type AccidentDetail,
  type AccidentEscalationBody,
  type AccidentGrade,
  type AccidentSupplementBody,
  type NamedFigures,
} from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import { conflict, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { checkInstant } from './accidents.intake.js';
import { supplementedFigures } from './accidents.present.js';
import { ACCIDENT, type AccidentsDeps, type AccidentsService } from './accidents.service.js';

/**
 * 补报 and 上报: the two appends to an accident's reporting history. Each locks the accident
 * row, so two supplements at once are applied one after the other, each against all before it.
 */
export function createSupplementsService(deps: AccidentsDeps & { accidents: Pick<AccidentsService, 'detail'> }) {
  const { db, repo, audit } = deps;

  return {
    /**
     * Records the figures a change names — only those — as a new version. The current figures
     * and grade are then recomputed from the initial report and every supplement
     * (applySupplements): a figure no supplement names keeps its first report, and a change
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

        const named: NamedFigures = Object.fromEntries(namedFigureKeys(body).map((key) => [key, body[key]]));
        const earlier = await repo.supplements([id], tx);
        const version = earlier.length + 1;
        const applied = supplementedFigures(row, [...earlier, { changed_at: changedAt, reported_at: reportedAt, ...namedColumns(named) }]);
        const current = applied.figures;
        const counted = isWithinSupplementWindow(row.occurred_at, row.category as AccidentCategory, changedAt);
        const result = {
          deaths: current.deaths, missing: current.missing, serious_injuries: current.seriousInjuries, minor_injuries: current.minorInjuries,
          direct_loss_yuan: String(wholeYuan(current.directLossYuan)), grade: applied.grade.grade,
        };

        await tx.insertInto('accident_supplements').values({
          accident_id: id, version, changed_at: changedAt, reported_at: reportedAt, ...namedColumns(named),
          result_deaths: result.deaths, result_missing: result.missing, result_serious_injuries: result.serious_injuries,
          result_minor_injuries: result.minor_injuries, result_direct_loss_yuan: result.direct_loss_yuan, result_grade: result.grade,
          counted, note: body.note ? body.note : null, recorded_by: user.id, recorded_at: now,
        }).execute();
        await repo.updateFigures(tx, id, result, now);
        await audit.record(tx, ctx, {
          action: 'accident.supplement', objectType: 'accident', objectId: id, result: 'success', statusCode: 201,
          details: { version, counted, named, from: row.grade, to: result.grade },
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

/** A supplement's named figures as columns; null: not named. */
function namedColumns(named: NamedFigures) {
  return {
    deaths: named.deaths ?? null, missing: named.missing ?? null, serious_injuries: named.seriousInjuries ?? null,
    minor_injuries: named.minorInjuries ?? null, direct_loss_yuan: named.directLossYuan === undefined ? null : String(wholeYuan(named.directLossYuan)),
  };
}

export type SupplementsService = ReturnType<typeof createSupplementsService>;
