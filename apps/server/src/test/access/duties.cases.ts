import crypto from 'node:crypto';
import { sealIdentity } from '../../modules/hazards/index.js';
import { createActivations, createOperator } from '../../modules/users/index.js';
import { createAuditWriter } from '../../platform/audit/audit.writer.js';
import { createSessionStore } from '../../platform/auth/sessions.js';
import { REGIONS, type AccessCase, type World } from './world.js';

/*
 * Access cases for issue 9's routes: the activation page's two calls (public: the one-time
 * token is the credential, so every position gets the same answer) and a citizen reporter's
 * identity (government units that handle reports, within their scope; never an enterprise).
 */

const uid = () => crypto.randomBytes(3).toString('hex');

/** A fresh audit administrator granted by the operator, and its activation token. */
async function freshToken(w: World): Promise<string> {
  const { t } = w;
  const audit = createAuditWriter({ algorithm: 'sm3', now: t.clock.now });
  const sessions = createSessionStore({ db: t.db, settings: t.config.session, now: t.clock.now });
  const activations = createActivations({ db: t.db, audit, sessions, passwordPolicy: t.config.passwordPolicy, hours: 24, now: t.clock.now });
  const org = await t.db.selectFrom('orgs').select('id').where('type', '=', 'platform').executeTakeFirstOrThrow();
  const granted = await createOperator({ db: t.db, audit, activations, sessions, operator: 'cli:access-test' }).grant({ username: `audit.${uid()}`, role: 'audit_admin', orgId: org.id });
  return granted.token;
}

const reported = new WeakMap<World, Promise<string>>();
/** A citizen's report in C, off the child's path, with its reporter on record. */
function reportedHazard(w: World): Promise<string> {
  let id = reported.get(w);
  if (!id) {
    id = (async () => {
      const hazard = await w.t.factories.hazard({ regionCode: REGIONS.ownOther, source: 'public_report', found_by_name: '' });
      await w.t.db.insertInto('hazard_reporters').values({ hazard_id: hazard, identity_enc: sealIdentity(w.t.pii, { name: '访问测试举报人', phone: '13900000000' }) }).execute();
      return hazard;
    })();
    reported.set(w, id);
  }
  return id;
}

const same = (status: number) => ({ own: status, parent: status, sibling: status, child: status, department: status, siblingDepartment: status, enterprise: status, anonymous: status });

export const dutiesCases: AccessCase[] = [
  {
    route: 'POST /api/activation', role: 'leader',
    request: async (w) => ({ method: 'POST', url: '/api/activation', payload: { token: await freshToken(w) } }),
    expect: same(200),
  },
  {
    route: 'POST /api/activation/password', role: 'leader',
    request: async (w) => ({ method: 'POST', url: '/api/activation/password', payload: { token: await freshToken(w), newPassword: 'Activated#2027x' } }),
    expect: same(204),
  },
  {
    route: 'GET /api/hazards/{id}/reporter', role: 'township_staff',
    request: async (w) => ({ method: 'GET', url: `/api/hazards/${await reportedHazard(w)}/reporter` }),
    // An enterprise account never holds the permission, whatever the hazard.
    // The departments do not see the (construction) hazard: one supervises other industries, the other another county.
    expect: { own: 200, parent: 200, sibling: 404, child: 404, department: 404, siblingDepartment: 404, enterprise: 403, anonymous: 401 },
    sees: { marker: () => '访问测试举报人', own: true, parent: true, sibling: false, child: false, department: false, siblingDepartment: false, enterprise: false, anonymous: false },
  },
];
