import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { inSubtree, type Scope } from '../../platform/access/scope.js';

/**
 * Which accidents a scope sees, as SQL over an `accidents` alias. One rule for the ledger and
 * for the statistics: a government user sees its region's subtree, an industry department
 * only the accidents of the industries it supervises (an accident with no industry recorded
 * belongs to no department), and an enterprise account only its own enterprise's accidents
 * (no enterprise role holds accident.read today, so that branch is defence in depth).
 */
export function accidentsVisibleTo(scope: Scope, alias = 'a'): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  if (scope.enterpriseOrgId !== null) return sql<SqlBool>`${col('enterprise_id')} = ${scope.enterpriseOrgId}`;
  const region = inSubtree(`${alias}.region_code`, scope.prefix);
  if (scope.industries === null) return region;
  return sql<SqlBool>`(${region} and ${col('industry_code')} = any(${sql.val(scope.industries)}::text[]))`;
}
