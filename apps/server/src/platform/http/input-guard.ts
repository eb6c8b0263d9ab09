import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.js';

/**
 * Input that no route can store, checked once for every route before its schema runs:
 *
 * - A NUL character (U+0000) in any string or key of the path parameters, the query or a
 *   JSON body. PostgreSQL's text and jsonb cannot hold it, so it would otherwise surface as
 *   a 500 (or the database's own message) wherever a route forgot a per-field check.
 * - A body on a route that takes none. Body schemas are strict objects (an unknown field is
 *   a 400); a route without one treats anything but an empty body or `{}` the same way,
 *   so `POST /users/{id}/disable {"x":1}` never acts as if the extra field were harmless.
 *
 * Multipart fields are read by the route itself; `assertNoNul` is used there too.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const details: ErrorDetail[] = [];
    collectNul(req.params, 'params', details);
    collectNul(req.query, 'query', details);
    if (isJsonValue(req.body)) {
      collectNul(req.body, 'body', details);
      if (details.length === 0 && takesNoBody(req)) collectUnexpectedBody(req.body, details);
    }
    if (details.length > 0) throw invalid(details);
  });
}

const nulDetail = (field: string): ErrorDetail => ({
  field,
  reason: 'nul_character',
  message: { zh: `${field} 含有不允许的空字符（\\u0000）`, en: `${field} contains a NUL character (\\u0000), which is not allowed` },
});

function invalid(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', { summary: details.map((d) => d.field).join(', ') }, details);
}

/** A key as it can be shown in a field path: the NUL itself would end the string in many viewers. */
const printable = (key: string) => key.replace(/\0/g, '\\u0000');

/** At most this many fields are named: a body of a thousand bad strings needs no thousand details. */
const MAX_DETAILS = 20;

function collectNul(value: unknown, field: string, out: ErrorDetail[], depth = 0): void {
  if (out.length >= MAX_DETAILS) return;
  if (typeof value === 'string') {
    if (value.includes('\0')) out.push(nulDetail(field));
    return;
  }
  // JSON is at most as deep as the body limit allows; this bound only keeps the walk iterative enough.
  if (value === null || typeof value !== 'object' || depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectNul(item, `${field}.${i}`, out, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const path = `${field}.${printable(key)}`;
    if (key.includes('\0')) out.push(nulDetail(path));
    else collectNul(item, path, out, depth + 1);
  }
}

/** No body schema, and no other kind of body it reads itself (an upload says what it consumes: 415 is its answer). */
function takesNoBody(req: FastifyRequest): boolean {
  const schema = req.routeOptions.schema as { body?: unknown; consumes?: string[] } | undefined;
  return !schema?.body && !schema?.consumes?.length;
}

function collectUnexpectedBody(body: unknown, out: ErrorDetail[]): void {
  if (body === null || body === undefined || body === '') return;
  if (typeof body === 'object' && !Array.isArray(body)) {
    for (const key of Object.keys(body as object).slice(0, MAX_DETAILS)) {
      const field = `body.${printable(key)}`;
      out.push({ field, reason: 'unknown_key', message: { zh: `不允许的字段：${field}（此接口不接受请求体）`, en: `Unknown field: ${field} (this endpoint takes no body)` } });
    }
    return;
  }
  out.push({ field: 'body', reason: 'unexpected_body', message: { zh: '此接口不接受请求体', en: 'this endpoint takes no body' } });
}

/** Parsed JSON (or a query-like object); never a stream handed to a route that reads it itself. */
function isJsonValue(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return typeof body === 'string' || typeof body === 'number' || typeof body === 'boolean';
  if (Array.isArray(body)) return true;
  const proto = Object.getPrototypeOf(body) as unknown;
  return proto === Object.prototype || proto === null;
}

/** For input a route reads itself (multipart field names, values and file names). */
export function assertNoNul(value: string | undefined | null, field: string): void {
  if (value?.includes('\0')) throw invalid([nulDetail(field)]);
}

/** A multipart file part as @fastify/multipart hands it over: its names and the fields before it. */
interface FilePart {
  fieldname: string;
  filename: string;
  mimetype: string;
  fields: Record<string, unknown>;
}

/**
 * The multipart counterpart of the preValidation walk: a route that reads a file part itself
 * calls this before using any of the part's names or the form's other fields.
 */
export function assertCleanFilePart(part: FilePart & { file?: { resume(): unknown } }): void {
  const details: ErrorDetail[] = [];
  if (part.fieldname.includes('\0')) details.push(nulDetail(`body.${printable(part.fieldname)}`));
  if (part.filename.includes('\0')) details.push(nulDetail(`body.${printable(part.fieldname)}.filename`));
  if (part.mimetype.includes('\0')) details.push(nulDetail(`body.${printable(part.fieldname)}.type`));
  for (const [name, field] of Object.entries(part.fields)) {
    const value = (field as { value?: unknown } | undefined)?.value;
    if (name.includes('\0')) details.push(nulDetail(`body.${printable(name)}`));
    else if (typeof value === 'string' && value.includes('\0')) details.push(nulDetail(`body.${printable(name)}`));
  }
  if (details.length > 0) {
    // The refused file's bytes are drained, so the reply can go out.
    part.file?.resume();
    throw invalid(details);
  }
}
