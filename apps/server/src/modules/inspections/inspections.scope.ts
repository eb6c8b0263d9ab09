import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope, ScopedRecord } from '../../platform/access/scope.js';

/** An inspection (alias `i`) to the scope mechanism: its enterprise's region, the enterprise, the checklist's industry. */
export const INSPECTION: ScopedRecord = { region: 'i.region_code', enterprise: 'i.enterprise_id', industry: 'i.industry_code' };

/**
 * Who may see an inspection. On top of the scope, an enterprise sees its own inspections only
 * once recorded: never a draft, so never a 四不两直 or 暗查暗访 visit before it is signed —
 * the row is absent from its lists and a 404 by id, exactly like a record out of scope.
 */
export function inspectionVisible(scope: Scope): RawBuilder<SqlBool> {
  const base = scope.where(INSPECTION);
  return scope.isEnterprise ? sql<SqlBool>`(${base} and i.status <> 'draft')` : base;
}

/** Checklists (alias `c`) are reference data: those issued in the caller's region subtree or on the path above it. */
export function checklistVisible(scope: Scope): RawBuilder<SqlBool> {
  return scope.seesRegionSql('c.region_code');
}
