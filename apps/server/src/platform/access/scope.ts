import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { subtreePrefix } from '@anjian/domain';
import type { SessionUser } from '../http/context.js';

/**
 * What a user may see. Government users: their organisation's region subtree (a code
 * prefix), narrowed for industry departments to the industries they supervise. Enterprise
 * users: their own enterprise only. Every repository applies this in SQL.
 */
export interface Scope {
  /** The user's own organisation (a department also sees what it supervises by name). */
  orgId: string;
  regionCode: string;
  /** LIKE prefix of the visible subtree ('' = everything). */
  prefix: string;
  /** Set for industry departments: only records in these industries. */
  industries: string[] | null;
  /** Set for enterprise accounts: only this enterprise's records. */
  enterpriseOrgId: string | null;
}

export function scopeOf(user: SessionUser): Scope {
  return {
    orgId: user.orgId,
    regionCode: user.regionCode,
    prefix: subtreePrefix(user.regionCode),
    industries: user.orgType === 'department' ? user.orgIndustries : null,
    enterpriseOrgId: user.orgType === 'enterprise' ? user.orgId : null,
  };
}

/** `column LIKE prefix%` — on a "C"-collated column this is an index range scan. */
export function inSubtree(column: Expression<string> | string, prefix: string): RawBuilder<SqlBool> {
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return prefix === '' ? sql<SqlBool>`true` : sql<SqlBool>`${ref} like ${prefix + '%'}`;
}

/** The region or an ancestor of it: `column` is one of the codes on the path to the scope's root. */
export function isScopeAncestor(code: string, scope: Scope): boolean {
  return scope.regionCode.startsWith(subtreePrefix(code));
}
