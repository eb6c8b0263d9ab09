import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AvoidanceBody, DrawDetail, DrawSummary, DrawParams, FixDrawBody, InspectionPlan, InspectionPlanBody, InspectionPlanDetail, InspectionPlanList, InspectorCandidates, PlanMemberParams, PlanParams, PoolMemberBody, PublicDrawList, PublicDrawQuery } from '@anjian/domain';
import { z } from 'zod';
import { requireUser } from '../../platform/access/guard.js';
import type { Draws } from './draws.service.js';
import type { Plans } from './plans.service.js';

const tags = ['draws'];
const DrawList = z.object({ items: z.array(DrawSummary) });

/** Inspection plans, their pool, and the two steps of a draw; plus the public (一公开) reads. */
export function drawsRoutes(deps: { plans: Plans; draws: Draws }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/inspection-plans', {
      config: { access: 'inspection_plan.read' },
      schema: { tags, summary: '检查计划 Inspection plans', response: { 200: InspectionPlanList } },
    }, async (req) => deps.plans.list(requireUser(req)));

    app.post('/api/inspection-plans', {
      config: { access: 'inspection_plan.manage', action: 'inspection_plan.create' },
      schema: { tags, summary: '制定检查计划 Create a plan', body: InspectionPlanBody, response: { 201: InspectionPlan } },
    }, async (req, reply) => reply.status(201).send(await deps.plans.create(req.ctx, requireUser(req), req.body)));

    app.get('/api/inspection-plans/:id', {
      config: { access: 'inspection_plan.read' },
      schema: { tags, summary: '检查计划详情（人员库、抽取记录） A plan with its pool and draws', params: PlanParams, response: { 200: InspectionPlanDetail } },
    }, async (req) => deps.plans.detail(requireUser(req), req.params.id));

    app.get('/api/inspection-plans/:id/candidates', {
      config: { access: 'inspection_plan.read' },
      schema: { tags, summary: '可加入人员库的执法检查人员 Inspectors who may join the pool', params: PlanParams, response: { 200: InspectorCandidates } },
    }, async (req) => deps.plans.candidates(requireUser(req), req.params.id));

    app.put('/api/inspection-plans/:id/inspectors/:userId', {
      config: { access: 'inspection_plan.manage', action: 'inspection_plan.pool_put' },
      schema: { tags, summary: '加入或更新检查人员（执法证号、有效期） Add or update a pool member', params: PlanMemberParams, body: PoolMemberBody, response: { 200: InspectionPlanDetail } },
    }, async (req) => deps.plans.putMember(req.ctx, requireUser(req), req.params.id, req.params.userId, req.body));

    app.delete('/api/inspection-plans/:id/inspectors/:userId', {
      config: { access: 'inspection_plan.manage', action: 'inspection_plan.pool_remove' },
      schema: { tags, summary: '移出检查人员 Remove a pool member', params: PlanMemberParams, response: { 200: InspectionPlanDetail } },
    }, async (req) => deps.plans.removeMember(req.ctx, requireUser(req), req.params.id, req.params.userId));

    app.post('/api/inspection-plans/:id/avoidances', {
      config: { access: 'inspection_plan.manage', action: 'inspection_plan.avoidance' },
      schema: { tags, summary: '登记回避关系 Record that an inspector must avoid an enterprise', params: PlanParams, body: AvoidanceBody, response: { 201: InspectionPlanDetail } },
    }, async (req, reply) => reply.status(201).send(await deps.plans.addAvoidance(req.ctx, requireUser(req), req.params.id, req.body)));

    app.post('/api/inspection-plans/:id/draws', {
      config: { access: 'draw.conduct', action: 'draw.fix' },
      schema: { tags, summary: '第一步：固定输入并公布承诺 Step 1: fix the inputs, publish hashes and H(seed)', params: PlanParams, body: FixDrawBody, response: { 201: DrawDetail } },
    }, async (req, reply) => reply.status(201).send(await deps.draws.fix(req.ctx, requireUser(req), req.params.id, req.body)));

    app.get('/api/draws', {
      config: { access: 'draw.read' },
      schema: { tags, summary: '双随机抽取记录 Draws', response: { 200: DrawList } },
    }, async (req) => deps.draws.list(requireUser(req)));

    app.get('/api/draws/:id', {
      config: { access: 'draw.read' },
      schema: { tags, summary: '抽取详情 A draw', params: DrawParams, response: { 200: DrawDetail } },
    }, async (req) => deps.draws.get(requireUser(req), req.params.id));

    app.post('/api/draws/:id/draw', {
      config: { access: 'draw.conduct', action: 'draw.draw' },
      schema: { tags, summary: '第二步：公开种子并抽取（仅一次） Step 2: reveal the seed and draw, once', params: DrawParams, response: { 200: DrawDetail } },
    }, async (req) => deps.draws.draw(req.ctx, requireUser(req), req.params.id));

    app.get('/api/public/draws', {
      config: { access: 'public' },
      schema: { tags, summary: '一公开：本地区双随机抽取结果（无需登录） Published draws of a region', querystring: PublicDrawQuery, response: { 200: PublicDrawList } },
    }, async (req) => deps.draws.publicList(req.query.region));

    app.get('/api/public/draws/:id', {
      config: { access: 'public' },
      schema: { tags, summary: '一公开：抽取的全部输入与结果，可复核 A published draw with all it takes to re-run it', params: DrawParams, response: { 200: DrawDetail } },
    }, async (req) => deps.draws.publicGet(req.params.id));
  };
}
