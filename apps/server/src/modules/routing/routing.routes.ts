import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RoutingParams, RoutingQuery, RoutingTable, SetRouteBody } from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { RoutingService } from './routing.service.js';

export function routingRoutes(deps: { routing: RoutingService }): FastifyPluginAsyncZod {
  const { routing } = deps;
  return async (app) => {
    const tags = ['routing'];
    app.get('/api/routing', {
      config: { access: 'routing.read' },
      schema: { tags, summary: '三管三必须：区划的行业监管部门 Supervising departments for a region', querystring: RoutingQuery, response: { 200: RoutingTable } },
    }, async (req) => routing.table(requireUser(req), req.query.regionCode));

    app.put('/api/routing/:regionCode/:industryCode', {
      config: { access: 'routing.manage', action: 'routing.set' },
      schema: { tags, summary: '设置本级监管部门 Set the department at this level', params: RoutingParams, body: SetRouteBody, response: { 200: RoutingTable } },
    }, async (req) => routing.set(req.ctx, requireUser(req), req.params.regionCode, req.params.industryCode, req.body.departmentId));

    app.delete('/api/routing/:regionCode/:industryCode', {
      config: { access: 'routing.manage', action: 'routing.clear' },
      schema: { tags, summary: '取消本级设置（沿用上级） Clear the override (inherit again)', params: RoutingParams, response: { 200: RoutingTable } },
    }, async (req) => routing.clear(req.ctx, requireUser(req), req.params.regionCode, req.params.industryCode));
  };
}
