import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateEnterpriseBody, Enterprise, EnterpriseExportQuery, EnterpriseImportJob, EnterpriseImportJobParams, EnterpriseImportResult, EnterpriseListQuery, EnterprisePage,
  EnterpriseParams, EnterpriseStatusBody, UpdateEnterpriseBody,
} from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { EnterprisesService } from './enterprises.service.js';
import { readUpload, type Upload } from './enterprises.upload.js';
import type { ImportJobs } from './enterprises.import-jobs.js';
import { attachment, IMPORT_MAX_BYTES, XLSX_MIME } from './enterprises.xlsx.js';

const ImportUploadDoc = z.object({ file: z.string().meta({ format: 'binary', description: '.xlsx 工作簿（≤5 MB，≤20000 行），见导入模板' }) });

export interface EnterpriseRoutesDeps {
  enterprises: EnterprisesService;
  importFile(ctx: RequestContext, user: SessionUser, upload: Upload): Promise<{ imported: number }>;
  exportXlsx(ctx: RequestContext, user: SessionUser, query: z.infer<typeof EnterpriseExportQuery>): Promise<{ filename: string; stream: Readable }>;
  template(user: SessionUser): Promise<Buffer>;
  importJobs: ImportJobs;
}

export function enterprisesRoutes(deps: EnterpriseRoutesDeps): FastifyPluginAsyncZod {
  const { enterprises } = deps;
  return async (app) => {
    const tags = ['enterprises'];
    app.get('/api/enterprises', {
      config: { access: 'enterprise.read' },
      schema: { tags, summary: '企业列表 Enterprises', querystring: EnterpriseListQuery, response: { 200: EnterprisePage } },
    }, async (req) => enterprises.list(requireUser(req), req.query));

    // Static paths are registered before /:id; find-my-way prefers them anyway.
    app.get('/api/enterprises/import-template', {
      config: { access: 'enterprise.import' },
      schema: { tags, summary: '下载企业导入模板 (.xlsx) Import template', produces: [XLSX_MIME] },
    }, async (req, reply) => reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', attachment('企业导入模板.xlsx'))
      .send(await deps.template(requireUser(req))));

    app.post('/api/enterprises/import', {
      config: { access: 'enterprise.import' },
      // The upload streams through @fastify/multipart; this limit also names the size in a 413.
      bodyLimit: IMPORT_MAX_BYTES,
      // The body schema is for the OpenAPI document only (it drops `consumes` without one);
      // readUpload checks the real multipart body, so nothing is validated here.
      validatorCompiler: () => (data) => ({ value: data }),
      schema: {
        tags, summary: '从 .xlsx 导入企业（multipart/form-data，文件字段 file，≤5 MB）Import enterprises',
        consumes: ['multipart/form-data'], body: ImportUploadDoc, response: { 200: EnterpriseImportResult },
      },
    }, async (req) => deps.importFile(req.ctx, requireUser(req), await readUpload(req, IMPORT_MAX_BYTES)));

    // The same import as a job: answers at once, then GET …/:id reports rows read and checked;
    // a result nobody is watching any more lands in the inbox (enterprises.import-jobs.ts).
    app.post('/api/enterprises/import-jobs', {
      config: { access: 'enterprise.import' },
      bodyLimit: IMPORT_MAX_BYTES,
      validatorCompiler: () => (data) => ({ value: data }),
      schema: {
        tags, summary: '后台导入企业（返回任务，轮询进度）Start an import job',
        consumes: ['multipart/form-data'], body: ImportUploadDoc, response: { 202: EnterpriseImportJob },
      },
    }, async (req, reply) => reply.status(202).send(deps.importJobs.start(req.ctx, requireUser(req), await readUpload(req, IMPORT_MAX_BYTES))));

    app.get('/api/enterprises/import-jobs/:id', {
      config: { access: 'enterprise.import' },
      schema: { tags, summary: '导入任务进度（失败时返回导入错误）Import job progress', params: EnterpriseImportJobParams, response: { 200: EnterpriseImportJob } },
    }, async (req) => deps.importJobs.poll(requireUser(req), req.params.id));

    app.get('/api/enterprises/export', {
      config: { access: 'enterprise.read' },
      schema: { tags, summary: '导出企业名录 (.xlsx) Export enterprises', querystring: EnterpriseExportQuery, produces: [XLSX_MIME] },
    }, async (req, reply) => {
      const { filename, stream } = await deps.exportXlsx(req.ctx, requireUser(req), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(filename)).send(stream);
    });

    app.get('/api/enterprises/:id', {
      config: { access: 'enterprise.read' },
      schema: { tags, summary: '企业详情 An enterprise', params: EnterpriseParams, response: { 200: Enterprise } },
    }, async (req) => enterprises.get(requireUser(req), req.params.id));

    app.post('/api/enterprises', {
      config: { access: 'enterprise.create' },
      schema: { tags, summary: '登记企业 Register an enterprise', body: CreateEnterpriseBody, response: { 201: Enterprise } },
    }, async (req, reply) => reply.status(201).send(await enterprises.create(req.ctx, requireUser(req), req.body)));

    app.patch('/api/enterprises/:id', {
      config: { access: 'enterprise.update' },
      schema: { tags, summary: '修改企业信息（企业账户仅限安全联系人、地址、位置）Edit an enterprise', params: EnterpriseParams, body: UpdateEnterpriseBody, response: { 200: Enterprise } },
    }, async (req) => enterprises.update(req.ctx, requireUser(req), req.params.id, req.body));

    app.post('/api/enterprises/:id/status', {
      config: { access: 'enterprise.update', action: 'enterprise.status' },
      schema: { tags, summary: '变更企业状态（停产整顿、恢复、关闭）Change status', params: EnterpriseParams, body: EnterpriseStatusBody, response: { 200: Enterprise } },
    }, async (req) => enterprises.changeStatus(req.ctx, requireUser(req), req.params.id, req.body));
  };
}
