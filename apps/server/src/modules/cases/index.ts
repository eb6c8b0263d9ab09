import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { DocumentParty, EnterpriseSummary, OrderEnterpriseStatus } from '../enterprises/index.js';
import { createBlacklist } from './cases.blacklist.js';
import { createDocumentGenerator } from './cases.documents.js';
import { createCaseEscalation } from './cases.escalation.js';
import { createCaseHandlers } from './cases.handlers.js';
import { createCaseLists } from './cases.lists.js';
import { enforcementRoutes } from './cases.more.routes.js';
import { createCasesRepository } from './cases.repository.js';
import { createResumptions } from './cases.resumptions.js';
import { casesRoutes } from './cases.routes.js';
import { createCasesService, type CasesService } from './cases.service.js';
import { createCaseWorkflow } from './cases.workflow.js';
import type { InspectionLinks } from './cases.links.js';

export type { CasesService };
export type { CaseListRow, PenaltyListRow, ListFilter } from './cases.lists.js';
export { casesOfInspections, orderCaseOf, type InspectionCase, type InspectionLinks } from './cases.links.js';

export interface CasesModuleDeps {
  db: Database;
  audit: AuditWriter;
  storage: FileStorage;
  findEnterprise: (user: SessionUser, id: string) => Promise<EnterpriseSummary | null>;
  orderStatus: OrderEnterpriseStatus;
  party: (db: Executor, enterpriseId: string) => Promise<DocumentParty | null>;
  openMajorHazardCount: (db: Executor, enterpriseId: string) => Promise<number>;
  hazardsOfEnterprise: (db: Executor, enterpriseId: string, ids: readonly string[]) => Promise<string[]>;
  verifyPassword: (userId: string, password: string) => Promise<boolean>;
  /** The inspections a case is filed from and its 复查 (modules/inspections). */
  inspections: InspectionLinks;
  now: () => Date;
}

/**
 * 行政执法案件 (issue 12). The public surface for other modules:
 * - caseListRows(scope, filter, page?) / penaltyListRows(scope, filter, page?): the 案件查办清单 and 违法企业处罚清单
 *   (keyset pages for hazards' 一个台账四个清单 lists page and its .xlsx export);
 * - figures(scope, period): the dashboard's enforcement figures (统计口径 in cases.lists.ts);
 * - blacklistedEnterpriseIds(scope) / isBlacklisted(scope, id) / blacklistFlags(scope, ids): flag an enterprise on the blacklist;
 * - drawWeights(ids): the draws module's weights (a blacklisted enterprise weighs 3);
 * - interviews: 约谈 records (list, create, followUp), for the campaigns module to reuse;
 * - escalateOverdueCases(now): the job of the 立案→决定 clock.
 */
export function createCasesModule(deps: CasesModuleDeps) {
  const repo = createCasesRepository();
  const generate = createDocumentGenerator({ repo, storage: deps.storage, party: deps.party, reinspectionsOf: deps.inspections.reinspectionsOf });
  const handlers = createCaseHandlers({ repo, generate, orderStatus: deps.orderStatus });
  const perform = createCaseWorkflow({ db: deps.db, repo, audit: deps.audit, now: deps.now });
  const service = createCasesService({
    db: deps.db, repo, audit: deps.audit, perform, handlers, generate, findEnterprise: deps.findEnterprise, hazardsOfEnterprise: deps.hazardsOfEnterprise, inspections: deps.inspections,
    filePath: deps.storage.pathOf, now: deps.now,
  });
  const lists = createCaseLists({ db: deps.db, now: deps.now });
  const resumptions = createResumptions({ ...deps });
  const blacklist = createBlacklist({ ...deps });
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(casesRoutes({ cases: service, lists, now: deps.now }));
    await app.register(enforcementRoutes({ resumptions, blacklist }));
  };
  return {
    service, routes,
    caseListRows: lists.caseListRows,
    penaltyListRows: lists.penaltyListRows,
    figures: lists.figures,
    blacklistedEnterpriseIds: blacklist.blacklistedEnterpriseIds,
    isBlacklisted: blacklist.isBlacklisted,
    /** The draws module's `weights`: a blacklisted enterprise weighs 3 in a 双随机 register. */
    drawWeights: blacklist.drawWeights,
    /** The enterprises module's 黑名单 flag: in-force entries the scope sees, by enterprise. */
    blacklistFlags: blacklist.flags,
    interviews: blacklist.interviews,
    escalateOverdueCases: createCaseEscalation({ db: deps.db, audit: deps.audit }),
  };
}

export type CasesModule = ReturnType<typeof createCasesModule>;
