import { sql } from 'kysely';
import type { Permission } from '@anjian/domain';
import { unscoped } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';

export interface OrgMember {
  id: string;
  displayName: string;
}

/**
 * Active accounts of one organisation holding a permission — for other modules that form a
 * team from the actor's own unit (an inspection team). The caller passes its own user's
 * organisation, so no scope wider than that unit is ever read.
 */
export function createOrgMembers(db: Database) {
  return async function orgMembers(orgId: string, permission: Permission, ids?: string[]): Promise<OrgMember[]> {
    if (ids && ids.length === 0) return [];
    let q = db.selectFrom('users as u')
      .select(['u.id', 'u.display_name'])
      .where(unscoped('held to the caller’s own organisation by org_id'))
      .where('u.org_id', '=', orgId)
      .where('u.status', '=', 'active')
      .where(sql<boolean>`exists (select 1 from user_roles ur join roles r on r.key = ur.role_key where ur.user_id = u.id and ${permission} = any(r.permissions))`)
      .orderBy('u.display_name').limit(200);
    if (ids) q = q.where('u.id', 'in', ids);
    return (await q.execute()).map((r) => ({ id: r.id, displayName: r.display_name }));
  };
}

export type OrgMembers = ReturnType<typeof createOrgMembers>;
