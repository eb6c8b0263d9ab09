import type { RawBuilder, SqlBool } from 'kysely';
import type { Scope, ScopedRecord } from '../../platform/access/scope.js';

/**
 * An accident to the scope mechanism, over an `accidents` alias. One rule for the ledger and
 * for the statistics: a government user sees its region's subtree, an industry department
 * only the accidents of the industries it supervises (an accident with no industry recorded
 * belongs to no department), and an enterprise account only its own enterprise's accidents
 * (no enterprise role holds accident.read today, so that branch is defence in depth).
 */
export function accidentRecord(alias = 'a'): ScopedRecord {
  return { region: `${alias}.region_code`, enterprise: `${alias}.enterprise_id`, industry: `${alias}.industry_code` };
}

export function accidentsVisibleTo(scope: Scope, alias = 'a'): RawBuilder<SqlBool> {
  return scope.where(accidentRecord(alias));
}
