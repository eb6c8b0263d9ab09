import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { ROLLUP_LOCK } from '../../db/migrations/2026_12_07_0015d_rollups_in_import.js';
import { unscoped } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { AttachmentOwner } from '../../platform/files/files.service.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import type { OrgsService } from '../orgs/index.js';
import type { RegionsService } from '../regions/index.js';
import type { RoutingService } from '../routing/index.js';
import { createActionHandlers, type ActionDeps } from './hazards.actions.js';
import { createEscalation } from './hazards.escalation.js';
import { createFindingReporter } from './hazards.findings.js';
import { hazardsExtraRoutes } from './hazards.extra.routes.js';
import { createInbox } from './hazards.inbox.js';
import { createHazardImporter } from './hazards.import.js';
import { hazardsImportRoutes } from './hazards.import.routes.js';
import { createListsService } from './hazards.lists.service.js';
import { createReviews } from './hazards.reviews.js';
import { createHazardQueries } from './hazards.queries.js';
import { createReporterReader } from './hazards.reporter.js';
import { createHazardsRepository } from './hazards.repository.js';
import { hazardsRoutes } from './hazards.routes.js';
import { createHazardsService, type HazardsService } from './hazards.service.js';
import { createWorkflow } from './hazards.workflow.js';

export type { HazardsService };
export type { Finding, ReportFinding } from './hazards.findings.js';
export type { EnforcementListSource } from './hazards.lists.enforcement.js';

export interface HazardsModuleDeps {
  db: Database;
  /** The bulk import COPYs on a connection of its own. */
  databaseUrl: string;
  audit: AuditWriter;
  regions: RegionsService;
  orgs: OrgsService;
  routing: RoutingService;
  /** Files the user uploaded and has not attached yet (what a report or an act may attach). */
  ownedFiles: (userId: string, ids: string[]) => Promise<{ id: string }[]>;
  pii: PiiCipher;
  verifyPassword: (userId: string, password: string) => Promise<boolean>;
  suspendEnterprise?: ActionDeps['suspendEnterprise'];
  now: () => Date;
}

export function createHazardsModule(deps: HazardsModuleDeps) {
  const repo = createHazardsRepository(deps.db);
  const queries = createHazardQueries(deps.db);
  const ownedFiles = deps.ownedFiles;
  const handlers = createActionHandlers({
    repo, orgs: deps.orgs, routing: deps.routing, ownedFiles, verifyPassword: deps.verifyPassword, suspendEnterprise: deps.suspendEnterprise,
    inDraw: async (drawId, hazardId) => {
      const row = await deps.db.selectFrom('hazard_review_draws').select('id').where('id', '=', drawId).where(sql<boolean>`${hazardId}::bigint = any(sample)`).executeTakeFirst();
      return row !== undefined;
    },
  });
  const perform = createWorkflow({ db: deps.db, repo, audit: deps.audit, now: deps.now });
  const service = createHazardsService({ db: deps.db, repo, queries, regions: deps.regions, orgs: deps.orgs, ownedFiles, audit: deps.audit, perform, handlers, pii: deps.pii, now: deps.now });
  const readReporter = createReporterReader({ db: deps.db, audit: deps.audit, pii: deps.pii });
  /** The files service asks this module whether a user may read the hazard a file hangs on. */
  const attachments: AttachmentOwner = { kind: 'hazard', recordsWith: repo.hazardsWithFile, mayRead: service.mayRead };
  const lists = createListsService({ db: deps.db, regions: deps.regions, now: deps.now });
  const extra = hazardsExtraRoutes({
    reviews: createReviews({ db: deps.db, regions: deps.regions, audit: deps.audit, now: deps.now }),
    lists,
    inbox: createInbox({ db: deps.db, now: deps.now }),
  });
  const escalateOverdue = createEscalation({ db: deps.db, audit: deps.audit });
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(hazardsRoutes({ hazards: service, readReporter }));
    await app.register(extra);
    await app.register(hazardsImportRoutes({ importHazards: createHazardImporter({ db: deps.db, databaseUrl: deps.databaseUrl, audit: deps.audit, now: deps.now }) }));
  };
  /**
   * Folds the change log into the ledger counts and the statistics rollup (a job, every few
   * seconds: readers count the log's rows live, so it is kept short), then vacuums the log,
   * which readers scan on every request.
   */
  const foldChanges = async () => {
    const n = await deps.db.transaction().setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        // A bulk import folds its own rows and holds the rollups' lock meanwhile (migration
        // 0015d): then this round is skipped — the log holds only single writes, read live.
        const { rows: [lock] } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${sql.lit(ROLLUP_LOCK)}) as ok`.execute(tx);
        if (!lock?.ok) return 0;
        return Number((await sql<{ n: string }>`select hazard_changes_fold() as n`.execute(tx)).rows[0]?.n ?? 0);
      })
      // An import that committed between this snapshot and the lock: its rows are in the rollup
      // rows the fold would update, which REPEATABLE READ refuses; the next round folds.
      .catch((error: { code?: string }) => { if (error.code === '40001') return 0; throw error; });
    if (n > 0) await sql`vacuum hazard_changes`.execute(deps.db);
    return n;
  };
  /** For inspections: a failed item filed as a hazard inside the inspection's transaction. */
  const reportFinding = createFindingReporter({ repo, audit: deps.audit, now: deps.now });
  /**
   * The 案件查办清单 and 违法企业处罚清单 read the cases module, created after this one: app.ts
   * hands its caseListRows / penaltyListRows over here once it exists (late binding).
   */
  const useEnforcementLists = lists.useEnforcement;
  return { service, routes, escalateOverdue, foldChanges, attachments, reportFinding, useEnforcementLists };
}
export { hazardVisible, hazardVisibleInRegion } from './hazards.scope.js';
export { late, past, LATE_KIND_CODE } from './hazards.clock.js';
export { EXPOSED } from './hazards.escalation.js';
export { hazardsPii, sealIdentity } from './hazards.reporter.js';

/**
 * For 双随机 draws (modules/draws): which of these enterprises had a 重大事故隐患 found on or
 * after `since` (a plan's key rule makes them 重点监管).
 */
export async function enterprisesWithMajorHazards(db: Executor, enterpriseIds: readonly string[], since: string): Promise<Set<string>> {
  if (enterpriseIds.length === 0) return new Set();
  const rows = await db.selectFrom('hazards as h').select('h.enterprise_id').distinct()
    .where(unscoped('enterprises of a register already held to the scope of its user')).where('h.level', '=', 'major').where('h.found_on', '>=', since)
    .where('h.enterprise_id', 'in', [...enterpriseIds]).execute();
  return new Set(rows.map((r) => r.enterprise_id).filter((id): id is string => id !== null));
}
/** Display names for the audit log (platform/audit/audit.names.ts). */
export { hazardNames } from './hazards.names.js';
export { openMajorHazardCount, hazardsOfEnterprise, hazardRectification } from './hazards.enforcement.js';
