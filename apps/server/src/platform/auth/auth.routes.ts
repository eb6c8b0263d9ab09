import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, Me } from '@anjian/domain';
import type { z } from 'zod';
import { requireUser } from '../access/guard.js';
import type { SessionUser } from '../http/context.js';
import { SESSION_COOKIE } from '../http/lifecycle.js';
import type { AuthService } from './auth.service.js';
import type { SessionStore } from './sessions.js';

export interface AuthRoutesDeps {
  auth: AuthService;
  sessions: SessionStore;
  regionPath: (code: string) => Promise<{ code: string; name: string; level: number }[]>;
  idleMinutes: number;
  passwordPolicy: { minLength: number; minClasses: number; forbidUsername: boolean };
  /** Per address, in front of the per-account lockout (ANJIAN_LOGIN_RATE_*). */
  loginRateLimit: { max: number; windowSeconds: number };
}

export function authRoutes(deps: AuthRoutesDeps): FastifyPluginAsyncZod {
  async function present(user: SessionUser): Promise<z.infer<typeof Me>> {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      org: { id: user.orgId, name: user.orgName, type: user.orgType, regionCode: user.regionCode },
      regionPath: await deps.regionPath(user.regionCode),
      roles: user.roles,
      permissions: [...user.permissions].sort(),
      mustChangePassword: user.mustChangePassword,
      session: { idleMinutes: deps.idleMinutes, expiresAt: user.sessionExpiresAt.toISOString() },
      passwordPolicy: { minLength: deps.passwordPolicy.minLength, minClasses: deps.passwordPolicy.minClasses, forbidUsername: deps.passwordPolicy.forbidUsername },
    };
  }

  function setCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
    // A browser-session cookie: the server enforces idle and absolute limits itself.
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
  }

  return async (app) => {
    app.post('/api/auth/login', {
      config: { access: 'public', action: 'auth.login', rateLimit: { max: deps.loginRateLimit.max, timeWindow: deps.loginRateLimit.windowSeconds * 1000 } },
      schema: { tags: ['auth'], summary: '登录 Sign in', body: LoginBody, response: { 200: Me } },
    }, async (req, reply) => {
      const { token } = await deps.auth.login(req.ctx, req.body.username, req.body.password);
      setCookie(req, reply, token);
      const found = await deps.sessions.resolve(token);
      if (found.status !== 'valid') throw new Error('session vanished right after login');
      return present(found.user);
    });

    app.post('/api/auth/logout', {
      config: { access: 'authenticated', action: 'auth.logout', allowWithTemporaryPassword: true },
      schema: { tags: ['auth'], summary: '退出登录 Sign out' },
    }, async (req, reply) => {
      await deps.auth.logout(req.ctx, requireUser(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });

    app.get('/api/auth/me', {
      config: { access: 'authenticated', allowWithTemporaryPassword: true },
      schema: { tags: ['auth'], summary: '当前用户 The signed-in account', response: { 200: Me } },
    }, async (req) => present(requireUser(req)));

    app.post('/api/auth/password', {
      config: { access: 'authenticated', action: 'auth.change_password', allowWithTemporaryPassword: true },
      schema: { tags: ['auth'], summary: '修改密码 Change password', body: ChangePasswordBody },
    }, async (req, reply) => {
      await deps.auth.changePassword(req.ctx, requireUser(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send();
    });
  };
}
