import { REGIONS, type AccessCase, type World } from './world.js';

/*
 * Access cases for 双随机 plans and draws. The target plan is the committee office of C's,
 * over 建筑施工 (construction) in C: seen from C and its parent, not from a sibling, a child
 * (C is above it), the fireworks department of C (not its industries) or the sibling county's
 * 住建局. Only the plan's own organisation changes it or draws (the parent sees it: 403).
 * Enterprise accounts hold no plan or draw permission (403); the public routes answer everyone.
 */

const everyone = (status: number) => ({ own: status, parent: status, sibling: status, child: status, department: status, siblingDepartment: status, enterprise: 403, anonymous: 401 });
const scoped = (ok: number) => ({ own: ok, parent: ok, sibling: 404, child: 404, department: 404, siblingDepartment: 404, enterprise: 403, anonymous: 401 });
const ownerOnly = (ok: number) => ({ ...scoped(ok), parent: 403 });
const open = (ok: number) => ({ own: ok, parent: ok, sibling: ok, child: ok, department: ok, siblingDepartment: ok, enterprise: ok, anonymous: ok });

const PLAN_BODY = { name: '2026年度建筑施工双随机抽查计划', year: 2026, industries: ['construction'], keyRule: { scales: ['large'], majorHazardMonths: 12 }, keyTimesPerYear: 2, othersPercent: 100, roundsPerYear: 1, teamSize: 2 };
const CERT = { certNo: '冀执-0001', certValidUntil: '2027-12-31' };

async function owner(w: World) {
  return w.actor('own', 'committee_office_staff');
}

async function call(w: World, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const res = await w.t.request({ method, url, cookie: (await owner(w)).cookie, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

const inspectorsOf = new WeakMap<World, Promise<string[]>>();
/** Two inspectors of C's committee office (a committee office's plan draws on its region's inspectors). */
function inspectors(w: World): Promise<string[]> {
  let ids = inspectorsOf.get(w);
  if (!ids) {
    ids = Promise.all([1, 2].map(async () => (await w.t.factories.user({ orgId: w.orgs.own, roles: ['inspector'] })).id));
    inspectorsOf.set(w, ids);
  }
  return ids;
}

/** A plan of C's office with two inspectors in its pool; the world's enterprise is its register. */
async function freshPlan(w: World): Promise<{ id: string; inspectors: string[] }> {
  const plan = await call(w, 'POST', '/api/inspection-plans', { ...PLAN_BODY, regionCode: REGIONS.own });
  const ids = await inspectors(w);
  for (const id of ids) await call(w, 'PUT', `/api/inspection-plans/${plan.id}/inspectors/${id}`, CERT);
  return { id: plan.id, inspectors: ids };
}

async function freshDraw(w: World): Promise<string> {
  const plan = await freshPlan(w);
  return (await call(w, 'POST', `/api/inspection-plans/${plan.id}/draws`, { periodFrom: '2026-01-01', periodTo: '2026-12-31' })).id;
}

const shared = new WeakMap<World, Promise<{ plan: string; draw: string }>>();
/** The world's target plan with one drawn draw, made once. */
export function target(w: World) {
  let t = shared.get(w);
  if (!t) {
    t = (async () => {
      const plan = await freshPlan(w);
      const draw = (await call(w, 'POST', `/api/inspection-plans/${plan.id}/draws`, { periodFrom: '2026-01-01', periodTo: '2026-12-31' })).id;
      await call(w, 'POST', `/api/draws/${draw}/draw`);
      return { plan: plan.id, draw };
    })();
    shared.set(w, t);
  }
  return t;
}

export const drawsCases: AccessCase[] = [
  {
    route: 'GET /api/inspection-plans', role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: '/api/inspection-plans' }),
    expect: everyone(200),
    sees: { marker: async (w) => (await target(w)).plan, own: true, parent: true, sibling: false, child: false, department: false, siblingDepartment: false },
  },
  {
    route: 'POST /api/inspection-plans', role: 'committee_office_staff',
    request: () => ({ method: 'POST', url: '/api/inspection-plans', payload: { ...PLAN_BODY, regionCode: REGIONS.own } }),
    // The child is a township (plans are kept by departments and offices); the fireworks
    // department of C may not plan over construction (422 naming body.industries).
    expect: { own: 201, parent: 201, sibling: 404, child: 403, department: 422, siblingDepartment: 404, enterprise: 403, anonymous: 401 },
  },
  { route: 'GET /api/inspection-plans/{id}', role: 'leader', request: async (w) => ({ method: 'GET', url: `/api/inspection-plans/${(await target(w)).plan}` }), expect: scoped(200) },
  { route: 'GET /api/inspection-plans/{id}/candidates', role: 'committee_office_staff', request: async (w) => ({ method: 'GET', url: `/api/inspection-plans/${(await target(w)).plan}/candidates` }), expect: scoped(200) },
  {
    route: 'PUT /api/inspection-plans/{id}/inspectors/{userId}', role: 'committee_office_staff',
    request: async (w) => {
      const plan = await freshPlan(w);
      return { method: 'PUT', url: `/api/inspection-plans/${plan.id}/inspectors/${plan.inspectors[0]}`, payload: { ...CERT, certNo: '冀执-0009' } };
    },
    expect: ownerOnly(200),
  },
  {
    route: 'DELETE /api/inspection-plans/{id}/inspectors/{userId}', role: 'committee_office_staff',
    request: async (w) => {
      const plan = await freshPlan(w);
      return { method: 'DELETE', url: `/api/inspection-plans/${plan.id}/inspectors/${plan.inspectors[1]}` };
    },
    expect: ownerOnly(200),
  },
  {
    route: 'POST /api/inspection-plans/{id}/avoidances', role: 'committee_office_staff',
    request: async (w) => {
      const plan = await freshPlan(w);
      return { method: 'POST', url: `/api/inspection-plans/${plan.id}/avoidances`, payload: { userId: plan.inspectors[0], enterpriseId: w.orgs.enterprise, reason: '曾在该企业任职未满两年' } };
    },
    expect: ownerOnly(201),
  },
  {
    route: 'POST /api/inspection-plans/{id}/draws', role: 'committee_office_staff',
    request: async (w) => ({ method: 'POST', url: `/api/inspection-plans/${(await freshPlan(w)).id}/draws`, payload: { periodFrom: '2026-01-01', periodTo: '2026-12-31' } }),
    expect: ownerOnly(201),
  },
  {
    route: 'GET /api/draws', role: 'leader',
    request: () => ({ method: 'GET', url: '/api/draws' }),
    expect: everyone(200),
    sees: { marker: async (w) => (await target(w)).draw, own: true, parent: true, sibling: false, child: false, department: false, siblingDepartment: false },
  },
  { route: 'GET /api/draws/{id}', role: 'leader', request: async (w) => ({ method: 'GET', url: `/api/draws/${(await target(w)).draw}` }), expect: scoped(200) },
  {
    route: 'POST /api/draws/{id}/draw', role: 'committee_office_staff',
    request: async (w) => ({ method: 'POST', url: `/api/draws/${await freshDraw(w)}/draw` }),
    expect: ownerOnly(200),
  },
  {
    route: 'GET /api/public/draws', role: 'leader',
    request: () => ({ method: 'GET', url: `/api/public/draws?region=${REGIONS.own}` }),
    expect: open(200),
    sees: { marker: async (w) => (await target(w)).draw, own: true, sibling: true, enterprise: true, anonymous: true },
  },
  { route: 'GET /api/public/draws/{id}', role: 'leader', request: async (w) => ({ method: 'GET', url: `/api/public/draws/${(await target(w)).draw}` }), expect: open(200) },
];
