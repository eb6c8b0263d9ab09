import type { PasswordPolicy } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Database } from '../../platform/db/database.js';
import type { RegionsService } from '../regions/index.js';
import { createUsersRepository } from './users.repository.js';
import { usersRoutes } from './users.routes.js';
import { createUsersService, type UsersService } from './users.service.js';

export type { UsersService };
export { ensureAdmin, syncBuiltinRoles, PLATFORM_ORG_NAME } from './users.bootstrap.js';

export function createUsersModule(deps: { db: Database; audit: AuditWriter; regions: RegionsService; sessions: SessionStore; passwordPolicy: PasswordPolicy; now: () => Date }) {
  const service = createUsersService({ ...deps, repo: createUsersRepository(deps.db) });
  return { service, routes: usersRoutes({ users: service }) };
}
