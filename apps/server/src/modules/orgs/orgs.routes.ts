import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateOrgBody, Org, OrgListQuery, OrgPage, OrgParams, UpdateOrgBody } from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { OrgsService } from './orgs.service.js';

export function orgsRoutes(deps: { orgs: OrgsService }): FastifyPluginAsyncZod {
  const { orgs } = deps;
  return async (app) => {
    const tags = ['orgs'];
    app.get('/api/orgs', {
      config: { access: 'org.read' },
      schema: { tags, summary: '组织机构列表 Organisations', querystring: OrgListQuery, response: { 200: OrgPage } },
    }, async (req) => orgs.list(requireUser(req), req.query));

    app.get('/api/orgs/:id', {
      config: { access: 'org.read' },
      schema: { tags, summary: '组织机构 An organisation', params: OrgParams, response: { 200: Org } },
    }, async (req) => orgs.get(requireUser(req), req.params.id));

    app.post('/api/orgs', {
      config: { access: 'org.create' },
      schema: { tags, summary: '新建组织机构 Create an organisation', body: CreateOrgBody, response: { 201: Org } },
    }, async (req, reply) => reply.status(201).send(await orgs.create(req.ctx, requireUser(req), req.body)));

    app.patch('/api/orgs/:id', {
      config: { access: 'org.update' },
      schema: { tags, summary: '修改组织机构 Edit an organisation', params: OrgParams, body: UpdateOrgBody, response: { 200: Org } },
    }, async (req) => orgs.update(req.ctx, requireUser(req), req.params.id, req.body));
  };
}
