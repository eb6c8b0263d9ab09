import { sql } from 'kysely';
import { regionFilter, unscoped } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
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
export { createOrgMembers, type OrgMember, type OrgMembers } from './users.team.js';

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

/**
 * For 双随机 draws (modules/draws): the active accounts holding the inspector role, either
 * of one organisation or of the government organisations of a region subtree, or (with
 * `ids`) which of those accounts still qualify. The caller holds the plan to its user's scope.
 */
export async function inspectorAccounts(db: Executor, where: { orgId?: string; regionCode?: string; ids?: readonly string[] }) {
  let q = db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'o.name as org_name', 'o.id as org_id'])
    .where(unscoped('the inspectors of a plan already held to the scope of its user')).where('ur.role_key', '=', 'inspector').where('u.status', '=', 'active').where('o.type', '!=', 'enterprise');
  if (where.orgId) q = q.where('u.org_id', '=', where.orgId);
  if (where.regionCode) q = q.where(regionFilter('o.region_code', where.regionCode));
  if (where.ids) q = where.ids.length ? q.where('u.id', 'in', [...where.ids]) : q.where(sql<boolean>`false`);
  return q.orderBy('u.id').execute();
}
/** Display names for the audit log (platform/audit/audit.names.ts). */
export { userNames } from './users.names.js';
