import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteAccess } from '@anjian/domain';
import { AppError } from '../errors.js';
import type { SessionUser } from '../http/context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares what it needs; app.ts refuses to start otherwise. */
    access?: RouteAccess;
    /** The audit action name; defaults to the permission. */
    action?: string;
    /**
     * Answers a user who still holds a temporary password (a new account, an administrator's
     * reset). Only reading one's own account, changing the password and signing out do; every
     * other route answers 403 PASSWORD_CHANGE_REQUIRED until the password is changed.
     */
    allowWithTemporaryPassword?: boolean;
  }
}

/**
 * Runs before validation, so an anonymous caller learns only "sign in", and a caller
 * without the permission learns only "not allowed", whatever the body held.
 */
export async function accessGuard(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const access = req.routeOptions.config.access;
  if (access === undefined || access === 'public') return;
  const user = req.ctx.user;
  if (!user) throw new AppError(req.ctx.sessionRejected === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  // Whoever handed the temporary password over knows it: until its holder replaces it, the
  // session is good for nothing else.
  if (user.mustChangePassword && req.routeOptions.config.allowWithTemporaryPassword !== true) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (access === 'authenticated') return;
  if (!user.permissions.has(access)) throw new AppError('FORBIDDEN', { permission: access });
}

/** For services: the route already checked this, but a second permission may gate a branch. */
export function requirePermission(user: SessionUser, permission: string): void {
  if (!user.permissions.has(permission)) throw new AppError('FORBIDDEN', { permission });
}

export function requireUser(req: FastifyRequest): SessionUser {
  const user = req.ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}
