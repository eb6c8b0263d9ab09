import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { inSubtree, type Scope } from '../../platform/access/scope.js';

/**
 * Which hazards a user sees, as SQL on alias `h`: an enterprise account its own enterprise's;
 * government its region subtree; an industry department, within that, the hazards of its
 * industries and those it was named to supervise.
 */
export function hazardVisible(scope: Scope): RawBuilder<SqlBool> {
  if (scope.enterpriseOrgId !== null) return hazardVisibleInRegion(scope);
  const region = inSubtree('h.region_code', scope.prefix);
  return scope.industries === null ? region : sql<SqlBool>`(${region} and ${hazardVisibleInRegion(scope)})`;
}

/**
 * hazardVisible less its region test, for a query already held to a region inside the scope
 * (a statistics target is always one): that query may then say its region in whatever form
 * its indexes want.
 */
export function hazardVisibleInRegion(scope: Scope): RawBuilder<SqlBool> {
  if (scope.enterpriseOrgId !== null) return sql<SqlBool>`h.enterprise_id = ${scope.enterpriseOrgId}`;
  if (scope.industries === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`(h.industry_code = any(${sql.val(scope.industries)}::text[]) or h.supervising_department_id = ${scope.orgId})`;
}
