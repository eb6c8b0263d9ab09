import type { z } from 'zod';
import {
  consumption,
  formatPercent,
  INDICATOR_METRIC_CODES,
  INDICATOR_METRICS,
  regionLevel,
  roundHalfAwayFromZero,
  shanghaiDate,
  yearProgress,
  type IndicatorCell,
  type IndicatorConsumptionView,
  type IndicatorMetric,
  type IndicatorParams,
  type IndicatorQuery,
  type IndicatorTable,
} from '@anjian/domain';
import { scopeOf, type Scope } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { forbidden, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { AccidentStatsRepository } from './accident-stats.repository.js';
import type { IndicatorsRepository } from './indicators.repository.js';
import { statsTarget, type StatsRegions } from './stats-access.js';

export interface IndicatorsDeps {
  db: Database;
  repo: IndicatorsRepository;
  stats: AccidentStatsRepository;
  regions: StatsRegions;
  audit: AuditWriter;
  now: () => Date;
}

/**
 * The stretch of a year a cap is measured against: 1 January to today while the year runs,
 * the whole of a past year, nothing of a future one.
 */
export function indicatorYear(year: number, today: string): { asOf: string; progress: number; future: boolean } {
  const current = Number(today.slice(0, 4));
  if (year > current) return { asOf: `${year}-01-01`, progress: 0, future: true };
  const asOf = year < current ? `${year}-12-31` : today;
  return { asOf, progress: yearProgress(asOf, year), future: false };
}

type Actuals = (sub: string | null, metric: IndicatorMetric) => number;

function measureActuals(rows: { sub: string | null; category: string; n: number; d: number }[]): Actuals {
  return (sub, metric) => {
    const def = INDICATOR_METRICS[metric];
    return rows
      .filter((r) => r.sub === sub && (def.category === null || r.category === def.category))
      .reduce((sum, r) => sum + (def.measure === 'accidents' ? r.n : r.d), 0);
  };
}

function cellFigures(actual: number, cap: number | null, progress: number) {
  if (cap === null) return { percent: null, percentText: null, ahead: false, exceeded: false };
  const c = consumption(actual, cap, progress);
  return { percent: c.percent === null ? null : roundHalfAwayFromZero(c.percent, 1), percentText: c.percent === null ? null : formatPercent(c.percent, 1, { sign: false }), ahead: c.ahead, exceeded: c.exceeded };
}

export function createIndicatorsService(deps: IndicatorsDeps) {
  const { db, repo, audit } = deps;

  async function actualsFor(scope: Scope, prefix: string, childLength: number | null, year: number, asOf: string, future: boolean): Promise<Actuals> {
    if (future) return () => 0;
    return measureActuals(await deps.stats.byCategory({ scope, regionPrefix: prefix, childLength, period: { kind: 'custom', from: `${year}-01-01`, to: asOf } }));
  }

  async function table(user: SessionUser, q: z.infer<typeof IndicatorQuery>): Promise<IndicatorTable> {
    const scope = scopeOf(user);
    const target = await statsTarget(deps.regions, user, scope, q.regionCode, 'stats.read');
    const today = shanghaiDate(deps.now());
    const year = q.year ?? Number(today.slice(0, 4));
    const { asOf, progress, future } = indicatorYear(year, today);
    const children = target.childLength === null ? [] : await deps.regions.children(target.region.code, scope);
    const units = [{ region: target.region, self: true }, ...children.map((region) => ({ region, self: false }))];
    const [caps, actual] = await Promise.all([
      repo.caps(units.map((u) => u.region.code), year),
      actualsFor(scope, target.prefix, target.childLength, year, asOf, future),
    ]);
    // A cap is set by the level above: for regions strictly below one's own.
    const mayManage = (code: string) => user.permissions.has('indicator.manage') && !scope.isEnterprise && code !== user.regionCode && scope.coversRegion(code);
    return {
      year, asOf, yearProgressPercent: roundHalfAwayFromZero(progress * 100, 1), scopeIndustries: scope.industries === null ? null : [...scope.industries],
      metrics: INDICATOR_METRIC_CODES.map((code) => ({ code, label: INDICATOR_METRICS[code].label, unit: INDICATOR_METRICS[code].unit, category: INDICATOR_METRICS[code].category, measure: INDICATOR_METRICS[code].measure })),
      rows: units.map(({ region, self }) => ({
        region: { code: region.code, name: region.name, level: region.level },
        self,
        items: INDICATOR_METRIC_CODES.map((metric): IndicatorCell => {
          const set = caps.find((c) => c.region_code === region.code && c.metric === metric);
          const value = actual(self ? null : region.code, metric);
          return {
            metric, cap: set?.cap ?? null, actual: value, ...cellFigures(value, set?.cap ?? null, progress),
            setBy: set ? { orgId: set.set_by_org, orgName: set.org_name } : null, setAt: set?.set_at.toISOString() ?? null,
          };
        }),
        actions: mayManage(region.code) ? ['set'] : [],
      })),
    };
  }

  return {
    table,

    /** The region's caps for the year with their consumption ("占全年控制指标54%"); none set → empty. */
    async consumption(scope: Scope, target: { code: string; prefix: string }, year: number, today: string): Promise<IndicatorConsumptionView[]> {
      const caps = await repo.caps([target.code], year);
      if (caps.length === 0) return [];
      const { asOf, progress, future } = indicatorYear(year, today);
      const actual = await actualsFor(scope, target.prefix, null, year, asOf, future);
      return caps.map((c) => {
        const metric = c.metric as IndicatorMetric;
        const value = actual(null, metric);
        const fig = cellFigures(value, c.cap, progress);
        return {
          metric, label: INDICATOR_METRICS[metric].label, unit: INDICATOR_METRICS[metric].unit, year, cap: c.cap, actual: value, asOf,
          percent: fig.percent, percentText: fig.percentText, yearProgressPercent: roundHalfAwayFromZero(progress * 100, 1), ahead: fig.ahead, exceeded: fig.exceeded,
        };
      });
    },

    async set(ctx: RequestContext, user: SessionUser, params: z.infer<typeof IndicatorParams>, cap: number): Promise<IndicatorTable> {
      const scope = scopeOf(user);
      const code = await deps.regions.resolve(params.regionCode, 'params.regionCode', scope);
      // One's own region's cap comes from the level above; regions above one's own are not one's to cap.
      if (scope.isEnterprise || code === user.regionCode || !scope.coversRegion(code)) throw forbidden('indicator.manage');
      if (regionLevel(code) === 0) throw ruleViolation({ zh: '全国不设控制指标', en: 'the country as a whole has no cap' }, 'params.regionCode');
      await db.transaction().execute(async (tx) => {
        const previous = await repo.upsert(tx, { region_code: code, year: params.year, metric: params.metric, cap, set_by_org: user.orgId, set_by: user.id, set_at: deps.now() });
        await audit.record(tx, ctx, { action: 'indicator.set', objectType: 'control_indicator', objectId: `${code}/${params.year}/${params.metric}`, result: 'success', statusCode: 200, details: { previous, cap } });
      });
      return table(user, { regionCode: code, year: params.year });
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
