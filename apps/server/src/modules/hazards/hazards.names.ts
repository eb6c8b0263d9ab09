import type { AuditNamer } from '../../platform/audit/audit.names.js';
import { uuids } from '../../platform/audit/audit.names.js';
import type { Database } from '../../platform/db/database.js';
import { HAZARD } from './hazards.scope.js';

/** A hazard by its title, within the reader's scope. */
export function hazardNames(db: Database): AuditNamer {
  return async (scope, ids) => {
    const list = uuids(ids);
    if (list.length === 0) return new Map();
    const rows = await db.selectFrom('hazards as h').select(['h.id', 'h.title']).where('h.id', 'in', list).where(scope.where(HAZARD)).execute();
    return new Map(rows.map((r) => [String(r.id), r.title]));
  };
}
