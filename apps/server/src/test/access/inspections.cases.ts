import type { InjectOptions } from 'fastify';
import { TEST_PASSWORD } from '../harness.js';
import { REGIONS, type AccessCase, type Actor, type World } from './world.js';

/**
 * Targets: construction inspections. Writes go to an enterprise in a township of C off the
 * child's path (so the child, like the sibling and both departments, is refused by scope);
 * reads go to a DRAFT 四不两直 inspection of the world's own enterprise, which the enterprise
 * must not see — not by id, not in the list.
 */
const anyone = (status: number) => ({ own: status, parent: status, sibling: status, child: status, department: status, siblingDepartment: status, enterprise: status, anonymous: 401 });
const scoped = (ok: number, enterprise: number) => ({ own: ok, parent: ok, sibling: 404, child: 404, department: 404, siblingDepartment: 404, enterprise, anonymous: 401 });

let platformChecklist: Promise<{ id: string; keys: string[] }> | null = null;
function constructionChecklist(w: World) {
  platformChecklist ??= w.t.db.selectFrom('inspection_checklists').select(['id', 'items']).where('region_code', '=', '0').where('industry_code', '=', 'construction').where('version', '=', 1)
    .executeTakeFirstOrThrow().then((c) => ({ id: c.id, keys: c.items.map((i) => i.key) }));
  return platformChecklist;
}

let otherEnterprise: Promise<string> | null = null;
/** A construction enterprise in C off the child's path. */
function writeTarget(w: World) {
  otherEnterprise ??= w.t.factories.enterprise({ regionCode: REGIONS.ownOther, name: '正定县新城铺访问测试建筑有限公司', industries: ['construction'] }).then((e) => e.id);
  return otherEnterprise;
}

let recorder: Promise<string> | null = null;
/** An inspection put straight into a state, with the actor (when given) as its only team member. */
async function inspection(w: World, o: { enterpriseId: string; regionCode: string; status: 'draft' | 'recorded'; type?: string; member: Actor | null; allPassed?: boolean }): Promise<string> {
  recorder ??= w.t.factories.user({ orgId: w.orgs.ownDepartment, roles: ['inspector'] }).then((u) => u.id);
  const checklist = await constructionChecklist(w);
  const at = new Date();
  const { id } = await w.t.db.insertInto('inspections').values({
    type: o.type ?? 'random_draw', status: o.status, enterprise_id: o.enterpriseId, region_code: o.regionCode, industry_code: 'construction', org_id: w.orgs.ownDepartment,
    checklist_id: checklist.id, inspected_on: '2026-01-05', recorder_id: await recorder, recorded_at: o.status === 'recorded' ? at : null, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  const member = o.member?.userId ?? (await recorder);
  await w.t.db.insertInto('inspection_members').values({ inspection_id: id, user_id: member, name: '检查员', position: 0, signature: null }).execute();
  if (o.allPassed) await w.t.db.insertInto('inspection_results').values(checklist.keys.map((k) => ({ inspection_id: id, item_key: k, result: 'pass', note: null, photos: [], hazard_id: null }))).execute();
  return id;
}

let hidden: Promise<string> | null = null;
function hiddenDraft(w: World) {
  hidden ??= inspection(w, { enterpriseId: w.orgs.enterprise, regionCode: REGIONS.enterprise, status: 'draft', type: 'unannounced', member: null });
  return hidden;
}

const write = async (w: World, actor: Actor | null, status: 'draft' | 'recorded', allPassed = false) =>
  inspection(w, { enterpriseId: await writeTarget(w), regionCode: REGIONS.ownOther, status, member: actor, allPassed });

export const inspectionsCases: AccessCase[] = [
  { route: 'GET /api/inspection-checklists', role: 'department_staff', request: () => ({ method: 'GET', url: '/api/inspection-checklists' }), expect: anyone(200) },
  {
    route: 'GET /api/inspection-checklists/{id}', role: 'department_staff',
    request: async (w) => ({ method: 'GET', url: `/api/inspection-checklists/${(await constructionChecklist(w)).id}` }), expect: anyone(200),
  },
  {
    route: 'POST /api/inspection-checklists', role: 'department_staff',
    request: () => ({ method: 'POST', url: '/api/inspection-checklists', payload: { industryCode: 'construction', title: '访问测试检查表', items: [{ key: 'a.1', text: '检查项', basis: '依据' }] } }),
    // Each publishes for its own region; a department only in its own industries.
    expect: { ...anyone(201), department: 422, enterprise: 403 },
  },
  {
    route: 'GET /api/inspections', role: 'department_staff',
    request: () => ({ method: 'GET', url: '/api/inspections?limit=200' }),
    expect: anyone(200),
    sees: { marker: async (w) => `"id":"${await hiddenDraft(w)}"`, own: true, parent: true, sibling: false, child: true, department: false, siblingDepartment: false, enterprise: false },
  },
  { route: 'GET /api/inspections/{id}', role: 'department_staff', request: async (w) => ({ method: 'GET', url: `/api/inspections/${await hiddenDraft(w)}` }), expect: { ...scoped(200, 404), child: 200 } },
  { route: 'GET /api/inspection-team-candidates', role: 'department_staff', request: () => ({ method: 'GET', url: '/api/inspection-team-candidates' }), expect: { ...anyone(200), enterprise: 403 } },
  {
    route: 'POST /api/inspections', role: 'department_staff',
    request: async (w, _p, actor): Promise<InjectOptions> => ({
      method: 'POST', url: '/api/inspections',
      payload: { type: 'random_draw', enterpriseId: await writeTarget(w), inspectedOn: '2026-01-05', checklistId: (await constructionChecklist(w)).id, team: [actor?.userId ?? '00000000-0000-4000-8000-000000000000'] },
    }),
    expect: scoped(201, 403),
  },
  {
    route: 'PUT /api/inspections/{id}/results', role: 'department_staff',
    request: async (w, _p, actor) => ({ method: 'PUT', url: `/api/inspections/${await write(w, actor, 'draft')}/results`, payload: { results: [{ itemKey: 'g.training', result: 'pass' }] } }),
    expect: scoped(200, 403),
  },
  {
    route: 'POST /api/inspections/{id}/record', role: 'department_staff',
    request: async (w, _p, actor) => ({
      method: 'POST', url: `/api/inspections/${await write(w, actor, 'draft', true)}/record`,
      payload: { inspectorSignatures: [{ userId: actor?.userId ?? '00000000-0000-4000-8000-000000000000', password: TEST_PASSWORD }], enterpriseSignature: { name: '现场负责人' } },
    }),
    expect: scoped(200, 403),
  },
  {
    route: 'POST /api/inspections/{id}/archive', role: 'department_staff',
    request: async (w, _p, actor) => ({ method: 'POST', url: `/api/inspections/${await write(w, actor, 'recorded')}/archive`, payload: {} }),
    expect: scoped(200, 403),
  },
];
