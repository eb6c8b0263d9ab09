import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** One year; browsers remember it, so it is sent only where TLS is really in front of us. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response (API, web app, API docs). The web app loads only its
 * own scripts; antd styles itself with CSS-in-JS (inline <style> and style attributes), so
 * style-src needs 'unsafe-inline'; photo previews and downloads use blob: URLs, icons data:.
 * Nobody may frame the platform (frame-ancestors 'none', and X-Frame-Options for old browsers).
 *
 * HSTS and upgrade-insecure-requests are sent only when the request came over TLS (directly,
 * or through a trusted proxy saying x-forwarded-proto=https: ANJIAN_TRUST_PROXY). A county
 * intranet served over plain HTTP would otherwise be told to fetch everything over HTTPS and break.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    hsts: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol !== 'https') return;
    reply.header('strict-transport-security', HSTS);
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string') reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
  });
}
