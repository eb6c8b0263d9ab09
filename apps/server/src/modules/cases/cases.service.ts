import type { z } from 'zod';
import { caseNumber, compareDates, documentPrefix, shanghaiDate, shanghaiYear, type CaseAction, type CaseListQuery, type DocumentKind, type FileCaseBody } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor, Tx } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { EnterpriseSummary } from '../enterprises/index.js';
import { CASE_ENTITY, caseRuleError, problem } from './cases.errors.js';
import type { GenerateDocument } from './cases.documents.js';
import { presentDetail, presentDocument, presentSummary } from './cases.present.js';
import type { CasesRepository } from './cases.repository.js';
import type { InspectionLinks } from './cases.links.js';
import { CASE } from './cases.scope.js';
import type { CaseHandler, PerformCase } from './cases.workflow.js';
import { sql } from 'kysely';

export interface CasesServiceDeps {
  db: Database;
  repo: CasesRepository;
  audit: AuditWriter;
  perform: PerformCase;
  handlers: Record<CaseAction, CaseHandler>;
  generate: GenerateDocument;
  findEnterprise: (user: SessionUser, id: string) => Promise<EnterpriseSummary | null>;
  hazardsOfEnterprise: (db: Executor, enterpriseId: string, ids: readonly string[]) => Promise<string[]>;
  filePath: (sha256: string) => string;
  inspections: InspectionLinks;
  now: () => Date;
}

/** 立案 inside the caller's transaction: the number from the organisation's series, the case, its first event. */
export async function fileCaseIn(
  tx: Tx, deps: { repo: CasesRepository; audit: Pick<AuditWriter, 'record'> }, ctx: RequestContext, user: SessionUser, enterprise: EnterpriseSummary,
  body: { cause: string; facts?: string; source: string; inspectionId?: string; hazardIds: string[]; filedOn: string; industry: string | null }, now: Date,
): Promise<string> {
  const year = shanghaiYear(now);
  const regionName = await deps.repo.regionName(tx, user.regionCode);
  const number = caseNumber(documentPrefix(regionName, user.orgName), year, await deps.repo.nextNumber(tx, user.orgId, 'case', year));
  const row = await tx.insertInto('cases').values({
    number, enterprise_id: enterprise.id, enterprise_name: enterprise.name, region_code: enterprise.regionCode, industry_code: body.industry,
    org_id: user.orgId, org_name: user.orgName, org_region_code: user.regionCode, cause: body.cause, facts: body.facts ?? null, source: body.source,
    inspection_id: body.inspectionId ?? null, hazard_ids: body.hazardIds, status: 'filed', filed_on: body.filedOn, created_by: user.id, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await deps.repo.insertEvent(tx, { case_id: row.id, seq: 1, action: 'file', from_status: null, to_status: 'filed', actor_id: user.id, actor_name: user.displayName, actor_org_name: user.orgName, at: now, comment: body.cause, data: { filedOn: body.filedOn, number } });
  await deps.audit.record(tx, ctx, { action: 'case.file', objectType: 'case', objectId: row.id, result: 'success', statusCode: 201, details: { number, enterpriseId: enterprise.id } });
  return row.id;
}

export function createCasesService(deps: CasesServiceDeps) {
  const { db, repo } = deps;

  async function detail(user: SessionUser, id: string) {
    const row = await repo.get(db, id, scopeOf(user));
    if (!row) throw notFound(CASE_ENTITY, 'params.id');
    const [measures, events, documents, reinspections] = await Promise.all([repo.measures(db, [id]), repo.events(db, id), repo.documents(db, id), deps.inspections.reinspectionsOf(db, id, scopeOf(user))]);
    return { ...presentDetail(row, measures, events, documents, user, deps.now()), reinspections };
  }

  return {
    detail,

    /** 立案: a department (or its inspector) opens a case against an enterprise it supervises. */
    async file(ctx: RequestContext, user: SessionUser, body: z.infer<typeof FileCaseBody>) {
      const enterprise = await deps.findEnterprise(user, body.enterpriseId);
      if (!enterprise) throw notFound({ zh: '企业', en: 'Enterprise' }, 'body.enterpriseId');
      const scope = scopeOf(user);
      const now = deps.now();
      const today = shanghaiDate(now);
      const filedOn = body.filedOn ?? today;
      if (compareDates(filedOn, today) > 0) throw caseRuleError([problem('filedOn', 'in_future', '立案日期不能晚于今天', 'the filing date cannot be in the future')]);
      if (enterprise.status === 'closed') throw caseRuleError([problem('enterpriseId', 'closed', '企业已关闭', 'the enterprise is closed')]);
      // 立案查处 from an inspection: one the filer may see, of this enterprise.
      if (body.inspectionId) {
        const inspection = await deps.inspections.inspectionOf(user, body.inspectionId);
        if (!inspection) throw notFound({ zh: '检查记录', en: 'Inspection' }, 'body.inspectionId');
        if (inspection.enterpriseId !== enterprise.id) throw caseRuleError([problem('inspectionId', 'other_enterprise', '该检查记录不是对这家企业的检查', 'the inspection is not of this enterprise')]);
      }
      const hazards = await deps.hazardsOfEnterprise(db, enterprise.id, body.hazardIds);
      const foreign = body.hazardIds.filter((h) => !hazards.includes(h));
      if (foreign.length) throw caseRuleError(foreign.map((h) => problem('hazardIds', 'not_this_enterprise', `隐患 ${h} 不属于该企业`, `hazard ${h} is not this enterprise's`)));
      // The industry the case is about: the first of the enterprise's that the department supervises.
      const industry = enterprise.industries.find((i) => scope.coversIndustry(i)) ?? enterprise.industries[0] ?? null;
      const id = await db.transaction().execute((tx) => fileCaseIn(tx, { repo, audit: deps.audit }, ctx, user, enterprise, { ...body, filedOn, industry }, now));
      return detail(user, id);
    },

    async list(user: SessionUser, query: z.infer<typeof CaseListQuery>) {
      const now = deps.now();
      let q = db.selectFrom('cases as c').selectAll('c').where(scopeOf(user).where(CASE));
      if (query.status) q = q.where('c.status', '=', query.status);
      if (query.enterpriseId) q = q.where('c.enterprise_id', '=', query.enterpriseId);
      if (query.q) q = q.where((eb) => eb.or([eb('c.enterprise_name', 'like', `%${query.q}%`), eb('c.number', 'like', `%${query.q}%`), eb('c.cause', 'like', `%${query.q}%`)]));
      if (query.overdue !== undefined) {
        const overdue = sql<boolean>`case_overdue(c.status, c.filed_on, c.extension_days, ${shanghaiDate(now)}::date)`;
        q = q.where(query.overdue === 'true' ? overdue : sql<boolean>`not ${overdue}`);
      }
      const rows = await q.orderBy('c.filed_on', 'desc').orderBy('c.number', 'desc').limit(query.limit).execute();
      const measures = await repo.measures(db, rows.map((r) => r.id));
      return { items: rows.map((r) => presentSummary(r, measures, now)) };
    },

    async act(ctx: RequestContext, user: SessionUser, id: string, action: CaseAction, body: unknown) {
      await deps.perform(ctx, user, id, action, deps.handlers[action], body);
      return detail(user, id);
    },

    /** Makes (again) a document the case's state allows — a new number each time: a document once issued is never rewritten. */
    async generateDocument(ctx: RequestContext, user: SessionUser, id: string, kind: DocumentKind) {
      const doc = await db.transaction().execute(async (tx) => {
        const row = await repo.lockVisible(tx, id, scopeOf(user));
        if (!row) throw notFound(CASE_ENTITY, 'params.id');
        if (row.org_id !== user.orgId) throw forbidden('case.handle');
        const d = await deps.generate(tx, row, kind, user, deps.now());
        await deps.audit.record(tx, ctx, { action: 'case.document', objectType: 'case', objectId: id, result: 'success', statusCode: 201, details: { kind, number: d.number, sha256: d.sha256 } });
        return d;
      });
      return presentDocument(doc);
    },

    async openDocument(user: SessionUser, id: string, documentId: string) {
      const row = await repo.get(db, id, scopeOf(user));
      if (!row) throw notFound(CASE_ENTITY, 'params.id');
      const doc = await repo.document(db, id, documentId);
      if (!doc) throw notFound({ zh: '执法文书', en: 'Document' }, 'params.documentId');
      return { path: deps.filePath(doc.sha256), name: doc.name, size: doc.size, sha256: doc.sha256 };
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
