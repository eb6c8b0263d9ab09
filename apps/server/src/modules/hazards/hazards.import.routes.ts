import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HAZARD_IMPORT_MAX_CSV_BYTES, HazardImportResult } from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import { AppError } from '../../platform/errors.js';
import { assertNoNul } from '../../platform/http/input-guard.js';
import { readUpload } from '../enterprises/index.js';
import { csvTooLarge, notUtf8 } from './hazards.import-csv.js';
import type { HazardImporter } from './hazards.import.js';

/** A workbook people fill in by hand; ledgers of any size come as CSV. */
const XLSX_MAX_BYTES = 5 * 1024 * 1024;

const ImportUploadDoc = z.object({
  file: z.string().meta({ format: 'binary', description: '.xlsx 工作簿（multipart，≤5 MB，≤20000 行）；或直接以 text/csv（UTF-8，≤256 MB，≤1000000 行）为请求体' }),
});

function unsupported(type: string): AppError {
  const message = { zh: '请以 text/csv（UTF-8）为请求体上传，或以 multipart/form-data 上传 .xlsx（字段名 file）', en: 'send text/csv (UTF-8) as the body, or an .xlsx as multipart/form-data (field "file")' };
  return new AppError('UNSUPPORTED_MEDIA_TYPE', { type }, [{ field: 'body', reason: 'unsupported_type', message }]);
}

/** The CSV's name for the audit log, sent URI-encoded in X-Filename (a raw body carries none). */
function headerFilename(value: string | string[] | undefined): string {
  const raw = String(value ?? 'import.csv');
  let name: string;
  try {
    name = decodeURIComponent(raw).slice(0, 200);
  } catch {
    name = raw.slice(0, 200);
  }
  assertNoNul(name, 'headers.x-filename');
  return name;
}

/** POST /api/hazards/import: all rows or none, every bad row named (see hazards.import.ts). */
export function hazardsImportRoutes(deps: { importHazards: HazardImporter }): FastifyPluginAsyncZod {
  return async (app) => {
    // The body is handed over as the raw stream: the importer reads it row by row, so a
    // ledger of a million rows is never held in memory. The size limit is enforced while reading.
    app.addContentTypeParser('text/csv', (_req, payload, done) => done(null, payload));

    app.post('/api/hazards/import', {
      config: { access: 'hazard.import' },
      bodyLimit: HAZARD_IMPORT_MAX_CSV_BYTES,
      // The schema documents the upload for OpenAPI; the importer checks the real body.
      validatorCompiler: () => (data) => ({ value: data }),
      schema: {
        tags: ['hazards'],
        summary: '导入隐患台账（CSV UTF-8 或 .xlsx；全部成功或全部不导入） Import a hazard ledger',
        consumes: ['text/csv', 'multipart/form-data'],
        body: ImportUploadDoc,
        response: { 200: HazardImportResult },
      },
    }, async (req) => {
      const user = requireUser(req);
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (req.isMultipart()) return deps.importHazards(req.ctx, user, { kind: 'xlsx', upload: await readUpload(req, XLSX_MAX_BYTES) });
      if (!type.startsWith('text/csv')) throw unsupported(type || '—');
      const charset = /charset=([^;\s]+)/.exec(type)?.[1]?.replace(/"/g, '');
      if (charset && !['utf-8', 'utf8'].includes(charset)) throw notUtf8();
      if (Number(req.headers['content-length'] ?? 0) > HAZARD_IMPORT_MAX_CSV_BYTES) throw csvTooLarge(HAZARD_IMPORT_MAX_CSV_BYTES);
      const filename = headerFilename(req.headers['x-filename']);
      return deps.importHazards(req.ctx, user, { kind: 'csv', filename, body: req.body as unknown as Readable });
    });
  };
}
