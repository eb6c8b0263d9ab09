import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImportVillagesBody, ImportVillagesResult, Region, RegionList, RegionParams, RegionSearchQuery, RegionSearchResult } from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import { scopeOf } from '../../platform/access/scope.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { RegionsService } from './regions.service.js';

export interface RegionsRoutesDeps {
  regions: RegionsService;
  importVillages: (ctx: RequestContext, provinceInput: string) => Promise<{ provinceCode: string; villages: number; millis: number }>;
}

export function regionsRoutes(deps: RegionsRoutesDeps): FastifyPluginAsyncZod {
  const { regions } = deps;
  return async (app) => {
    const tags = ['regions'];
    app.get('/api/regions/:code', {
      config: { access: 'region.read' },
      schema: { tags, summary: '行政区划 A region', params: RegionParams, response: { 200: Region } },
    }, async (req) => regions.get(req.params.code, scopeOf(requireUser(req))));

    app.get('/api/regions/:code/children', {
      config: { access: 'region.read' },
      schema: { tags, summary: '下级区划 Child regions', params: RegionParams, response: { 200: RegionList } },
    }, async (req) => ({ items: await regions.children(req.params.code, scopeOf(requireUser(req))) }));

    app.get('/api/regions/:code/ancestors', {
      config: { access: 'region.read' },
      schema: { tags, summary: '上级路径 Path from the root (breadcrumb)', params: RegionParams, response: { 200: RegionList } },
    }, async (req) => ({ items: await regions.ancestors(req.params.code, scopeOf(requireUser(req))) }));

    app.get('/api/regions/:code/search', {
      config: { access: 'region.read' },
      schema: { tags, summary: '按名称搜索下级 Search by name within a subtree', params: RegionParams, querystring: RegionSearchQuery, response: { 200: RegionSearchResult } },
    }, async (req) => ({ items: await regions.search(req.params.code, req.query.q, req.query.limit, scopeOf(requireUser(req))) }));

    app.post('/api/regions/village-imports', {
      config: { access: 'region.import' },
      schema: { tags, summary: '导入一个省的村级区划 Import one province\'s villages', body: ImportVillagesBody, response: { 200: ImportVillagesResult } },
    }, async (req) => deps.importVillages(req.ctx, req.body.provinceCode));
  };
}
