import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { inSubtree, type Scope } from '../../platform/access/scope.js';

/**
 * Which hazards a user sees, as SQL on alias `h`: an enterprise account its own enterprise's;
 * government its region subtree; an industry department, within that, the hazards of its
 * industries and those it was named to supervise.
 */
export function hazardVisible(scope: Scope): RawBuilder<SqlBool> {
  if (scope.enterpriseOrgId !== null) return sql<SqlBool>`h.enterprise_id = ${scope.enterpriseOrgId}`;
  const region = inSubtree('h.region_code', scope.prefix);
  if (scope.industries === null) return region;
  return sql<SqlBool>`(${region} and (h.industry_code = any(${sql.val(scope.industries)}::text[]) or h.supervising_department_id = ${scope.orgId}))`;
}
