import { sql } from 'kysely';
import { pairOutcome, type InspectionStatus, type OutcomeInput, type PairOutcome, type Reinspection } from '@anjian/domain';
import type { z } from 'zod';
import { unscoped, type Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { casesOfInspections, orderCaseOf } from '../cases/index.js';
import { pairForInspection, type DrawPairForInspection } from '../draws/index.js';
import { hazardRectification } from '../hazards/index.js';
import { inspectionVisible } from './inspections.scope.js';

/**
 * The links of an inspection to the other enforcement records (issue 12): the drawn pair it
 * carries out, the case whose order a 复查 re-checks, and what the pair's 一公开 result reads
 * from it. The other modules' records are read through their index.ts functions.
 */

const CASE_ENTITY = { zh: '案件', en: 'Case' };
const PAIR_ENTITY = { zh: '抽取结果（企业与检查人员配对）', en: 'Drawn pair' };

/** A drawn pair the user may start an inspection for: in scope (404), the user on its team (403), not yet inspected (409). */
export async function assertPairOpen(db: Executor, scope: Scope, userId: string, pairId: string, drawId: string | null, field: string, lock = false): Promise<DrawPairForInspection> {
  const pair = await pairForInspection(db, scope, pairId, drawId, lock);
  if (!pair) throw notFound(PAIR_ENTITY, field);
  if (!pair.inspectorIds.includes(userId)) {
    throw new AppError('FORBIDDEN', { permission: 'inspection.record (抽取的检查人员 drawn inspector)' },
      [{ field, reason: 'not_drawn_inspector', message: { zh: '只有抽取到该企业的检查人员可以开始这次检查', en: 'only the inspectors drawn for this enterprise may start its inspection' } }]);
  }
  if (pair.inspectionId) {
    throw new AppError('CONFLICT', { reason: { zh: '该抽取结果已有检查记录，每个配对只检查一次', en: 'this pair already has its inspection; a pair is inspected once' } },
      [{ field, reason: 'already_inspected', message: { zh: `已有检查记录 ${pair.inspectionId}`, en: `inspection ${pair.inspectionId} exists` } }]);
  }
  return pair;
}

const caseProblem = (zh: string, en: string, reason: string) =>
  new AppError('RULE_VIOLATION', { reason: { zh, en } }, [{ field: 'body.caseId', reason, message: { zh, en } }]);

/** The case a 复查 re-checks: in scope (404), of this enterprise, with a decided 责令限期整改 (422). A 复查 before its deadline is allowed. */
export async function assertOrderCase(db: Executor, scope: Scope, caseId: string, enterpriseId: string) {
  const c = await orderCaseOf(db, scope, caseId);
  if (!c) throw notFound(CASE_ENTITY, 'body.caseId');
  if (c.enterpriseId !== enterpriseId) throw caseProblem('所复查的案件不是对这家企业的', 'the case is not about this enterprise', 'other_enterprise');
  if (!c.hasRectifyOrder) throw caseProblem(`案件 ${c.number} 没有作出责令限期整改，无可复查的整改事项`, `case ${c.number} has no decided rectification order to re-check`, 'no_rectify_order');
  return c;
}

interface OutcomeRow { id: string; status: InspectionStatus; inspected_on: string; summary: string | null; failed_count: number; major_count: number; hazard_ids: string[] }

/** For the draws module: each inspection's 一公开 result as its hazards and cases stand now. */
export async function inspectionOutcomes(db: Executor, inspectionIds: readonly string[]): Promise<Map<string, PairOutcome>> {
  if (inspectionIds.length === 0) return new Map();
  const { rows } = await sql<OutcomeRow>`
    select i.id, i.status, to_char(i.inspected_on, 'YYYY-MM-DD') as inspected_on, i.summary,
      (select count(*)::int from inspection_results r where r.inspection_id = i.id and r.result = 'fail') as failed_count,
      (select count(*)::int from inspection_results r join hazards hz on hz.id = r.hazard_id where r.inspection_id = i.id and hz.level = 'major') as major_count,
      (select coalesce(array_agg(r.hazard_id::text), '{}') from inspection_results r where r.inspection_id = i.id and r.hazard_id is not null) as hazard_ids
    from inspections i where i.id = any(${[...inspectionIds]}::uuid[]) and ${unscoped('the inspections of the pairs of a published draw')}`.execute(db);
  const hazards = new Map((await hazardRectification(db, rows.flatMap((r) => r.hazard_ids))).map((h) => [h.id, h]));
  const cases = await casesOfInspections(db, rows.map((r) => r.id), null);
  return new Map(rows.map((r) => {
    const input: OutcomeInput = {
      status: r.status, inspectedOn: r.inspected_on, summary: r.summary, failedCount: r.failed_count, majorCount: r.major_count,
      hazards: r.hazard_ids.flatMap((id) => { const h = hazards.get(id); return h ? [{ title: h.title, status: h.status as OutcomeInput['hazards'][number]['status'], measures: h.measures, deadline: h.deadline }] : []; }),
      cases: cases.filter((c) => c.inspectionId === r.id).map((c) => ({ number: c.number, status: c.status, measures: c.measures })),
    };
    return [r.id, pairOutcome(input)];
  }));
}

/** For the cases module: the 复查 inspections of a case, oldest first; `scope` null: the signed ones only (a document cites those). */
export async function reinspectionsOf(db: Executor, caseId: string, scope: Scope | null): Promise<z.infer<typeof Reinspection>[]> {
  const visible = scope ? inspectionVisible(scope) : sql`i.status <> 'draft' and ${unscoped('a case the caller holds cites its signed re-inspections')}`;
  const { rows } = await sql<{ id: string; status: InspectionStatus; inspected_on: string; summary: string | null; failed_count: number; major_count: number; org_name: string }>`
    select i.id, i.status, to_char(i.inspected_on, 'YYYY-MM-DD') as inspected_on, i.summary, org.name as org_name,
      (select count(*)::int from inspection_results r where r.inspection_id = i.id and r.result = 'fail') as failed_count,
      (select count(*)::int from inspection_results r join hazards hz on hz.id = r.hazard_id where r.inspection_id = i.id and hz.level = 'major') as major_count
    from inspections i join orgs org on org.id = i.org_id
    where i.order_case_id = ${caseId}::uuid and ${visible} order by i.inspected_on, i.created_at`.execute(db);
  return rows.map((r) => ({ id: r.id, status: r.status, inspectedOn: r.inspected_on, summary: r.summary, failedCount: r.failed_count, majorCount: r.major_count, orgName: r.org_name }));
}
