import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArchiveInspectionBody, ChecklistDetail, DrawPairParams, StartPairInspectionBody, ChecklistListQuery, ChecklistSummary, CreateInspectionBody, InspectionDetail, InspectionListQuery, InspectionPage,
  InspectionParams, PublishChecklistBody, RecordInspectionBody, SaveResultsBody,
} from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { InspectionActs } from './inspections.acts.js';
import type { InspectionsService } from './inspections.service.js';

export function inspectionsRoutes(deps: { service: InspectionsService; acts: InspectionActs }): FastifyPluginAsyncZod {
  const { service, acts } = deps;
  return async (app) => {
    const tags = ['inspections'];
    app.get('/api/inspection-checklists', {
      config: { access: 'inspection.read' },
      schema: { tags, summary: '检查表（各行业现行版本） Checklists (current versions per industry)', querystring: ChecklistListQuery, response: { 200: z.object({ items: z.array(ChecklistSummary) }) } },
    }, async (req) => service.checklists(requireUser(req), req.query));

    app.get('/api/inspection-checklists/:id', {
      config: { access: 'inspection.read' },
      schema: { tags, summary: '检查表及其检查项 A checklist with its items', params: InspectionParams, response: { 200: ChecklistDetail } },
    }, async (req) => service.checklist(requireUser(req), req.params.id));

    app.post('/api/inspection-checklists', {
      config: { access: 'inspection.checklist_manage' },
      schema: { tags, summary: '发布检查表新版本（取代本级上一版本） Publish a new checklist version', body: PublishChecklistBody, response: { 201: ChecklistDetail } },
    }, async (req, reply) => reply.status(201).send(await service.publishChecklist(req.ctx, requireUser(req), req.body)));

    app.get('/api/inspections', {
      config: { access: 'inspection.read' },
      schema: { tags, summary: '检查记录 Inspection records', querystring: InspectionListQuery, response: { 200: InspectionPage } },
    }, async (req) => service.list(requireUser(req), req.query));

    app.get('/api/inspection-team-candidates', {
      config: { access: 'inspection.record' },
      schema: { tags, summary: '本单位可组成检查组的人员 Who of your unit may be on a team', response: { 200: z.object({ items: z.array(z.object({ userId: z.string(), name: z.string() })) }) } },
    }, async (req) => service.teamCandidates(requireUser(req)));

    app.post('/api/inspections', {
      config: { access: 'inspection.record' },
      schema: { tags, summary: '新建检查记录（草稿） Start an inspection record (draft)', body: CreateInspectionBody, response: { 201: InspectionDetail } },
    }, async (req, reply) => reply.status(201).send(await service.create(req.ctx, requireUser(req), req.body)));

    app.post('/api/draws/:id/pairs/:pairId/inspections', {
      config: { access: 'inspection.record' },
      schema: { tags, summary: '对抽取结果开始检查（企业、检查组取自抽取） Start the inspection of a drawn pair', params: DrawPairParams, body: StartPairInspectionBody, response: { 201: InspectionDetail } },
    }, async (req, reply) => reply.status(201).send(await service.startFromPair(req.ctx, requireUser(req), req.params.id, req.params.pairId, req.body)));

    app.get('/api/inspections/:id', {
      config: { access: 'inspection.read' },
      schema: { tags, summary: '检查记录详情 An inspection record', params: InspectionParams, response: { 200: InspectionDetail } },
    }, async (req) => service.detail(requireUser(req), req.params.id));

    app.put('/api/inspections/:id/results', {
      config: { access: 'inspection.record', action: 'inspection.save_results' },
      schema: { tags, summary: '保存逐项检查结果（草稿） Save the item results (draft)', params: InspectionParams, body: SaveResultsBody, response: { 200: InspectionDetail } },
    }, async (req) => {
      const user = requireUser(req);
      await acts.saveResults(req.ctx, user, req.params.id, req.body);
      return service.detail(user, req.params.id);
    });

    app.post('/api/inspections/:id/record', {
      config: { access: 'inspection.record', action: 'inspection.record' },
      schema: { tags, summary: '签字确认：不合格项生成隐患 Sign and record: each failed item becomes a hazard', params: InspectionParams, body: RecordInspectionBody, response: { 200: InspectionDetail } },
    }, async (req) => {
      const user = requireUser(req);
      await acts.record(req.ctx, user, req.params.id, req.body);
      return service.detail(user, req.params.id);
    });

    app.post('/api/inspections/:id/archive', {
      config: { access: 'inspection.archive', action: 'inspection.archive' },
      schema: { tags, summary: '归档 Archive', params: InspectionParams, body: ArchiveInspectionBody, response: { 200: InspectionDetail } },
    }, async (req) => {
      const user = requireUser(req);
      await acts.archive(req.ctx, user, req.params.id, req.body);
      return service.detail(user, req.params.id);
    });
  };
}
