import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  AcceptBody, AccountabilityBody, AssignBody, CommentBody, DecideExtensionBody, DelistBody, HAZARD_ACTION_PERMISSION, HAZARD_TRANSITIONS, HazardDetail, HazardParams, HazardReporter,
  LedgerPage, LedgerQuery, ListBody, ProgressBody, ReasonBody, RejectBody, ReportHazardBody, RequestExtensionBody, ReviewBody, SubmitBody, SuperviseBody, type HazardAction,
} from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { createReporterReader } from './hazards.reporter.js';
import type { HazardsService } from './hazards.service.js';

/** Each act of the loop is its own route: its own body schema, permission and OpenAPI entry. */
export const ACTION_BODIES = {
  verify: CommentBody,
  reject: RejectBody,
  assign: AssignBody,
  progress: ProgressBody,
  request_extension: RequestExtensionBody,
  decide_extension: DecideExtensionBody,
  supervise: SuperviseBody,
  list: ListBody,
  delist: DelistBody,
  submit_for_acceptance: SubmitBody,
  accept: AcceptBody,
  reject_acceptance: ReasonBody,
  review_pass: ReviewBody,
  review_fail: ReviewBody,
  record_accountability: AccountabilityBody,
} as const satisfies Record<HazardAction, z.ZodType>;

export const actionPath = (action: HazardAction) => action.replaceAll('_', '-');

export function hazardsRoutes(deps: { hazards: HazardsService; readReporter: ReturnType<typeof createReporterReader> }): FastifyPluginAsyncZod {
  const { hazards } = deps;
  return async (app) => {
    const tags = ['hazards'];
    app.get('/api/hazards', {
      config: { access: 'hazard.read' },
      schema: { tags, summary: '隐患台账 The hazard ledger (filters, counts per status, keyset paging)', querystring: LedgerQuery, response: { 200: LedgerPage } },
    }, async (req) => hazards.ledger(requireUser(req), req.query));

    app.post('/api/hazards', {
      config: { access: 'hazard.report' },
      schema: { tags, summary: '上报隐患 Report a hazard', body: ReportHazardBody, response: { 201: HazardDetail } },
    }, async (req, reply) => reply.status(201).send(await hazards.report(req.ctx, requireUser(req), req.body)));

    app.get('/api/hazards/:id', {
      config: { access: 'hazard.read' },
      schema: { tags, summary: '隐患详情与时间线 A hazard with its timeline', params: HazardParams, response: { 200: HazardDetail } },
    }, async (req) => hazards.detail(requireUser(req), req.params.id));

    app.get('/api/hazards/:id/reporter', {
      config: { access: 'hazard.read_reporter' },
      schema: { tags, summary: '举报人身份（仅限处理举报的政府部门，每次查看均记入审计日志） A citizen reporter’s identity (handling government units only; every read is audited)', params: HazardParams, response: { 200: HazardReporter } },
    }, async (req) => deps.readReporter(req.ctx, requireUser(req), req.params.id));

    for (const action of Object.keys(ACTION_BODIES) as HazardAction[]) {
      const label = HAZARD_TRANSITIONS[action].label;
      app.post(`/api/hazards/:id/${actionPath(action)}`, {
        config: { access: HAZARD_ACTION_PERMISSION[action], action: `hazard.${action}` },
        schema: { tags, summary: `${label.zh} ${label.en}`, params: HazardParams, body: ACTION_BODIES[action], response: { 200: HazardDetail } },
      }, async (req) => hazards.act(req.ctx, requireUser(req), req.params.id, action, req.body));
    }
  };
}
