import { HAZARD_ACTIONS } from '@anjian/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../test/access/hazards.cases.js';
import { createWorld, REGIONS, type World } from '../../test/access/world.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let w: World;
let outside: string;
let inside: string;

/**
 * The sixth access case for the loop: an industry department inside the county but outside
 * the hazard's industry sees none of it — every act is a 404 — while the department of that
 * industry acts as the county would.
 */
beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const f = t.factories;
  const emergency = await f.org({ type: 'department', regionCode: REGIONS.own, name: '正定县应急管理局', industries: ['hazardous_chemicals'] });
  outside = await t.login((await f.user({ orgId: emergency, roles: ['committee_office_staff', 'township_staff'] })).username);
  inside = await t.login((await f.user({ orgId: w.orgs.ownDepartment, roles: ['committee_office_staff', 'township_staff'] })).username);
});
afterAll(async () => t?.close());

describe('a department outside the hazard’s industry', () => {
  it.each([...HAZARD_ACTIONS])('cannot %s a construction hazard (404), while the construction department can', async (action) => {
    const probe = ACTIONS[action];
    const spec = typeof probe === 'function' ? probe(w) : probe;
    const path = action.replaceAll('_', '-');
    const denied = await t.factories.hazard({ regionCode: REGIONS.ownOther, industryCode: 'construction', ...spec.state });
    const res = await t.request({ method: 'POST', url: `/api/hazards/${denied}/${path}`, cookie: outside, payload: await spec.body(w, null) });
    expect(res.statusCode, res.body).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/hazards/${denied}`, cookie: outside })).statusCode).toBe(404);
    const isRectify = ['progress', 'request_extension', 'submit_for_acceptance'].includes(action);
    // The department rectifies its own acts; for an extension it decides, someone else asked.
    const responsible = isRectify ? w.orgs.ownDepartment : action === 'decide_extension' ? w.orgs.enterprise : undefined;
    const allowed = await t.factories.hazard({ regionCode: REGIONS.ownOther, industryCode: 'construction', ...spec.state, ...(responsible ? { responsible_org_id: responsible } : {}) });
    const actor = { cookie: inside, userId: '', username: '' };
    const ok = await t.request({ method: 'POST', url: `/api/hazards/${allowed}/${path}`, cookie: inside, payload: await spec.body(w, actor) });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
