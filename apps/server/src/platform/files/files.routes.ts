import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../access/guard.js';
import { notFound } from '../errors.js';
import { readFileUpload } from '../http/multipart.js';
import type { FilesService } from './files.service.js';
import { MAX_UPLOAD_BYTES } from './sniff.js';

export const StoredFileSchema = z.object({ id: z.string(), mime: z.string(), size: z.number(), name: z.string() });

export function filesRoutes(deps: { files: FilesService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/files', {
      config: { access: 'file.upload' },
      schema: {
        tags: ['files'],
        summary: '上传照片或 PDF（multipart 字段 file） Upload a photo or PDF (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 201: StoredFileSchema },
      },
    }, async (req, reply) => {
      const user = requireUser(req);
      return reply.status(201).send(await deps.files.upload(req.ctx, user, await readFileUpload(req, MAX_UPLOAD_BYTES)));
    });

    app.get('/api/files/:id', {
      // Any signed-in user; the owning module's read rule for the record the file hangs on decides (files.service.ts).
      config: { access: 'authenticated' },
      schema: { tags: ['files'], summary: '读取附件 Read an attachment', params: z.strictObject({ id: z.uuid() }) },
    }, async (req, reply) => {
      const file = await deps.files.open(requireUser(req), req.params.id);
      if (!file) throw notFound({ zh: '附件', en: 'File' }, 'params.id');
      reply.header('content-type', file.mime);
      reply.header('content-length', file.size);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, max-age=86400, immutable');
      reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      return reply.send(fs.createReadStream(file.path));
    });
  };
}
