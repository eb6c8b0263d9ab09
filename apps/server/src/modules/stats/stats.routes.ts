import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ACCIDENT_CATEGORY_DEFINITIONS,
  ACCIDENT_GRADE_LABELS,
  HAZARD_LEVEL_LABELS,
  AccidentStats,
  AccidentStatsQuery,
  AccidentTrend,
  AccidentTrendQuery,
  AccidentVetoList,
  AccidentVetoQuery,
  HazardStats,
  HazardStatsQuery,
  IndicatorParams,
  IndicatorQuery,
  IndicatorTable,
  SetIndicatorBody,
} from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { exportFileName, attachment } from '../../platform/exports/export-cells.js';
import { exportHeading, type RegionPath } from '../../platform/exports/heading.js';
import { XLSX_MIME } from '../../platform/exports/xlsx-export.js';
import { accidentStatsWorkbook } from './accident-stats.export.js';
import type { AccidentStatsService } from './accident-stats.service.js';
import type { AccidentTrendService } from './accident-trend.service.js';
import type { IndicatorsService } from './indicators.service.js';
import type { HazardStatsService } from './hazard-stats.service.js';
import { hazardStatsWorkbook } from './hazard-stats.export.js';

export interface StatsRoutesDeps {
  db: Database;
  audit: AuditWriter;
  accidentStats: AccidentStatsService;
  accidentTrend: AccidentTrendService;
  indicators: IndicatorsService;
  hazardStats: HazardStatsService;
  regionPath: RegionPath;
  now: () => Date;
}

/** Statistics routes. Accident figures and control indicators here; hazard figures go beside them. */
export function statsRoutes(deps: StatsRoutesDeps): FastifyPluginAsyncZod {
  const { accidentStats, accidentTrend, indicators } = deps;
  return async (app) => {
    const tags = ['stats'];
    app.get('/api/stats/accidents', {
      config: { access: 'stats.read' },
      schema: { tags, summary: '事故统计（同比、环比、分级分类、下级排名、控制指标） Accident statistics', querystring: AccidentStatsQuery, response: { 200: AccidentStats } },
    }, async (req) => accidentStats.stats(requireUser(req), req.query));

    app.get('/api/stats/accidents/trend', {
      config: { access: 'stats.read' },
      schema: { tags, summary: '事故月度趋势（与上年同月对比） Monthly trend against last year', querystring: AccidentTrendQuery, response: { 200: AccidentTrend } },
    }, async (req) => accidentTrend.trend(requireUser(req), req.query));

    app.get('/api/stats/accidents/veto', {
      config: { access: 'stats.read' },
      schema: { tags, summary: '一票否决（年度） Units flagged for the annual veto', querystring: AccidentVetoQuery, response: { 200: AccidentVetoList } },
    }, async (req) => accidentTrend.veto(requireUser(req), req.query));

    app.get('/api/stats/accidents/export', {
      config: { access: 'stats.read', action: 'stats.export' },
      schema: { tags, summary: '导出事故统计 (.xlsx) Export the accident statistics', querystring: AccidentStatsQuery, produces: [XLSX_MIME] },
    }, async (req, reply) => {
      const user = requireUser(req);
      const stats = await accidentStats.stats(user, req.query);
      const f = stats.filter;
      const filters = [
        ...(f.category ? [`统计类别：${ACCIDENT_CATEGORY_DEFINITIONS[f.category].label.zh}`] : []), ...(f.grade ? [`事故等级：${ACCIDENT_GRADE_LABELS[f.grade].zh}`] : []), ...(f.industries.length ? [`行业：${f.industries.join('、')}`] : []),
      ];
      const heading = await exportHeading(deps.regionPath, user, { title: '生产安全事故统计', regionCode: stats.region.code, period: stats.period, filters, now: deps.now() });
      const file = await accidentStatsWorkbook(stats, heading);
      // Figures leaving the platform are worth a line in the audit log.
      await deps.audit.record(deps.db, req.ctx, { action: 'stats.export', objectType: 'region', objectId: stats.region.code, result: 'success', statusCode: 200, details: { period: stats.period, filter: stats.filter } });
      const filename = exportFileName('事故统计', stats.region.name, stats.period, heading.exportedAt);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(filename)).send(file);
    });

    app.get('/api/stats/hazards', {
      config: { access: 'stats.read' },
      schema: { tags, summary: '隐患统计（排查、整改、整改率、逾期、挂牌督办，同比与下级） Hazard statistics', querystring: HazardStatsQuery, response: { 200: HazardStats } },
    }, async (req) => deps.hazardStats.stats(requireUser(req), req.query));

    app.get('/api/stats/hazards/export', {
      config: { access: 'stats.read', action: 'stats.export' },
      schema: { tags, summary: '导出隐患统计 (.xlsx) Export the hazard statistics', querystring: HazardStatsQuery, produces: [XLSX_MIME] },
    }, async (req, reply) => {
      const user = requireUser(req);
      const stats = await deps.hazardStats.stats(user, req.query);
      const filters = [...(req.query.industry ? [`行业：${req.query.industry}`] : []), ...(req.query.level ? [`隐患等级：${HAZARD_LEVEL_LABELS[req.query.level].zh}`] : [])];
      const heading = await exportHeading(deps.regionPath, user, { title: '隐患排查治理统计', regionCode: stats.region.code, period: stats.period, filters, now: deps.now() });
      const file = await hazardStatsWorkbook(stats, heading);
      await deps.audit.record(deps.db, req.ctx, { action: 'stats.export', objectType: 'region', objectId: stats.region.code, result: 'success', statusCode: 200, details: { kind: 'hazards', period: stats.period } });
      const filename = exportFileName('隐患统计', stats.region.name, stats.period, heading.exportedAt);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(filename)).send(file);
    });

    app.get('/api/indicators', {
      config: { access: 'stats.read' },
      schema: { tags, summary: '控制指标及使用情况（本级与下级） Control indicators and their use', querystring: IndicatorQuery, response: { 200: IndicatorTable } },
    }, async (req) => indicators.table(requireUser(req), req.query));

    app.put('/api/indicators/:regionCode/:year/:metric', {
      config: { access: 'indicator.manage', action: 'indicator.set' },
      schema: { tags, summary: '下达控制指标（由上级为下级设定） Set a region’s annual cap', params: IndicatorParams, body: SetIndicatorBody, response: { 200: IndicatorTable } },
    }, async (req) => indicators.set(req.ctx, requireUser(req), req.params, req.body.cap));
  };
}
