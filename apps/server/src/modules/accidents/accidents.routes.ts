import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccidentAccountabilityBody,
  AccidentDetail,
  AccidentEscalationBody,
  AccidentInvestigationBody,
  AccidentListQuery,
  AccidentPage,
  AccidentParams,
  AccidentSupplementBody,
  BatchCreateAccidentsBody,
  BatchCreateAccidentsResult,
  CreateAccidentBody,
} from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { AccidentsService } from './accidents.service.js';
import type { InvestigationService } from './investigation.service.js';
import type { SupplementsService } from './supplements.service.js';

export function accidentsRoutes(deps: { accidents: AccidentsService; supplements: SupplementsService; investigation: InvestigationService }): FastifyPluginAsyncZod {
  const { accidents, supplements, investigation } = deps;
  return async (app) => {
    const tags = ['accidents'];
    app.get('/api/accidents', {
      config: { access: 'accident.read' },
      schema: { tags, summary: '事故台账 Accident ledger', querystring: AccidentListQuery, response: { 200: AccidentPage } },
    }, async (req) => accidents.list(requireUser(req), req.query));

    app.get('/api/accidents/:id', {
      config: { access: 'accident.read' },
      schema: { tags, summary: '事故详情（含时限、补报、调查） An accident with its clocks and history', params: AccidentParams, response: { 200: AccidentDetail } },
    }, async (req) => accidents.detail(requireUser(req), req.params.id));

    app.post('/api/accidents', {
      config: { access: 'accident.report' },
      schema: { tags, summary: '事故报告（等级自动判定） Report an accident (graded automatically)', body: CreateAccidentBody, response: { 201: AccidentDetail } },
    }, async (req, reply) => reply.status(201).send(await accidents.create(req.ctx, requireUser(req), req.body)));

    app.post('/api/accidents/batch', {
      config: { access: 'accident.report' },
      schema: { tags, summary: '批量报告事故（全部成功或全部不写入） Report accidents in bulk, all or nothing', body: BatchCreateAccidentsBody, response: { 201: BatchCreateAccidentsResult } },
    }, async (req, reply) => reply.status(201).send(await accidents.createBatch(req.ctx, requireUser(req), req.body.items)));

    app.post('/api/accidents/:id/supplements', {
      config: { access: 'accident.report', action: 'accident.supplement' },
      schema: { tags, summary: '伤亡补报 Supplement the casualty figures', params: AccidentParams, body: AccidentSupplementBody, response: { 201: AccidentDetail } },
    }, async (req, reply) => reply.status(201).send(await supplements.supplement(req.ctx, requireUser(req), req.params.id, req.body)));

    app.post('/api/accidents/:id/escalations', {
      config: { access: 'accident.report', action: 'accident.escalate' },
      schema: { tags, summary: '记录上级接报时间 Record a higher level’s receipt of the report', params: AccidentParams, body: AccidentEscalationBody, response: { 201: AccidentDetail } },
    }, async (req, reply) => reply.status(201).send(await supplements.escalate(req.ctx, requireUser(req), req.params.id, req.body)));

    app.put('/api/accidents/:id/investigation', {
      config: { access: 'accident.investigate' },
      schema: { tags, summary: '事故调查（报告、延期、批复、四不放过） The investigation', params: AccidentParams, body: AccidentInvestigationBody, response: { 200: AccidentDetail } },
    }, async (req) => investigation.update(req.ctx, requireUser(req), req.params.id, req.body));

    app.post('/api/accidents/:id/accountability', {
      config: { access: 'accident.investigate', action: 'accident.accountability' },
      schema: { tags, summary: '追责问责记录 Add an accountability record', params: AccidentParams, body: AccidentAccountabilityBody, response: { 201: AccidentDetail } },
    }, async (req, reply) => reply.status(201).send(await investigation.addAccountability(req.ctx, requireUser(req), req.params.id, req.body)));

    app.post('/api/accidents/:id/close-investigation', {
      config: { access: 'accident.investigate', action: 'accident.close_investigation' },
      schema: { tags, summary: '调查结案（四不放过） Close the investigation', params: AccidentParams, response: { 200: AccidentDetail } },
    }, async (req) => investigation.close(req.ctx, requireUser(req), req.params.id));
  };
}
