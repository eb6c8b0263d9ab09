import type { AuditNamer } from '../../platform/audit/audit.names.js';
import { uuids } from '../../platform/audit/audit.names.js';
import type { Database } from '../../platform/db/database.js';
import { ORG } from './orgs.repository.js';

/** Organisations (and enterprises, which are organisations) by name, within the reader's scope. */
export function orgNames(db: Database): AuditNamer {
  return async (scope, ids) => {
    const list = uuids(ids);
    if (list.length === 0) return new Map();
    const rows = await db.selectFrom('orgs as o').select(['o.id', 'o.name']).where('o.id', 'in', list).where(scope.where(ORG)).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  };
}
