import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CASE_ACTION_BODIES, CASE_TRANSITIONS, CaseDetail, CaseDocument, CaseDocumentParams, CaseListQuery, CaseParams, CaseSummary, FileCaseBody, GenerateDocumentBody, shanghaiDate,
  type CaseAction,
} from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import { scopeOf } from '../../platform/access/scope.js';
import type { CaseLists } from './cases.lists.js';
import type { CasesService } from './cases.service.js';

export const caseActionPath = (a: CaseAction) => a.replaceAll('_', '-');

const FiguresQuery = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() });

export function casesRoutes(deps: { cases: CasesService; lists: CaseLists; now: () => Date }): FastifyPluginAsyncZod {
  const { cases } = deps;
  return async (app) => {
    const tags = ['cases'];
    app.get('/api/cases', {
      config: { access: 'case.read' },
      schema: { tags, summary: '行政执法案件列表 Enforcement cases in scope', querystring: CaseListQuery, response: { 200: z.object({ items: z.array(CaseSummary) }) } },
    }, async (req) => cases.list(requireUser(req), req.query));

    app.post('/api/cases', {
      config: { access: 'case.file' },
      schema: { tags, summary: '立案 File a case', body: FileCaseBody, response: { 201: CaseDetail } },
    }, async (req, reply) => reply.status(201).send(await cases.file(req.ctx, requireUser(req), req.body)));

    app.get('/api/cases/figures', {
      config: { access: 'case.read' },
      schema: { tags, summary: '执法统计（立案、决定、超期、罚没款、停产、复产、关闭、黑名单）Enforcement figures for a period', querystring: FiguresQuery },
    }, async (req) => {
      const today = shanghaiDate(deps.now());
      return deps.lists.figures(scopeOf(requireUser(req)), { from: req.query.from ?? `${today.slice(0, 4)}-01-01`, to: req.query.to ?? today });
    });

    app.get('/api/cases/:id', {
      config: { access: 'case.read' },
      schema: { tags, summary: '案件详情、文书与时间线 A case with its documents and timeline', params: CaseParams, response: { 200: CaseDetail } },
    }, async (req) => cases.detail(requireUser(req), req.params.id));

    for (const action of Object.keys(CASE_ACTION_BODIES) as CaseAction[]) {
      const t = CASE_TRANSITIONS[action];
      app.post(`/api/cases/:id/${caseActionPath(action)}`, {
        config: { access: t.permission, action: `case.${action}` },
        schema: { tags, summary: `${t.label.zh} ${t.label.en}`, params: CaseParams, body: CASE_ACTION_BODIES[action], response: { 200: CaseDetail } },
      }, async (req) => cases.act(req.ctx, requireUser(req), req.params.id, action, req.body));
    }

    app.post('/api/cases/:id/documents', {
      config: { access: 'case.handle' },
      schema: { tags, summary: '制作执法文书（PDF） Produce a numbered document', params: CaseParams, body: GenerateDocumentBody, response: { 201: CaseDocument } },
    }, async (req, reply) => reply.status(201).send(await cases.generateDocument(req.ctx, requireUser(req), req.params.id, req.body.kind)));

    app.get('/api/cases/:id/documents/:documentId', {
      config: { access: 'case.read' },
      schema: { tags, summary: '下载执法文书 Download a document (PDF)', params: CaseDocumentParams },
    }, async (req, reply) => {
      const f = await cases.openDocument(requireUser(req), req.params.id, req.params.documentId);
      return reply.type('application/pdf').header('content-length', f.size).header('x-content-sha256', f.sha256)
        .header('content-disposition', `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(fs.createReadStream(f.path));
    });
  };
}
