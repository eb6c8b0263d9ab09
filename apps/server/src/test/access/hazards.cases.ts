import type { InjectOptions } from 'fastify';
import { HAZARD_ACTION_PERMISSION, type HazardAction, type RoleKey } from '@anjian/domain';
import { TEST_PASSWORD } from '../harness.js';
import { PNG_1X1, multipartFile } from '../multipart.js';
import { REGIONS, type AccessCase, type Actor, type World } from './world.js';

/** The target: a township of C off the child's path, no enterprise (the enterprise user is elsewhere). */
const AT = REGIONS.ownOther;
const anyone = (status: number) => ({ own: status, parent: status, sibling: status, child: status, department: status, siblingDepartment: status, enterprise: status, anonymous: 401 });
/** A construction hazard in C: neither department sees it (one supervises other industries, the other another county). */
const scoped = (ok: number, enterprise: number) => ({ own: ok, parent: ok, sibling: 404, child: 404, department: 404, siblingDepartment: 404, enterprise, anonymous: 401 });

async function upload(w: World, actor: Actor | null): Promise<string | null> {
  if (!actor) return null;
  const res = await w.t.request({ method: 'POST', url: '/api/files', cookie: actor.cookie, ...multipartFile('file', 'p.png', 'image/png', PNG_1X1) });
  return res.statusCode === 201 ? res.json().id : null;
}

export interface ActionSpec {
  role: RoleKey;
  state: Record<string, unknown>;
  body: (w: World, actor: Actor | null) => Promise<object> | object;
}

const assigned = (w: World) => ({ status: 'rectifying', deadline: '2027-12-31', assigned_by_org_id: w.orgs.own, responsible_org_id: w.orgs.ownDepartment, assigned_at: new Date() });

/** Each act, in a state where it is legal, with a body that passes its guards. */
export const ACTIONS: Record<HazardAction, ActionSpec | ((w: World) => ActionSpec)> = {
  verify: { role: 'township_staff', state: {}, body: () => ({}) },
  reject: { role: 'township_staff', state: {}, body: () => ({ reason: 'not_hazard' }) },
  assign: (w) => ({ role: 'township_staff', state: { status: 'verified' }, body: () => ({ responsibleOrgId: w.orgs.ownDepartment, responsiblePerson: '张三', supervisingDepartmentId: w.orgs.ownDepartment, deadline: '2027-12-31' }) }),
  progress: (w) => ({ role: 'township_staff', state: assigned(w), body: () => ({ comment: '进展' }) }),
  request_extension: (w) => ({ role: 'township_staff', state: assigned(w), body: () => ({ requestedDeadline: '2028-03-31', reason: '材料未到' }) }),
  decide_extension: (w) => ({
    role: 'township_staff',
    state: { ...assigned(w), extension_request: JSON.stringify({ requestedDeadline: '2028-03-31', reason: '材料', requestedAt: new Date().toISOString(), byOrgId: w.orgs.ownDepartment }) },
    body: () => ({ approve: false, reason: '理由不充分' }),
  }),
  supervise: { role: 'township_staff', state: {}, body: () => ({ comment: '现场督查' }) },
  list: (w) => ({ role: 'committee_office_staff', state: { ...assigned(w), level: 'major' }, body: () => ({ liaisonLeader: '刘县长', departmentId: w.orgs.ownDepartment }) }),
  delist: (w) => ({ role: 'committee_office_staff', state: { ...assigned(w), level: 'major', listed_level: 3, listed_region_code: REGIONS.own }, body: () => ({ reason: '已整改' }) }),
  submit_for_acceptance: (w) => ({ role: 'township_staff', state: assigned(w), body: async (_w, actor) => ({ photos: [await upload(w, actor) ?? '00000000-0000-4000-8000-000000000000'] }) }),
  accept: (w) => ({ role: 'township_staff', state: { ...assigned(w), status: 'pending_acceptance' }, body: () => ({ password: TEST_PASSWORD }) }),
  reject_acceptance: (w) => ({ role: 'township_staff', state: { ...assigned(w), status: 'pending_acceptance' }, body: () => ({ reason: '不合格' }) }),
  review_pass: (w) => ({ role: 'committee_office_staff', state: { ...assigned(w), status: 'closed', closed_on: '2026-02-01', closed_at: new Date() }, body: () => ({ comment: '合格' }) }),
  review_fail: (w) => ({ role: 'committee_office_staff', state: { ...assigned(w), status: 'closed', closed_on: '2026-02-01', closed_at: new Date() }, body: () => ({ comment: '未整改' }) }),
  // 问责 needs grounds: here the escalation job's mark (an overdue hazard past its grace period).
  record_accountability: { role: 'township_staff', state: { accountability_required: true }, body: () => ({ person: '王五', failure: '失职', decision: '通报批评', decidedOn: '2026-02-01' }) },
};

/** An enterprise account holding the act's permission is refused by scope (404), otherwise by permission (403). */
function enterpriseExpectation(action: HazardAction): number {
  return HAZARD_ACTION_PERMISSION[action] === 'hazard.rectify' ? 404 : 403;
}

const actionCases: AccessCase[] = (Object.keys(ACTIONS) as HazardAction[]).map((action) => {
  let role: RoleKey = 'township_staff';
  const probe = ACTIONS[action];
  if (typeof probe !== 'function') role = probe.role;
  else if (['list', 'delist', 'review_pass', 'review_fail'].includes(action)) role = 'committee_office_staff';
  return {
    route: `POST /api/hazards/{id}/${action.replaceAll('_', '-')}`,
    role,
    request: async (w, position, actor): Promise<InjectOptions> => {
      const spec = typeof probe === 'function' ? probe(w) : probe;
      // The rectifying unit's own acts: make each caller the responsible unit, so scope alone decides.
      const responsible = HAZARD_ACTION_PERMISSION[action] === 'hazard.rectify' && position !== 'anonymous' ? { responsible_org_id: w.orgs[position] } : {};
      const id = await w.t.factories.hazard({ regionCode: AT, ...spec.state, ...responsible });
      return { method: 'POST', url: `/api/hazards/${id}/${action.replaceAll('_', '-')}`, payload: await spec.body(w, actor) };
    },
    expect: scoped(200, enterpriseExpectation(action)),
  };
});

let target: Promise<string> | null = null;
/** One hazard in C, with a photo attached, shared by the read cases. */
function targetHazard(w: World): Promise<string> {
  target ??= (async () => {
    const id = await w.t.factories.hazard({ regionCode: AT, title: '访问测试目标隐患' });
    const uploader = await w.actor('own', 'township_staff');
    const fileId = (await upload(w, uploader))!;
    await w.t.db.insertInto('hazard_files').values({ hazard_id: id, file_id: fileId, event_id: null, kind: 'before' }).execute();
    return id;
  })();
  return target;
}

let draw: Promise<string> | null = null;
function targetDraw(w: World): Promise<string> {
  draw ??= (async () => {
    await w.t.factories.hazard({ regionCode: AT, status: 'closed', closed_on: '2026-02-01' });
    const office = await w.actor('own', 'committee_office_staff');
    const res = await w.t.request({ method: 'POST', url: '/api/hazard-reviews', cookie: office.cookie, payload: { size: 1, seed: 'access' } });
    return res.json().id as string;
  })();
  return draw;
}

export const hazardsCases: AccessCase[] = [
  {
    route: 'GET /api/hazards', role: 'township_staff',
    request: () => ({ method: 'GET', url: '/api/hazards?limit=200' }),
    expect: anyone(200),
    sees: { marker: async (w) => `"id":"${await targetHazard(w)}"`, own: true, parent: true, sibling: false, child: false, department: false, siblingDepartment: false, enterprise: false },
  },
  {
    route: 'POST /api/hazards', role: 'township_staff',
    request: () => ({ method: 'POST', url: '/api/hazards', payload: { title: '新发现隐患', level: 'general', source: 'government_inspection', regionCode: AT, foundOn: '2026-01-05' } }),
    // A department reports in one of its industries (the body names none: 422 on body.industryCode).
    expect: { ...scoped(201, 404), department: 422 },
  },
  { route: 'GET /api/hazards/{id}', role: 'township_staff', request: async (w) => ({ method: 'GET', url: `/api/hazards/${await targetHazard(w)}` }), expect: scoped(200, 404) },
  ...actionCases,
  {
    route: 'POST /api/hazard-reviews', role: 'committee_office_staff',
    request: async (w) => {
      await w.t.factories.hazard({ regionCode: AT, status: 'closed', closed_on: '2026-02-01' });
      return { method: 'POST', url: '/api/hazard-reviews', payload: { regionCode: REGIONS.own, size: 1 } };
    },
    // The department draws over its own industries (an empty population here); the sibling county's cannot name C.
    expect: { ...scoped(201, 403), department: 201 },
  },
  {
    route: 'GET /api/hazard-reviews', role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: '/api/hazard-reviews' }),
    expect: { ...anyone(200), enterprise: 403 },
    sees: { marker: async (w) => `"id":"${await targetDraw(w)}"`, own: true, parent: true, sibling: false, child: false, department: false, siblingDepartment: false },
  },
  { route: 'GET /api/hazard-reviews/{id}', role: 'committee_office_staff', request: async (w) => ({ method: 'GET', url: `/api/hazard-reviews/${await targetDraw(w)}` }), expect: scoped(200, 403) },
  {
    route: 'GET /api/hazard-lists/{list}', role: 'township_staff',
    request: () => ({ method: 'GET', url: '/api/hazard-lists/problems?limit=500' }),
    expect: anyone(200),
    sees: { marker: async (w) => { await targetHazard(w); return '访问测试目标隐患'; }, own: true, parent: true, sibling: false, child: false, department: false, siblingDepartment: false, enterprise: false },
  },
  {
    route: 'GET /api/hazard-lists/{list}/export', role: 'township_staff',
    request: () => ({ method: 'GET', url: `/api/hazard-lists/problems/export?regionCode=${REGIONS.own}` }),
    // C is on the child's path: readable, and the export holds only what the child may see.
    expect: { own: 200, parent: 200, sibling: 404, child: 200, department: 200, siblingDepartment: 404, enterprise: 403, anonymous: 401 },
  },
  {
    route: 'POST /api/hazards/import', role: 'committee_office_staff',
    // One CSV row at C: in scope for own and parent; for the sibling an unknown region and for
    // the child a region above its own — both a named bad row (422). Enterprises hold no hazard.import.
    request: () => ({
      method: 'POST', url: '/api/hazards/import', headers: { 'content-type': 'text/csv; charset=utf-8' },
      payload: `隐患名称,隐患等级,隐患来源,状态,行政区划代码,发现日期\n访问测试导入隐患,一般,监督检查/执法,已上报,${REGIONS.own},2026-01-05\n`,
    }),
    expect: { own: 200, parent: 200, sibling: 422, child: 422, department: 422, siblingDepartment: 422, enterprise: 403, anonymous: 401 },
  },
  { route: 'GET /api/inbox', role: 'township_staff', request: () => ({ method: 'GET', url: '/api/inbox' }), expect: anyone(200) },
  { route: 'GET /api/inbox/unread-count', role: 'township_staff', request: () => ({ method: 'GET', url: '/api/inbox/unread-count' }), expect: anyone(200) },
  { route: 'POST /api/inbox/read', role: 'township_staff', request: () => ({ method: 'POST', url: '/api/inbox/read', payload: { all: true } }), expect: anyone(200) },
  {
    route: 'POST /api/files', role: 'township_staff',
    request: () => ({ method: 'POST', url: '/api/files', ...multipartFile('file', 'p.png', 'image/png', PNG_1X1) }),
    expect: anyone(201),
  },
  {
    route: 'GET /api/files/{id}', role: 'township_staff',
    request: async (w) => {
      const hazard = await targetHazard(w);
      const link = await w.t.db.selectFrom('hazard_files').select('file_id').where('hazard_id', '=', hazard).executeTakeFirstOrThrow();
      return { method: 'GET', url: `/api/files/${link.file_id}` };
    },
    // The uploader is 'own'; everyone else sees it only through the hazard.
    expect: scoped(200, 404),
  },
];
