import type { PairOutcome } from '@anjian/domain';
import type { Database, Executor } from '../../platform/db/database.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { RegionsService } from '../regions/index.js';
import { drawsRoutes } from './draws.routes.js';
import { createDraws } from './draws.service.js';
import { createPlans } from './plans.service.js';
import { createRegisterSource, type WeightSource } from './register.js';
import { createPlanCoverage } from './coverage.js';

export type { WeightSource };
export type { CoveragePlan, PlanCoverage } from './coverage.js';
export { linkPair, pairForInspection, recordPairFindings, type DrawPairForInspection } from './draws.links.js';

/** The live part of a pair's 一公开 result, by inspection id (modules/inspections). */
export type PairOutcomes = (db: Executor, inspectionIds: readonly string[]) => Promise<Map<string, PairOutcome>>;

export interface DrawsModuleDeps {
  db: Database;
  audit: AuditWriter;
  regions: Pick<RegionsService, 'resolve' | 'path'>;
  industryCodes: () => Promise<string[]>;
  enterpriseVisible: (user: SessionUser, id: string) => Promise<{ name: string } | null>;
  /** Weights for the draw (the cases module: blacklisted enterprises drawn more often); none: all 1. */
  weights?: WeightSource;
  /** The measures and "closed" of each pair's inspection, as they stand (modules/inspections). */
  outcomes: PairOutcomes;
  now: () => Date;
}

/** 双随机一公开: inspection plans, their pools, verifiable draws and their publication. */
export function createDrawsModule(deps: DrawsModuleDeps) {
  const register = createRegisterSource(deps.db, deps.weights ?? null);
  const plans = createPlans({ ...deps, register });
  const draws = createDraws({ ...deps, plans, register });
  // coverage: the year's plans over a region with their registers, for the enforcement figures (modules/inspections).
  return { plans, draws, routes: drawsRoutes({ plans, draws }), coverage: createPlanCoverage({ db: deps.db, register, now: deps.now }) };
}
