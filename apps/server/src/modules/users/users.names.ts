import type { AuditNamer } from '../../platform/audit/audit.names.js';
import { uuids } from '../../platform/audit/audit.names.js';
import type { Database } from '../../platform/db/database.js';
import { ORG } from '../orgs/index.js';

/** A user's display name (and login name), if the reader's scope holds the user's organisation. */
export function userNames(db: Database): AuditNamer {
  return async (scope, ids) => {
    const list = uuids(ids);
    if (list.length === 0) return new Map();
    const rows = await db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.display_name', 'u.username']).where('u.id', 'in', list).where(scope.where(ORG)).execute();
    return new Map(rows.map((r) => [r.id, `${r.display_name}（${r.username}）`]));
  };
}
