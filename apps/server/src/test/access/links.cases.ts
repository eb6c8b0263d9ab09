import { sql } from 'kysely';
import { target } from './draws.cases.js';
import { REGIONS, type AccessCase, type Position, type World } from './world.js';

/**
 * 开始检查 from a drawn pair (issue 12 links). The target is a fresh pair of the world's drawn
 * draw (C's committee office, construction) for a fresh enterprise of C off the child's path,
 * with the actor and an inspector of the actor's own unit as its team: scope decides (the
 * sibling, the child and both departments do not see the draw: 404), and an enterprise
 * account holds no inspection.record (403).
 */
async function freshPair(w: World, position: Position, actorId: string | null): Promise<{ draw: string; pair: string }> {
  const { draw } = await target(w);
  const f = w.t.factories;
  const enterprise = await f.enterprise({ regionCode: REGIONS.ownOther, industries: ['construction'] });
  const org = position === 'anonymous' ? w.orgs.own : w.orgs[position];
  const mate = (await f.user({ orgId: org, roles: position === 'enterprise' ? ['enterprise_safety_officer'] : ['inspector'] })).id;
  const first = actorId ?? (await f.user({ orgId: w.orgs.own, roles: ['inspector'] })).id;
  const { rows } = await sql<{ id: string }>`
    insert into draw_pairs (draw_id, position, stratum, enterprise_id, inspector_ids, region_code, industries)
    values (${draw}::uuid, (select coalesce(max(position), 0) + 1 from draw_pairs where draw_id = ${draw}::uuid), 'other', ${enterprise.id}::uuid,
      ${[first, mate]}::uuid[], ${REGIONS.ownOther}, ${['construction']}::text[])
    returning id`.execute(w.t.db);
  return { draw, pair: rows[0]!.id };
}

export const linksCases: AccessCase[] = [
  {
    route: 'POST /api/draws/{id}/pairs/{pairId}/inspections', role: 'inspector',
    request: async (w, position, actor) => {
      const { draw, pair } = await freshPair(w, position, actor?.userId ?? null);
      const checklist = await w.t.db.selectFrom('inspection_checklists').select('id').where('region_code', '=', '0').where('industry_code', '=', 'construction').where('version', '=', 1).executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/draws/${draw}/pairs/${pair}/inspections`, payload: { checklistId: checklist.id, inspectedOn: '2026-01-05' } };
    },
    expect: { own: 201, parent: 201, sibling: 404, child: 404, department: 404, siblingDepartment: 404, enterprise: 403, anonymous: 401 },
  },
];
