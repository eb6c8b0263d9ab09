import type { PasswordPolicy } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Database } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import type { RegionsService } from '../regions/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createActivations } from './users.activation.js';
import { activationRoutes } from './users.activation.routes.js';
import { createUsersRepository } from './users.repository.js';
import { usersRoutes } from './users.routes.js';
import { createUsersService, type UsersService } from './users.service.js';

export type { UsersService };
export { ensureAdmin, separationViolations, syncBuiltinRoles, PLATFORM_ORG_NAME } from './users.bootstrap.js';
export { createActivations } from './users.activation.js';
export { createOperator, OperatorError } from './users.operator.js';
export { usersPii } from './users.pii.js';

export interface UsersModuleDeps {
  db: Database;
  audit: AuditWriter;
  regions: RegionsService;
  sessions: SessionStore;
  passwordPolicy: PasswordPolicy;
  pii: PiiCipher;
  /** How long an activation link stays valid. */
  activationHours: number;
  now: () => Date;
}

export function createUsersModule(deps: UsersModuleDeps) {
  const service = createUsersService({ ...deps, repo: createUsersRepository(deps.db) });
  const activations = createActivations({ ...deps, hours: deps.activationHours });
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(usersRoutes({ users: service }));
    await app.register(activationRoutes({ activations }));
  };
  return { service, routes };
}

/** Display names for the audit log (platform/audit/audit.names.ts). */
export { userNames } from './users.names.js';
