import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EnforcementFigures, EnforcementFiguresQuery } from '@anjian/domain';
import { requireUser, requirePermission } from '../../platform/access/guard.js';
import type { EnforcementFiguresService } from './inspections.figures.js';

/**
 * The dashboard's 执法 section. A statistics route (stats.read, like the other dashboard figures:
 * enterprise accounts have none) that also needs inspection.read; the case figures come only
 * to those who may read cases.
 */
export function enforcementFiguresRoutes(deps: { figures: EnforcementFiguresService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/enforcement/figures', {
      config: { access: 'stats.read' },
      schema: {
        tags: ['inspections'], summary: '执法统计（检查分类型、检查发现隐患、检查覆盖率、案件） Enforcement figures for a period and region',
        querystring: EnforcementFiguresQuery, response: { 200: EnforcementFigures },
      },
    }, async (req) => {
      const user = requireUser(req);
      requirePermission(user, 'inspection.read');
      return deps.figures(user, req.query);
    });
  };
}
