import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessGuard } from '../access/guard.js';
import type { AuditWriter } from '../audit/audit.writer.js';
import type { SessionStore } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable.js';
import { errorBody } from './error-handler.js';
import type { RequestContext } from './context.js';
import { localeFrom } from './locale.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export const SESSION_COOKIE = 'anjian_session';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Per request: build the context, resolve the session, enforce the route's access rule,
 * and make sure every state-changing request and every denial leaves an audit row. A
 * successful change writes its row inside its own transaction (ctx.audited); everything
 * else — refusals, validation failures, denials — is written here before the reply leaves.
 */
export function registerLifecycle(app: FastifyInstance, deps: { db: Database; sessions: SessionStore; audit: AuditWriter }) {
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.ctx = {
      requestId: req.id,
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
      locale: localeFrom(req.headers['accept-language']),
      user: null,
      sessionRejected: null,
      audited: false,
    };
    reply.header('x-request-id', req.id);
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await deps.sessions.resolve(token);
      if (found.status === 'valid') req.ctx.user = found.user;
      else {
        req.ctx.sessionRejected = found.status;
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    await accessGuard(req, reply);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const ctx = req.ctx;
    if (!ctx || ctx.audited || !req.url.startsWith('/api/')) return payload;
    const status = reply.statusCode;
    // 503: the database is unreachable, so there is nothing to record the attempt in (and it
    // changed nothing); trying would turn the 503 into a second failure.
    if (status === 503) return payload;
    const denied = status === 401 || status === 403;
    if (!STATE_CHANGING.has(req.method) && !denied) return payload;
    const config = req.routeOptions.config;
    // The web app asks "who am I?" on every visit to the sign-in page; a read of one's own
    // session without one is not an access attempt worth a row.
    if (status === 401 && req.method === 'GET' && config.access === 'authenticated' && !req.cookies[SESSION_COOKIE]) return payload;
    const action = config.action ?? (config.access && !['public', 'authenticated'].includes(config.access) ? config.access : `${req.method} ${req.routeOptions.url ?? req.url}`);
    try {
      await deps.audit.record(deps.db, ctx, {
        action,
        objectType: null,
        // The raw parameter, refused or not: a NUL in it (which text columns cannot hold) is dropped.
        objectId: (req.params as Record<string, string> | undefined)?.id?.replace(/\0/g, '').slice(0, 100) ?? null,
        result: denied ? 'denied' : status < 400 ? 'success' : 'failure',
        statusCode: status,
        details: status >= 400 ? { url: req.url.slice(0, 300), method: req.method, ...shownError(payload) } : null,
      });
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      // The attempt cannot be recorded: answer 503 here, in the standard shape. (An error
      // thrown from onSend would reach Fastify's own handler when ours has already run.)
      req.log.warn({ cause: String(error) }, 'database unavailable: audit row not written');
      reply.code(503).header('retry-after', '5').header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify(errorBody(databaseUnavailable(), req));
    }
    return payload;
  });
}

/** What the user was told (the error body's code and message), so the audit log can show why a request failed. */
function shownError(payload: unknown): { code?: string; message?: string } {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return {};
  try {
    const body = JSON.parse(payload) as { code?: unknown; message?: unknown };
    return {
      ...(typeof body.code === 'string' ? { code: body.code.slice(0, 60) } : {}),
      ...(typeof body.message === 'string' ? { message: body.message.slice(0, 500) } : {}),
    };
  } catch {
    return {};
  }
}
