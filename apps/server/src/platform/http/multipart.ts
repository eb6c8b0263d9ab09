import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { assertCleanFilePart } from './input-guard.js';

/** One uploaded file, read whole (every upload route caps its size well below the memory budget). */
export interface FileUpload {
  filename: string;
  /** The type the client declared; routes decide by the bytes, not by this. */
  mimetype: string;
  bytes: Buffer;
}

export function uploadTooLarge(limitBytes: number): AppError {
  const mb = Math.round(limitBytes / 1024 / 1024);
  return new AppError('PAYLOAD_TOO_LARGE', { limit: `${mb} MB` }, [
    { field: 'body.file', reason: 'too_large', message: { zh: `文件不能超过 ${mb} MB`, en: `the file must not exceed ${mb} MB` } },
  ]);
}

const missing = () => new AppError('VALIDATION_FAILED', { summary: 'body.file' }, [
  { field: 'body.file', reason: 'required', message: { zh: '缺少上传文件（字段名 file）', en: 'no file uploaded (field "file")' } },
]);

/**
 * Reads the one file field `file` of a multipart request, at most `limitBytes`. The one place
 * multipart is read: every way the request can be wrong becomes a 4xx naming the field —
 * not multipart (415), too large (413), a NUL in a name or field, no `file` part, or a body
 * busboy cannot parse (400) — never a 500.
 */
export async function readFileUpload(req: FastifyRequest, limitBytes: number): Promise<FileUpload> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { type: req.headers['content-type'] ?? '—' }, [
      { field: 'body', reason: 'not_multipart', message: { zh: '请以 multipart/form-data 上传，文件字段名为 file', en: 'upload as multipart/form-data with the file in the field "file"' } },
    ]);
  }
  try {
    const part = await req.file({ limits: { fileSize: limitBytes, files: 1 } });
    if (!part) throw missing();
    assertCleanFilePart(part);
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw missing();
    }
    return { filename: part.filename, mimetype: part.mimetype, bytes: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw uploadTooLarge(limitBytes);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('PAYLOAD_TOO_LARGE', { limit: 'upload' }, [{ field: 'body', reason: 'too_many_parts', message: { zh: '上传的字段或文件过多', en: 'too many fields or files' } }]);
    }
    // busboy: no boundary, truncated parts, a malformed part header … (plain Errors, no code).
    throw new AppError('VALIDATION_FAILED', { summary: 'body' }, [
      { field: 'body', reason: 'malformed_multipart', message: { zh: '上传内容格式错误，请重新选择文件上传', en: 'the upload is malformed; choose the file and upload again' } },
    ]);
  }
}
