import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import type { RegionsService } from '../regions/index.js';
import { createAccidentStatsRepository } from './accident-stats.repository.js';
import { createAccidentStatsService, type AccidentStatsService } from './accident-stats.service.js';
import { createAccidentTrendService } from './accident-trend.service.js';
import { createIndicatorsRepository } from './indicators.repository.js';
import { createIndicatorsService } from './indicators.service.js';
import { createHazardStatsRepository } from './hazard-stats.repository.js';
import { createHazardStatsRollup } from './hazard-stats.rollup.js';
import { createHazardStatsService } from './hazard-stats.service.js';
import { statsRoutes } from './stats.routes.js';

export type { AccidentStatsService };

/**
 * Statistics over the ledgers (统计): accident figures and control indicators. Each kind of
 * figure keeps its own repository and service (accident-stats.*, indicators.*, hazard-stats.*).
 */
export function createStatsModule(deps: { db: Database; audit: AuditWriter; regions: RegionsService; now: () => Date }) {
  const stats = createAccidentStatsRepository(deps.db);
  const indicators = createIndicatorsService({ ...deps, repo: createIndicatorsRepository(deps.db), stats });
  const accidentStats = createAccidentStatsService({ repo: stats, regions: deps.regions, indicators, now: deps.now });
  const accidentTrend = createAccidentTrendService({ repo: stats, regions: deps.regions, now: deps.now });
  const hazardStats = createHazardStatsService({ repo: createHazardStatsRepository(deps.db), rollup: createHazardStatsRollup(deps.db), accidents: stats, regions: deps.regions, now: deps.now });
  return { service: accidentStats, routes: statsRoutes({ db: deps.db, audit: deps.audit, accidentStats, accidentTrend, indicators, hazardStats, regionPath: (code) => deps.regions.path(code), now: deps.now }) };
}
