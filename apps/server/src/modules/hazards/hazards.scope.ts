import type { RawBuilder, SqlBool } from 'kysely';
import type { Scope, ScopedRecord } from '../../platform/access/scope.js';

/**
 * A hazard (alias `h`) to the scope mechanism: an enterprise account sees its own enterprise's;
 * government its region subtree; an industry department, within that, the hazards of its
 * industries and those it was named to supervise.
 */
export const HAZARD: ScopedRecord = { region: 'h.region_code', enterprise: 'h.enterprise_id', industry: 'h.industry_code', supervisingOrg: 'h.supervising_department_id' };

export function hazardVisible(scope: Scope): RawBuilder<SqlBool> {
  return scope.where(HAZARD);
}

/**
 * hazardVisible less its region test, for a query already held to a region inside the scope
 * (a statistics target is always one): that query may then say its region in whatever form
 * its indexes want.
 */
export function hazardVisibleInRegion(scope: Scope): RawBuilder<SqlBool> {
  return scope.where(HAZARD, { regionHeld: true });
}
