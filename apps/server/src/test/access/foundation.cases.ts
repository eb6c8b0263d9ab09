import crypto from 'node:crypto';
import { TEST_PASSWORD } from '../harness.js';
import { REGIONS, type AccessCase, type World } from './world.js';

const uid = () => crypto.randomBytes(3).toString('hex');
const everyone = (status: number, anonymous = 401) => ({ own: status, parent: status, sibling: status, child: status, department: status, siblingDepartment: status, enterprise: status, anonymous });
/**
 * The usual outcome for a record in C: visible from C and above, invisible elsewhere.
 * Organisations, accounts and regions belong to no industry: a department of C sees them as C does.
 */
const scoped = (ok: number, enterprise = 404) => ({ own: ok, parent: ok, sibling: 404, child: 404, department: ok, siblingDepartment: 404, enterprise, anonymous: 401 });
/** Spelled out per position; the departments answer as C and the sibling county do. */
const at = (e: { own: number; parent: number; sibling: number; child: number; enterprise: number; anonymous: number }) => ({ ...e, department: e.own, siblingDepartment: e.sibling });

async function targetUser(w: World): Promise<string> {
  return (await w.t.factories.user({ orgId: w.orgs.own, roles: ['committee_office_staff'] })).id;
}

export const foundationCases: AccessCase[] = [
  { route: 'GET /api/health', role: 'leader', request: () => ({ method: 'GET', url: '/api/health' }), expect: everyone(200, 200) },
  {
    route: 'POST /api/auth/login', role: 'leader', fresh: true,
    request: (_w, _p, actor) => ({ method: 'POST', url: '/api/auth/login', payload: { username: actor?.username ?? 'nobody', password: TEST_PASSWORD } }),
    expect: everyone(200, 401),
  },
  { route: 'POST /api/auth/logout', role: 'leader', fresh: true, request: () => ({ method: 'POST', url: '/api/auth/logout' }), expect: everyone(204) },
  { route: 'GET /api/auth/me', role: 'leader', request: () => ({ method: 'GET', url: '/api/auth/me' }), expect: everyone(200) },
  {
    route: 'POST /api/auth/password', role: 'leader', fresh: true,
    request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Fresh#Secret2027' } }),
    expect: everyone(204),
  },

  // Regions: the target is a township of C off the child's path.
  ...['', '/children', '/ancestors', '/search?q=%E6%9D%91'].map((suffix): AccessCase => ({
    route: `GET /api/regions/{code}${suffix.split('?')[0]}`, role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: `/api/regions/${REGIONS.ownOther}${suffix}` }),
    expect: scoped(200),
  })),
  {
    route: 'POST /api/regions/village-imports', role: 'system_admin',
    // The province is on everyone's path (visible) but only a root administrator imports it.
    request: () => ({ method: 'POST', url: '/api/regions/village-imports', payload: { provinceCode: '13' } }),
    expect: at({ own: 403, parent: 403, sibling: 403, child: 403, enterprise: 403, anonymous: 401 }),
  },

  { route: 'GET /api/industries', role: 'leader', request: () => ({ method: 'GET', url: '/api/industries' }), expect: everyone(200) },
  {
    route: 'POST /api/industries', role: 'system_admin',
    request: () => ({ method: 'POST', url: '/api/industries', payload: { code: `x_${uid()}`, nameZh: '测试', nameEn: 'Test' } }),
    expect: everyone(403),
  },
  {
    route: 'PATCH /api/industries/{code}', role: 'system_admin',
    request: () => ({ method: 'PATCH', url: '/api/industries/construction', payload: { sort: 5 } }),
    expect: everyone(403),
  },

  {
    route: 'GET /api/orgs', role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: '/api/orgs?limit=200' }),
    expect: everyone(200),
    sees: { marker: (w) => w.orgs.own, own: true, parent: true, sibling: false, child: false, department: true, siblingDepartment: false, enterprise: false },
  },
  { route: 'GET /api/orgs/{id}', role: 'committee_office_staff', request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.own}` }), expect: scoped(200) },
  {
    route: 'POST /api/orgs', role: 'security_admin',
    request: () => ({ method: 'POST', url: '/api/orgs', payload: { type: 'safety_committee_office', name: `测试安委办${uid()}`, regionCode: REGIONS.own } }),
    // C is on the child's path, so the child sees it but may not administer it.
    expect: at({ own: 201, parent: 201, sibling: 404, child: 403, enterprise: 403, anonymous: 401 }),
  },
  {
    route: 'PATCH /api/orgs/{id}', role: 'security_admin',
    request: (w) => ({ method: 'PATCH', url: `/api/orgs/${w.orgs.own}`, payload: { status: 'active' } }),
    expect: scoped(200, 403),
  },

  {
    route: 'GET /api/routing', role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: `/api/routing?regionCode=${REGIONS.own}` }),
    // Routing of a region on one's own path is readable (who supervises my township's industries).
    expect: at({ own: 200, parent: 200, sibling: 404, child: 200, enterprise: 200, anonymous: 401 }),
  },
  {
    route: 'PUT /api/routing/{regionCode}/{industryCode}', role: 'system_admin',
    request: (w) => ({ method: 'PUT', url: `/api/routing/${REGIONS.own}/construction`, payload: { departmentId: w.orgs.ownDepartment } }),
    expect: at({ own: 200, parent: 200, sibling: 404, child: 403, enterprise: 403, anonymous: 401 }),
  },
  {
    route: 'DELETE /api/routing/{regionCode}/{industryCode}', role: 'system_admin',
    request: async (w) => {
      await w.t.db.insertInto('industry_routes').values({ region_code: REGIONS.own, industry_code: 'urban_gas', department_id: w.orgs.ownDepartment })
        .onConflict((oc) => oc.columns(['industry_code', 'region_code']).doNothing()).execute();
      return { method: 'DELETE', url: `/api/routing/${REGIONS.own}/urban_gas` };
    },
    expect: at({ own: 200, parent: 200, sibling: 404, child: 403, enterprise: 403, anonymous: 401 }),
  },

  {
    route: 'GET /api/users', role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: '/api/users?limit=200' }),
    expect: at({ own: 200, parent: 200, sibling: 200, child: 200, enterprise: 403, anonymous: 401 }),
    sees: { marker: targetUser, own: true, parent: true, sibling: false, child: false, department: true, siblingDepartment: false },
  },
  { route: 'GET /api/users/{id}', role: 'committee_office_staff', request: async (w) => ({ method: 'GET', url: `/api/users/${await targetUser(w)}` }), expect: scoped(200, 403) },
  {
    route: 'POST /api/users', role: 'security_admin',
    request: (w) => ({ method: 'POST', url: '/api/users', payload: { username: `new${uid()}`, displayName: '新用户', orgId: w.orgs.own, roles: ['leader'] } }),
    expect: scoped(201, 403),
  },
  { route: 'PATCH /api/users/{id}', role: 'security_admin', request: async (w) => ({ method: 'PATCH', url: `/api/users/${await targetUser(w)}`, payload: { displayName: '改名' } }), expect: scoped(200, 403) },
  { route: 'POST /api/users/{id}/disable', role: 'security_admin', request: async (w) => ({ method: 'POST', url: `/api/users/${await targetUser(w)}/disable` }), expect: scoped(200, 403) },
  { route: 'POST /api/users/{id}/enable', role: 'security_admin', request: async (w) => ({ method: 'POST', url: `/api/users/${await targetUser(w)}/enable` }), expect: scoped(200, 403) },
  { route: 'POST /api/users/{id}/reset-password', role: 'security_admin', request: async (w) => ({ method: 'POST', url: `/api/users/${await targetUser(w)}/reset-password` }), expect: scoped(200, 403) },
  { route: 'PUT /api/users/{id}/roles', role: 'security_admin', request: async (w) => ({ method: 'PUT', url: `/api/users/${await targetUser(w)}/roles`, payload: { roles: ['leader'] } }), expect: scoped(200, 403) },
  { route: 'GET /api/roles', role: 'security_admin', request: () => ({ method: 'GET', url: '/api/roles' }), expect: everyone(200) },

  {
    route: 'GET /api/audit', role: 'audit_admin',
    request: () => ({ method: 'GET', url: '/api/audit?limit=200&action=auth.login' }),
    expect: at({ own: 200, parent: 200, sibling: 200, child: 200, enterprise: 403, anonymous: 401 }),
    // The marker: a sign-in by a user of C (audit rows carry the actor's region).
    sees: {
      marker: async (w) => (await w.actor('own', 'leader', { fresh: true })).username,
      own: true, parent: true, sibling: false, child: false, department: true, siblingDepartment: false,
    },
  },
];
