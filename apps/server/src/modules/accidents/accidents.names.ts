import type { AuditNamer } from '../../platform/audit/audit.names.js';
import { uuids } from '../../platform/audit/audit.names.js';
import type { Database } from '../../platform/db/database.js';
import { accidentRecord } from './accidents.scope.js';

/** An accident by its place and Beijing date, within the reader's scope. */
export function accidentNames(db: Database): AuditNamer {
  return async (scope, ids) => {
    const list = uuids(ids);
    if (list.length === 0) return new Map();
    const rows = await db.selectFrom('accidents as a').select(['a.id', 'a.place', 'a.occurred_at']).where('a.id', 'in', list).where(scope.where(accidentRecord('a'))).execute();
    const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    return new Map(rows.map((r) => [String(r.id), `${day(r.occurred_at)} ${r.place}`]));
  };
}
