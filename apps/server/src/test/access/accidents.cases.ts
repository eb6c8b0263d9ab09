import { accidentBody, insertAccident, makeClosable } from '../accident-fixtures.js';
import { REGIONS, type AccessCase, type World } from './world.js';

/*
 * Access cases for the accidents, indicators and statistics routes. Target records lie in C
 * (on a township of C off the child's path, so the child cannot see them). Enterprise
 * accounts hold no accident or statistics permission: 403 throughout.
 */

const everyone = (status: number) => ({ own: status, parent: status, sibling: status, child: status, department: status, siblingDepartment: status, enterprise: 403, anonymous: 401 });
/** A construction accident in C: visible from C and above, invisible elsewhere and to a department of other industries. */
const scoped = (ok: number) => ({ own: ok, parent: ok, sibling: 404, child: 404, department: 404, siblingDepartment: 404, enterprise: 403, anonymous: 401 });
/** A request naming C itself: C is on the child's path, visible there but not the child's to use. */
const aboutC = (ok: number, department = ok) => ({ own: ok, parent: ok, sibling: 404, child: 403, department, siblingDepartment: 404, enterprise: 403, anonymous: 401 });

const OCCURRED = new Date('2026-01-05T02:00:00Z');

async function reporter(w: World): Promise<string> {
  return (await w.t.factories.user({ orgId: w.orgs.own, roles: ['committee_office_staff'] })).id;
}

/** A fresh accident in C (each call its own, for acts that can happen only once). */
async function freshAccident(w: World): Promise<string> {
  return insertAccident(w.t.db, { regionCode: REGIONS.ownOther, reportedBy: await reporter(w), orgId: w.orgs.own, occurredAt: OCCURRED, deaths: 1 });
}

const shared = new WeakMap<World, Promise<string>>();
/** The world's target accident, made once. */
function target(w: World): Promise<string> {
  let id = shared.get(w);
  if (!id) {
    id = freshAccident(w);
    shared.set(w, id);
  }
  return id;
}

const statsRoutes = ['/api/stats/accidents', '/api/stats/accidents/trend', '/api/stats/accidents/veto', '/api/stats/accidents/export', '/api/stats/hazards', '/api/stats/hazards/export', '/api/indicators'];

export const accidentsCases: AccessCase[] = [
  {
    route: 'GET /api/accidents', role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: '/api/accidents?limit=200' }),
    expect: everyone(200),
    sees: { marker: target, own: true, parent: true, sibling: false, child: false, department: false, siblingDepartment: false },
  },
  { route: 'GET /api/accidents/{id}', role: 'leader', request: async (w) => ({ method: 'GET', url: `/api/accidents/${await target(w)}` }), expect: scoped(200) },
  {
    route: 'POST /api/accidents', role: 'committee_office_staff',
    request: () => ({ method: 'POST', url: '/api/accidents', payload: accidentBody({ regionCode: REGIONS.own, occurredAt: OCCURRED.toISOString() }) }),
    // A construction accident: not the fireworks department's to report.
    expect: aboutC(201, 403),
  },
  {
    route: 'POST /api/accidents/batch', role: 'committee_office_staff',
    request: () => ({ method: 'POST', url: '/api/accidents/batch', payload: { items: [accidentBody({ regionCode: REGIONS.own, occurredAt: OCCURRED.toISOString() })] } }),
    expect: aboutC(201, 403),
  },
  {
    route: 'POST /api/accidents/{id}/supplements', role: 'committee_office_staff',
    request: async (w) => ({ method: 'POST', url: `/api/accidents/${await target(w)}/supplements`, payload: { changedAt: '2026-01-06T02:00:00Z', deaths: 1 } }),
    expect: scoped(201),
  },
  {
    route: 'POST /api/accidents/{id}/escalations', role: 'committee_office_staff',
    request: async (w) => ({ method: 'POST', url: `/api/accidents/${await freshAccident(w)}/escalations`, payload: { level: 'city' } }),
    expect: scoped(201),
  },
  {
    route: 'PUT /api/accidents/{id}/investigation', role: 'committee_office_staff',
    request: async (w) => ({ method: 'PUT', url: `/api/accidents/${await target(w)}/investigation`, payload: { extended: true } }),
    expect: scoped(200),
  },
  {
    route: 'POST /api/accidents/{id}/accountability', role: 'committee_office_staff',
    request: async (w) => ({ method: 'POST', url: `/api/accidents/${await target(w)}/accountability`, payload: { person: '李某', failure: '未履行监管职责', decision: '政务警告' } }),
    expect: scoped(201),
  },
  {
    route: 'POST /api/accidents/{id}/close-investigation', role: 'committee_office_staff',
    request: async (w) => {
      const id = await freshAccident(w);
      await makeClosable(w.t.db, id, await reporter(w));
      return { method: 'POST', url: `/api/accidents/${id}/close-investigation` };
    },
    expect: scoped(200),
  },

  // Statistics and indicators for C: the figures of a region above one's own are refused.
  ...statsRoutes.map((path): AccessCase => ({
    route: `GET ${path}`, role: 'leader',
    request: () => ({ method: 'GET', url: `${path}?regionCode=${REGIONS.own}` }),
    expect: aboutC(200),
  })),
  {
    route: 'PUT /api/indicators/{regionCode}/{year}/{metric}', role: 'committee_office_staff',
    // C's cap is set by its parent; C itself may not set its own.
    request: () => ({ method: 'PUT', url: `/api/indicators/${REGIONS.own}/2026/deaths_total`, payload: { cap: 12 } }),
    expect: { own: 403, parent: 200, sibling: 404, child: 403, department: 403, siblingDepartment: 404, enterprise: 403, anonymous: 401 },
  },
];
