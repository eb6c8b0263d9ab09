import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { Database } from '../../platform/db/database.js';
import type { AttachmentOwner, StoredFile } from '../../platform/files/files.service.js';
import type { EnterprisesService } from '../enterprises/index.js';
import type { ReportFinding } from '../hazards/index.js';
import type { IndustriesService } from '../industries/index.js';
import { createOrgMembers } from '../users/index.js';
import { createActs } from './inspections.acts.js';
import { createEnforcementFigures, type EnforcementFiguresDeps } from './inspections.figures.js';
import { enforcementFiguresRoutes } from './inspections.figures.routes.js';
import { createInspectionsRepository } from './inspections.repository.js';
import { inspectionsRoutes } from './inspections.routes.js';
import { createInspectionsService, type InspectionsService } from './inspections.service.js';

export type { InspectionsService };
export type { CaseFigures, EnforcementFiguresDeps } from './inspections.figures.js';
export { inspectionOutcomes, reinspectionsOf } from './inspections.links.js';

export interface InspectionsModuleDeps {
  db: Database;
  audit: AuditWriter;
  enterprises: Pick<EnterprisesService, 'findVisible'>;
  industries: Pick<IndustriesService, 'assertKnown'>;
  ownedFiles: (userId: string, ids: string[]) => Promise<StoredFile[]>;
  verifyPassword: (userId: string, password: string) => Promise<boolean>;
  /** The hazards module's intake, on this module's transaction (a failed item becomes a hazard). */
  reportFinding: ReportFinding;
  /** For the enforcement figures (GET /api/enforcement/figures): regions, industries, the draws' plans, the cases' figures. */
  figures: Omit<EnforcementFiguresDeps, 'db' | 'now'>;
  now: () => Date;
}

/** Inspection records (监督检查) and their versioned checklists. */
export function createInspectionsModule(deps: InspectionsModuleDeps) {
  const repo = createInspectionsRepository(deps.db);
  const service = createInspectionsService({ db: deps.db, repo, audit: deps.audit, enterprises: deps.enterprises, industries: deps.industries, orgMembers: createOrgMembers(deps.db), now: deps.now });
  const acts = createActs({ db: deps.db, repo, audit: deps.audit, ownedFiles: deps.ownedFiles, verifyPassword: deps.verifyPassword, reportFinding: deps.reportFinding, now: deps.now });
  /** Photos and signatures on a record are served to whoever may read the record. */
  const attachments: AttachmentOwner = { kind: 'inspection', recordsWith: repo.inspectionsWithFile, mayRead: service.mayRead };
  const figures = createEnforcementFigures({ ...deps.figures, db: deps.db, now: deps.now });
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(inspectionsRoutes({ service, acts }));
    await app.register(enforcementFiguresRoutes({ figures }));
  };
  /** For the cases module: the inspection a case is filed from, if the user may see it. */
  const inspectionOf = async (user: SessionUser, id: string) => {
    const row = await repo.detail(scopeOf(user), id);
    return row ? { enterpriseId: row.enterprise_id } : null;
  };
  return { service, routes, attachments, figures, inspectionOf };
}
