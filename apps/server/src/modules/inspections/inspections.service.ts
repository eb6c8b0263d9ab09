import type { z } from 'zod';
import { compareDates, shanghaiDate, type ChecklistListQuery, type CreateInspectionBody, type InspectionListQuery, type PublishChecklistBody, type StartPairInspectionBody } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import { AppError, conflict, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { EnterprisesService } from '../enterprises/index.js';
import type { IndustriesService } from '../industries/index.js';
import type { OrgMembers } from '../users/index.js';
import { CHECKLIST_ENTITY, INSPECTION_ENTITY } from './inspections.errors.js';
import { presentChecklist, presentDetail, presentSummary } from './inspections.present.js';
import type { InspectionsRepository } from './inspections.repository.js';
import { assertOrderCase, assertPairOpen } from './inspections.links.js';
import { casesOfInspections, orderCaseOf } from '../cases/index.js';
import { linkPair, pairForInspection } from '../draws/index.js';

export interface InspectionsServiceDeps {
  db: Database;
  repo: InspectionsRepository;
  audit: AuditWriter;
  enterprises: Pick<EnterprisesService, 'findVisible'>;
  industries: Pick<IndustriesService, 'assertKnown'>;
  orgMembers: OrgMembers;
  now: () => Date;
}

export function createInspectionsService(deps: InspectionsServiceDeps) {
  const { db, repo } = deps;

  async function detail(user: SessionUser, id: string) {
    const scope = scopeOf(user);
    const row = await repo.detail(scope, id);
    if (!row) throw notFound(INSPECTION_ENTITY, 'params.id');
    // The links, each as far as the reader may see the record at the other end.
    const [pair, cases, orderCase] = await Promise.all([
      row.draw_pair_id ? pairForInspection(db, scope, row.draw_pair_id, null) : null,
      casesOfInspections(db, [id], scope),
      row.order_case_id ? orderCaseOf(db, scope, row.order_case_id).then((c) => (c ? { id: c.id, number: c.number } : null)) : null,
    ]);
    return {
      ...presentDetail(row, user), drawId: pair?.drawId ?? null, drawPlanId: pair?.planId ?? null, orderCase,
      cases: cases.map((c) => ({ id: c.id, number: c.number, cause: c.cause, status: c.status, filedOn: c.filedOn })),
    };
  }

  /** A draft record; `drawPairId` links the 双随机 pair it carries out (both ways), `caseId` the order a 复查 re-checks. */
  async function create(ctx: RequestContext, user: SessionUser, body: z.infer<typeof CreateInspectionBody>, pairField = 'body.drawPairId') {
    const scope = scopeOf(user);
    if (scope.isEnterprise) throw notFound({ zh: '企业', en: 'Enterprise' }, 'body.enterpriseId');
    const enterprise = await deps.enterprises.findVisible(user, body.enterpriseId);
    if (!enterprise) throw notFound({ zh: '企业', en: 'Enterprise' }, 'body.enterpriseId');
    if (body.drawPairId) {
      const pair = await assertPairOpen(db, scope, user.id, body.drawPairId, null, pairField);
      if (pair.enterpriseId !== enterprise.id) throw ruleViolation({ zh: '检查的企业须是抽取到的企业', en: 'the enterprise must be the one drawn for the pair' }, 'body.enterpriseId');
      if (body.type !== 'random_draw') throw ruleViolation({ zh: '抽取结果的检查类型为“双随机”', en: 'an inspection of a drawn pair is of type random_draw' }, 'body.type');
      const absent = pair.inspectorIds.filter((id) => !body.team.includes(id));
      if (absent.length) throw ruleViolation({ zh: '检查组须包括抽取到的全部检查人员', en: 'the team must include every inspector drawn for the pair' }, 'body.team');
    }
    if (body.caseId && body.type !== 'reinspection') throw ruleViolation({ zh: '只有复查可以指明所复查的案件', en: 'only a re-inspection names a case' }, 'body.caseId');
    if (body.type === 'reinspection' && !body.caseId) throw ruleViolation({ zh: '复查须指明所复查的责令限期整改案件', en: 'a re-inspection names the case whose order it re-checks' }, 'body.caseId');
    if (body.caseId) await assertOrderCase(db, scope, body.caseId, enterprise.id);
    const checklist = await repo.checklist(scope, body.checklistId);
    if (!checklist) throw notFound(CHECKLIST_ENTITY, 'body.checklistId');
    if (!checklist.current) throw conflict({ zh: `检查表“${checklist.title}”第 ${checklist.version} 版已被新版本取代，请使用现行版本`, en: `checklist version ${checklist.version} has been superseded; use the current version` });
    if (!enterprise.industries.includes(checklist.industry_code)) {
      throw ruleViolation({ zh: `该企业不属于检查表的行业（${checklist.industry_name}）`, en: `the enterprise is not in the checklist's industry (${checklist.industry_code})` }, 'body.checklistId');
    }
    if (!scope.coversIndustry(checklist.industry_code)) throw ruleViolation({ zh: '请选择本部门监管行业的检查表', en: 'choose a checklist of an industry your department supervises' }, 'body.checklistId');
    const at = deps.now();
    if (compareDates(body.inspectedOn, shanghaiDate(at)) > 0) throw ruleViolation({ zh: '检查日期不能晚于今天', en: 'the inspection date cannot be in the future' }, 'body.inspectedOn');
    if (!body.team.includes(user.id)) throw ruleViolation({ zh: '记录人必须是检查组成员', en: 'the recorder must be on the team' }, 'body.team');
    const members = await deps.orgMembers(user.orgId, 'inspection.record', body.team);
    const unknown = body.team.filter((id) => !members.some((m) => m.id === id));
    if (unknown.length) {
      throw new AppError('RULE_VIOLATION', { reason: { zh: '检查组成员须为本单位可开展检查的人员', en: 'team members must be inspectors of your own unit' } },
        unknown.map((id) => ({ field: `body.team.${body.team.indexOf(id)}`, reason: 'not_inspector', message: { zh: `不是本单位的执法检查人员：${id}`, en: `not an inspector of your unit: ${id}` } })));
    }
    const id = await db.transaction().execute(async (tx) => {
      // The pair locked first: of two inspectors starting at once, the second waits here and gets the 409.
      if (body.drawPairId) await assertPairOpen(tx, scope, user.id, body.drawPairId, null, pairField, true);
      const row = await tx.insertInto('inspections').values({
        type: body.type, status: 'draft', enterprise_id: enterprise.id, region_code: enterprise.regionCode, industry_code: checklist.industry_code, org_id: user.orgId,
        checklist_id: checklist.id, inspected_on: body.inspectedOn, draw_pair_id: body.drawPairId ?? null, order_case_id: body.caseId ?? null, recorder_id: user.id, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      if (body.drawPairId) await linkPair(tx, body.drawPairId, row.id);
      await tx.insertInto('inspection_members').values(body.team.map((uid, position) => ({ inspection_id: row.id, user_id: uid, name: members.find((m) => m.id === uid)!.displayName, position, signature: null }))).execute();
      await repo.insertEvent(tx, { inspection_id: row.id, seq: 1, action: 'create', from_status: null, to_status: 'draft', actor_id: user.id, actor_name: user.displayName, at, data: { type: body.type, checklistId: checklist.id } });
      await deps.audit.record(tx, ctx, { action: 'inspection.create', objectType: 'inspection', objectId: row.id, result: 'success', statusCode: 201, details: { type: body.type, enterpriseId: enterprise.id } });
      return row.id;
    });
    ctx.audited = true;
    return detail(user, id);
  }

  return {
    detail,

    async list(user: SessionUser, q: z.infer<typeof InspectionListQuery>) {
      const after = decodeCursor(q.cursor, 2);
      const rows = await repo.page(scopeOf(user), { type: q.type, status: q.status, enterpriseId: q.enterpriseId, memberId: q.mine === 'true' ? user.id : undefined }, q.limit, after);
      const page = pageOf(rows, q.limit, (r) => [r.inspected_on, r.id]);
      return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
    },

    /** Whether `user` may read inspection `id` (the files service asks before serving a photo or a signature). */
    async mayRead(user: SessionUser, id: string): Promise<boolean> {
      return user.permissions.has('inspection.read') && (await repo.detail(scopeOf(user), id)) !== null;
    },

    /** Who may be on a team the user forms: the accounts of its own unit that may record inspections. */
    async teamCandidates(user: SessionUser) {
      return { items: (await deps.orgMembers(user.orgId, 'inspection.record')).map((m) => ({ userId: m.id, name: m.displayName })) };
    },

    async checklists(user: SessionUser, q: z.infer<typeof ChecklistListQuery>) {
      return { items: (await repo.checklists(scopeOf(user), q.industryCode, q.includeSuperseded === 'true')).map((c) => presentChecklist(c, false)) };
    },

    async checklist(user: SessionUser, id: string) {
      const c = await repo.checklist(scopeOf(user), id);
      if (!c) throw notFound(CHECKLIST_ENTITY, 'params.id');
      return presentChecklist(c, true);
    },

    /** A new version of the caller's region's checklist for an industry; it supersedes that region's previous one. */
    async publishChecklist(ctx: RequestContext, user: SessionUser, body: z.infer<typeof PublishChecklistBody>) {
      const scope = scopeOf(user);
      if (scope.isEnterprise) throw notFound(CHECKLIST_ENTITY);
      await deps.industries.assertKnown([body.industryCode], 'body.industryCode');
      if (!scope.coversIndustry(body.industryCode)) throw ruleViolation({ zh: '请选择本部门监管的行业', en: 'choose one of the industries your department supervises' }, 'body.industryCode');
      const id = await db.transaction().execute(async (tx) => {
        const latest = await repo.latestOwnVersion(tx, user.regionCode, body.industryCode);
        const row = await tx.insertInto('inspection_checklists').values({
          region_code: user.regionCode, industry_code: body.industryCode, version: (latest?.version ?? 0) + 1, title: body.title, items: JSON.stringify(body.items),
          supersedes_id: latest?.id ?? null, published_at: deps.now(), published_by: user.orgName, published_by_org_id: user.orgId,
        }).returning('id').executeTakeFirstOrThrow();
        await deps.audit.record(tx, ctx, { action: 'inspection.checklist_publish', objectType: 'inspection_checklist', objectId: row.id, result: 'success', statusCode: 201, details: { industryCode: body.industryCode, version: (latest?.version ?? 0) + 1 } });
        return row.id;
      });
      ctx.audited = true;
      return presentChecklist((await repo.checklist(scope, id))!, true);
    },

    create,

    /** 开始检查 from a drawn pair: the pair's enterprise, its drawn inspectors as the team (the caller first), type 双随机. */
    async startFromPair(ctx: RequestContext, user: SessionUser, drawId: string, pairId: string, body: z.infer<typeof StartPairInspectionBody>) {
      const pair = await assertPairOpen(db, scopeOf(user), user.id, pairId, drawId, 'params.pairId');
      const team = [user.id, ...pair.inspectorIds.filter((id) => id !== user.id)];
      return create(ctx, user, { type: 'random_draw', enterpriseId: pair.enterpriseId, inspectedOn: body.inspectedOn, checklistId: body.checklistId, team, drawPairId: pair.id }, 'params.pairId');
    },
  };
}

export type InspectionsService = ReturnType<typeof createInspectionsService>;
