import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateIndustryBody, Industry, IndustryCode, IndustryList, UpdateIndustryBody } from '@anjian/domain';
import type { IndustriesService } from './industries.service.js';

export function industriesRoutes(deps: { industries: IndustriesService }): FastifyPluginAsyncZod {
  const { industries } = deps;
  return async (app) => {
    const tags = ['industries'];
    app.get('/api/industries', {
      config: { access: 'industry.read' },
      schema: { tags, summary: '行业列表 Industries', response: { 200: IndustryList } },
    }, async () => ({ items: await industries.list() }));

    app.post('/api/industries', {
      config: { access: 'industry.manage', action: 'industry.create' },
      schema: { tags, summary: '新增行业 Add an industry', body: CreateIndustryBody, response: { 201: Industry } },
    }, async (req, reply) => reply.status(201).send(await industries.create(req.ctx, req.body)));

    app.patch('/api/industries/:code', {
      config: { access: 'industry.manage', action: 'industry.update' },
      schema: { tags, summary: '修改行业 Edit an industry', params: z.strictObject({ code: IndustryCode }), body: UpdateIndustryBody, response: { 200: Industry } },
    }, async (req) => industries.update(req.ctx, req.params.code, req.body));
  };
}
