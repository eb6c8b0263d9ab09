import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptResumptionBody, AddBlacklistBody, ApplyResumptionBody, BlacklistParams, BlacklistQuery, CreateInterviewBody, InterviewFollowUpBody, InterviewParams, RecheckParams,
  RecordRecheckBody, RefuseResumptionBody, RemoveBlacklistBody, ResumptionParams,
} from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { Blacklist } from './cases.blacklist.js';
import type { Resumptions } from './cases.resumptions.js';

/** 复产验收, closure re-checks, 黑名单 and 约谈. */
export function enforcementRoutes(deps: { resumptions: Resumptions; blacklist: Blacklist }): FastifyPluginAsyncZod {
  const { resumptions, blacklist } = deps;
  return async (app) => {
    const tags = ['enforcement'];
    app.get('/api/resumptions', { config: { access: 'case.read' }, schema: { tags, summary: '复产验收申请 Resumption applications in scope' } },
      async (req) => ({ items: await resumptions.list(requireUser(req)) }));
    app.post('/api/resumptions', { config: { access: 'case.resumption_apply' }, schema: { tags, summary: '企业申请复产验收 Apply for resumption', body: ApplyResumptionBody } },
      async (req, reply) => reply.status(201).send(await resumptions.apply(req.ctx, requireUser(req), req.body)));
    app.post('/api/resumptions/:id/accept', { config: { access: 'case.resumption_accept' }, schema: { tags, summary: '复产验收合格（验收人签字） Accept and sign', params: ResumptionParams, body: AcceptResumptionBody } },
      async (req) => resumptions.accept(req.ctx, requireUser(req), req.params.id, req.body));
    app.post('/api/resumptions/:id/refuse', { config: { access: 'case.resumption_accept' }, schema: { tags, summary: '不予复产 Refuse', params: ResumptionParams, body: RefuseResumptionBody } },
      async (req) => resumptions.refuse(req.ctx, requireUser(req), req.params.id, req.body.reason));

    app.get('/api/closure-rechecks', { config: { access: 'case.read' }, schema: { tags, summary: '关闭企业复查清单（严防死灰复燃） Re-checks of closed sites' } },
      async (req) => ({ items: await resumptions.rechecks(requireUser(req)) }));
    app.post('/api/closure-rechecks/:id', { config: { access: 'case.recheck' }, schema: { tags, summary: '记录复查结果 Record a re-check', params: RecheckParams, body: RecordRecheckBody } },
      async (req) => resumptions.recordRecheck(req.ctx, requireUser(req), req.params.id, req.body));

    app.get('/api/blacklist', { config: { access: 'blacklist.read' }, schema: { tags, summary: '黑名单 Blacklist entries in scope', querystring: BlacklistQuery } },
      async (req) => ({ items: await blacklist.list(requireUser(req), req.query.active === undefined ? undefined : req.query.active === 'true') }));
    app.post('/api/blacklist', { config: { access: 'blacklist.manage' }, schema: { tags, summary: '列入黑名单 Blacklist after a decided case', body: AddBlacklistBody } },
      async (req, reply) => reply.status(201).send(await blacklist.add(req.ctx, requireUser(req), req.body)));
    app.post('/api/blacklist/:id/repair', { config: { access: 'blacklist.manage' }, schema: { tags, summary: '信用修复（移出黑名单） Remove after credit repair', params: BlacklistParams, body: RemoveBlacklistBody } },
      async (req) => blacklist.repair(req.ctx, requireUser(req), req.params.id, req.body.reason));

    app.get('/api/interviews', { config: { access: 'case.read' }, schema: { tags, summary: '约谈记录 Interviews in scope', querystring: z.strictObject({ enterpriseId: z.uuid().optional() }) } },
      async (req) => ({ items: await blacklist.interviews.list(requireUser(req), req.query.enterpriseId) }));
    app.post('/api/interviews', { config: { access: 'case.interview' }, schema: { tags, summary: '约谈企业主要负责人 Record an interview', body: CreateInterviewBody } },
      async (req, reply) => reply.status(201).send(await blacklist.interviews.create(req.ctx, requireUser(req), req.body)));
    app.post('/api/interviews/:id/follow-up', { config: { access: 'case.interview' }, schema: { tags, summary: '约谈跟踪复查 Record the follow-up', params: InterviewParams, body: InterviewFollowUpBody } },
      async (req) => blacklist.interviews.followUp(req.ctx, requireUser(req), req.params.id, req.body.result));
  };
}
