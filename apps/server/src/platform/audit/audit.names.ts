import type { Scope } from '../access/scope.js';

/**
 * The display names of one kind of audited object (a user, a hazard, an enterprise …), looked up
 * in SQL by the module that owns the table, within the reader's scope: an object the reader may
 * not see keeps its bare id. Ids that are not of the table's shape (a raw path parameter of a
 * refused request) are skipped, never sent to the database.
 */
export type AuditNamer = (scope: Scope, ids: readonly string[]) => Promise<Map<string, string>>;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuids = (ids: readonly string[]): string[] => [...new Set(ids.filter((id) => UUID.test(id)))];

/** Names for a page of rows: one query per kind of object on the page, side by side. */
export async function auditNames(namers: Partial<Record<string, AuditNamer>>, scope: Scope, refs: { type: string | null; id: string | null }[]): Promise<Map<string, string>> {
  const byType = new Map<string, string[]>();
  for (const r of refs) {
    if (!r.type || !r.id || !namers[r.type]) continue;
    byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  }
  const out = new Map<string, string>();
  await Promise.all([...byType].map(async ([type, ids]) => {
    const names = await namers[type]!(scope, ids);
    for (const [id, name] of names) out.set(`${type}:${id}`, name);
  }));
  return out;
}
