import { sql } from 'kysely';
import {
  coverageOf, INSPECTION_TYPES, isWithinRegion, mergeTargets, shanghaiDate, type CoverageEntry, type EnforcementFigures, type Industry, type InspectionType, type PlanTarget,
  type Region,
} from '@anjian/domain';
import type { z } from 'zod';
import { scopeOf, type Scope } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import { forbidden, ruleViolation } from '../../platform/errors.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { CoveragePlan } from '../draws/index.js';
import { INSPECTION } from './inspections.scope.js';

type Figures = z.infer<typeof EnforcementFigures>;

/** The cases module's figures (cases.lists.ts), amounts in 分. */
export interface CaseFigures {
  opened: number; decided: number; overdue: number; finesDecidedFen: number; finesCollectedFen: number;
  suspended: number; resumed: number; closed: number; blacklisted: number;
}

export interface EnforcementFiguresDeps {
  db: Database;
  regions: {
    resolve(input: string, field: string, scope: Scope | null): Promise<string>;
    get(input: string, scope: Scope): Promise<Region>;
    children(input: string, scope: Scope): Promise<Region[]>;
  };
  industries: () => Promise<Industry[]>;
  /** The draws module: the year's plans over a region, with their registers. */
  planCoverage: (scope: Scope, year: number, regionCode: string) => Promise<CoveragePlan[]>;
  /** The cases module's figures; a getter because the cases module is created after this one (app.ts). */
  caseFigures: (scope: Scope, period: { from: string; to: string }) => Promise<CaseFigures>;
  now: () => Date;
}

/** An inspection counts once recorded (signed): a draft is not yet an inspection that took place. */
const RECORDED = ['recorded', 'archived'];

/**
 * 执法统计 for the dashboard (统计口径: docs/statistics.md, "Enforcement"): inspections by type and
 * the hazards they found in the period, inspection coverage this year against the plans, and the
 * cases module's figures, all for one region in the caller's scope.
 */
export function createEnforcementFigures(deps: EnforcementFiguresDeps) {
  const { db } = deps;

  /** The region asked for: one's own by default; above one's own a 403 (a part would pass for the whole), outside a 404. */
  async function target(user: SessionUser, scope: Scope, input: string | undefined): Promise<Region> {
    const code = input === undefined ? user.regionCode : await deps.regions.resolve(input, 'query.regionCode', scope);
    if (!scope.coversRegion(code)) throw forbidden('inspection.read');
    return deps.regions.get(code, scope);
  }

  async function byType(scope: Scope, from: string, to: string) {
    const rows = await db.selectFrom('inspections as i').where(scope.where(INSPECTION)).where('i.status', 'in', RECORDED)
      .where('i.inspected_on', '>=', from).where('i.inspected_on', '<=', to)
      .select(['i.type', sql<string>`count(*)`.as('n')]).groupBy('i.type').execute();
    const count = new Map(rows.map((r) => [r.type, Number(r.n)]));
    return INSPECTION_TYPES.map((type: InspectionType) => ({ type, count: count.get(type) ?? 0 }));
  }

  /** Hazards the inspections of the period found (their failed items), less those rejected as not a hazard. */
  async function hazardsFound(scope: Scope, from: string, to: string) {
    const r = await db.selectFrom('inspections as i').innerJoin('inspection_results as r', 'r.inspection_id', 'i.id').innerJoin('hazards as h', 'h.id', 'r.hazard_id')
      .where(scope.where(INSPECTION)).where('i.status', 'in', RECORDED).where('i.inspected_on', '>=', from).where('i.inspected_on', '<=', to).where('h.status', '<>', 'rejected')
      .select([sql<string>`count(distinct h.id)`.as('total'), sql<string>`count(distinct h.id) filter (where h.level = 'major')`.as('major')])
      .executeTakeFirstOrThrow();
    return { total: Number(r.total), major: Number(r.major) };
  }

  async function coverage(user: SessionUser, scope: Scope, region: Region, to: string): Promise<Figures['coverage']> {
    const year = Number(to.slice(0, 4));
    const from = `${year}-01-01`;
    const plans = await deps.planCoverage(scopeOf(user), year, region.code);
    // One entry per enterprise: the strictest target of its plans, and the industries they cover it for.
    const enterprises = new Map<string, { regionCode: string; industries: Set<string>; targets: PlanTarget[] }>();
    for (const plan of plans) {
      for (const r of plan.register) {
        const e = enterprises.get(r.id) ?? { regionCode: r.regionCode, industries: new Set<string>(), targets: [] };
        e.targets.push(r.target);
        for (const i of r.industries) if (scope.coversIndustry(i) && (plan.industries === null || plan.industries.includes(i))) e.industries.add(i);
        enterprises.set(r.id, e);
      }
    }
    const ids = [...enterprises.keys()];
    const counts = new Map<string, number>();
    if (ids.length > 0) {
      const rows = await db.selectFrom('inspections as i').where(scope.where(INSPECTION)).where('i.status', 'in', RECORDED)
        .where('i.inspected_on', '>=', from).where('i.inspected_on', '<=', to).where('i.enterprise_id', '=', sql<string>`any(${ids}::uuid[])`)
        .select(['i.enterprise_id', sql<string>`count(*)`.as('n')]).groupBy('i.enterprise_id').execute();
      for (const r of rows) counts.set(r.enterprise_id, Number(r.n));
    }
    const entries = [...enterprises].map(([id, e]) => ({ ...e, entry: { ...mergeTargets(e.targets), inspections: counts.get(id) ?? 0 } as CoverageEntry }));
    const of = (list: typeof entries) => coverageOf(list.map((e) => e.entry));

    const children = region.childCount > 0 ? await deps.regions.children(region.code, scope) : [];
    const byRegion = children.map((c) => ({ code: c.code, name: c.name, ...of(entries.filter((e) => isWithinRegion(e.regionCode, c.code))) }));
    const own = entries.filter((e) => !children.some((c) => isWithinRegion(e.regionCode, c.code)));
    // Enterprises registered on the region itself, not on a child: one more row, so the rows add up.
    if (children.length > 0 && own.length > 0) byRegion.push({ code: region.code, name: '本级（未落到下级区划）', ...of(own) });

    const industries = await deps.industries();
    const codes = new Set(entries.flatMap((e) => [...e.industries]));
    const byIndustry = industries.filter((i) => codes.has(i.code))
      .map((i) => ({ code: i.code, name: i.nameZh, ...of(entries.filter((e) => e.industries.has(i.code))) }));

    return { year, from, to, plans: plans.map((p) => ({ id: p.id, name: p.name, orgName: p.orgName })), total: of(entries), byRegion, byIndustry };
  }

  return async function figures(user: SessionUser, query: { from?: string; to?: string; regionCode?: string }): Promise<Figures> {
    const today = shanghaiDate(deps.now());
    const to = query.to ?? today;
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    if (from > to) throw ruleViolation({ zh: '开始日期不能晚于结束日期', en: 'from must not be after to' }, 'query.from');
    const mine = scopeOf(user);
    const region = await target(user, mine, query.regionCode);
    // The caller's scope narrowed to the region asked for: same industries, same enterprise, a smaller subtree.
    const scope = region.code === user.regionCode ? mine : scopeOf({ ...user, regionCode: region.code });
    const types = await byType(scope, from, to);
    const cases = user.permissions.has('case.read') ? await deps.caseFigures(scope, { from, to }) : null;
    return {
      region: { code: region.code, name: region.name }, period: { from, to }, scopeIndustries: scope.industries ? [...scope.industries] : null,
      inspections: { total: types.reduce((s, t) => s + t.count, 0), byType: types },
      hazards: await hazardsFound(scope, from, to),
      coverage: await coverage(user, scope, region, to),
      cases: cases && {
        opened: cases.opened, decided: cases.decided, overdue: cases.overdue, finesDecidedYuan: cases.finesDecidedFen / 100, finesCollectedYuan: cases.finesCollectedFen / 100,
        suspended: cases.suspended, resumed: cases.resumed, closed: cases.closed, blacklisted: cases.blacklisted,
      },
    };
  };
}

export type EnforcementFiguresService = ReturnType<typeof createEnforcementFigures>;
