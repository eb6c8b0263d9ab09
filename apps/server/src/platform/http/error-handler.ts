import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_MESSAGES, errorMessage, pickLocale, type ApiErrorBody, type Bilingual, type Locale } from '@anjian/domain';
import { AppError, type ErrorDetail } from '../errors.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable.js';
import { validationDetails, type ZodValidationIssue } from './validation-details.js';

function localise(error: AppError, locale: Locale, requestId: string): ApiErrorBody {
  const params: Record<string, string | number> = { requestId };
  for (const [key, value] of Object.entries(error.params)) {
    params[key] = typeof value === 'object' ? pickLocale(value as Bilingual, locale) : value;
  }
  return {
    code: error.code,
    message: errorMessage(error.code, locale, params),
    details: error.details.map((d) => ({ field: d.field, reason: d.reason, message: pickLocale(d.message, locale) })),
    requestId,
  };
}

/** The standard body for `error` in the caller's language (for hooks that answer by themselves). */
export function errorBody(error: AppError, req: FastifyRequest): ApiErrorBody {
  return localise(error, req.ctx?.locale ?? 'zh-CN', req.id);
}

/** Translates everything Fastify itself rejects (bad JSON, body too large …) into an AppError. */
export function toAppError(error: FastifyError | Error): AppError | null {
  if (error instanceof AppError) return error;
  // A lost or refused connection, wherever it surfaced (a hook, a service, a stream): 503.
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as { validationContext?: string }).validationContext ?? 'body';
    const details: ErrorDetail[] = validationDetails(part, error.validation as unknown as ZodValidationIssue[]);
    const summary = details.map((d) => d.field).join(', ');
    return new AppError('VALIDATION_FAILED', { summary }, details);
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('MALFORMED_JSON', {}, [{ field: 'body', reason: 'malformed_json', message: { zh: '不是合法的 JSON', en: 'not valid JSON' } }]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('VALIDATION_FAILED', { summary: 'body' }, [{ field: 'body', reason: 'required', message: { zh: '请求体不能为空', en: 'the body must not be empty' } }]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: 'bodyLimit' });
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: 'upload' }, [{ field: 'body.file', reason: 'too_large', message: { zh: '上传内容超过限制', en: 'the upload exceeds the limit' } }]);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { type: 'multipart/form-data expected' }, [{ field: 'body', reason: 'not_multipart', message: { zh: '应以 multipart/form-data 上传', en: 'send multipart/form-data' } }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { type: 'content-type' });
    default:
      break;
  }
  // Any other client error Fastify raises (400–499) is still the caller's fault, never a 500.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', { summary: fe.message });
  }
  return null;
}

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  const locale = req.ctx?.locale ?? 'zh-CN';
  if (appError) {
    const status = ERROR_MESSAGES[appError.code].status;
    if (appError.code === 'DATABASE_UNAVAILABLE') {
      if (appError !== error) req.log.warn({ cause: String(error) }, 'database unavailable');
      reply.header('retry-after', '5');
    }
    let body = localise(appError, locale, req.id);
    if (appError.code === 'PAYLOAD_TOO_LARGE' && appError.params.limit === 'bodyLimit') {
      const limit = `${Math.round(req.routeOptions.bodyLimit / 1024)} KiB`;
      body = localise(new AppError('PAYLOAD_TOO_LARGE', { limit }), locale, req.id);
    }
    return reply.status(status).send(body);
  }
  req.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(localise(new AppError('INTERNAL'), locale, req.id));
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  const body = localise(new AppError('ROUTE_NOT_FOUND', { method: req.method, url: req.url.split('?')[0] ?? '' }), req.ctx?.locale ?? 'zh-CN', req.id);
  return reply.status(404).send(body);
}
