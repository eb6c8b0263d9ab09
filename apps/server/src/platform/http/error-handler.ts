import crypto from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_MESSAGES, errorMessage, pickLocale, type ApiErrorBody, type Bilingual, type Locale } from '@anjian/domain';
import { AppError, type ErrorDetail } from '../errors.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable.js';
import { localeFrom } from './locale.js';
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
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { type: 'content-type' }, [{ field: 'headers.content-type', reason: 'unsupported_type', message: { zh: '应为 application/json', en: 'send application/json' } }]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED_REQUEST', { reason: 'content-length' }, [{ field: 'headers.content-length', reason: 'mismatch', message: { zh: '与请求体长度不符', en: 'does not match the body' } }]);
    // The router's own refusals (frameworkErrors below): a parameter over maxParamLength, a
    // path whose percent-encoding does not decode.
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('URI_TOO_LONG', {}, [{ field: 'params', reason: 'too_long', message: { zh: '路径参数过长', en: 'a path parameter is too long' } }]);
    case 'FST_ERR_BAD_URL':
      return new AppError('MALFORMED_REQUEST', { reason: 'url' }, [{ field: 'url', reason: 'bad_encoding', message: { zh: '地址中的百分号编码无效', en: 'the URL holds an invalid percent-encoding' } }]);
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
  // The path is echoed for the caller's benefit, but never a 10 KB one.
  const url = (req.url.split('?')[0] ?? '').slice(0, 200);
  const body = localise(new AppError('ROUTE_NOT_FOUND', { method: req.method, url }), req.ctx?.locale ?? 'zh-CN', req.id);
  return reply.status(404).send(body);
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any hook runs (so there is no
 * request context yet). Same shape as every other error.
 */
export function frameworkErrorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error) ?? new AppError('MALFORMED_REQUEST', { reason: 'url' });
  const locale = localeFrom(req.headers['accept-language']);
  reply.header('x-request-id', req.id);
  return reply.status(ERROR_MESSAGES[appError.code].status).send(localise(appError, locale, req.id));
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request itself (headers or
 * URL over the header size limit, bytes that are not HTTP, a request that never finished).
 * There is no request object, only the socket: the reply is written by hand.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE'
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT'
      : error.code === 'HPE_URI_TOO_LONG' ? 'URI_TOO_LONG' : 'MALFORMED_REQUEST';
  const requestId = crypto.randomUUID();
  const body = JSON.stringify(localise(new AppError(code, { reason: 'HTTP' }), 'zh-CN', requestId));
  const status = ERROR_MESSAGES[code].status;
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };
