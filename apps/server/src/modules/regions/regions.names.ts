import type { AuditNamer } from '../../platform/audit/audit.names.js';
import type { Database } from '../../platform/db/database.js';
import { unscoped } from '../../platform/access/scope.js';

/** Regions by code: reference data every signed-in user may read (the region tree), so unscoped. */
export function regionNames(db: Database): AuditNamer {
  return async (_scope, ids) => {
    const list = [...new Set(ids.filter((id) => /^\d{2,12}$/.test(id)))];
    if (list.length === 0) return new Map();
    const rows = await db.selectFrom('regions').select(['code', 'name']).where(unscoped('region names are reference data')).where('code', 'in', list).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  };
}
