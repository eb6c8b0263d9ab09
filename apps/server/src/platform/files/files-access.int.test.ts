import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorld } from '../../modules/hazards/hazards.fixture.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/*
 * A file is served exactly to those who may read the record it is attached to: the owning
 * module (hazards) answers with its own read rule — the permission and the scope — so an
 * administrator whose region covers the hazard, but who may not read hazards, gets nothing.
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
let hazardId: string;
let photo: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await hazardWorld(t);
  hazardId = await w.report();
  photo = (await t.request({ method: 'GET', url: `/api/hazards/${hazardId}`, cookie: w.people.town.cookie })).json().files[0].id;
});
afterAll(async () => t?.close());

const read = (cookie: string | null, id = photo) => t.request({ method: 'GET', url: `/api/files/${id}`, cookie });
const actor = async (orgId: string, role: string) => t.login((await t.factories.user({ orgId, roles: [role] })).username);

describe('a hazard photo', () => {
  it('is served to those who read the hazard: the town, the county, the reported enterprise', async () => {
    for (const who of [w.people.town, w.people.county, w.people.officer, w.people.grid]) {
      expect((await t.request({ method: 'GET', url: `/api/hazards/${hazardId}`, cookie: who.cookie })).statusCode).toBe(200);
      const res = await read(who.cookie);
      expect(res.statusCode, who.username).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
    }
  });

  it('is not served to administrators who get 403 on the hazard itself', async () => {
    for (const role of ['security_admin', 'audit_admin', 'system_admin']) {
      const cookie = await actor(w.org.county, role);
      expect((await t.request({ method: 'GET', url: `/api/hazards/${hazardId}`, cookie })).statusCode, role).toBe(403);
      expect((await read(cookie)).statusCode, role).toBe(404);
    }
  });

  it('is not served to a sibling region, another enterprise, or anyone signed out', async () => {
    expect((await read(w.people.sibling.cookie)).statusCode).toBe(404);
    expect((await read(w.people.otherOfficer.cookie)).statusCode).toBe(404);
    const anonymous = await read(null);
    expect(anonymous.statusCode).toBe(401);
  });

  it('an unattached upload is its uploader’s alone; once attached, the hazard’s rule decides', async () => {
    const loose = await w.upload(w.people.town.cookie, 'loose.png');
    expect((await read(w.people.town.cookie, loose)).statusCode).toBe(200);
    expect((await read(w.people.town2.cookie, loose)).statusCode).toBe(404);
    expect((await read(w.people.county.cookie, loose)).statusCode).toBe(404);
    // The grid member who uploaded the report's photo keeps it only as a reader of the hazard:
    // moved to the sibling county, it no longer may.
    await t.db.updateTable('users').set({ org_id: w.org.sibling }).where('id', '=', w.people.grid.id).execute();
    const moved = await t.login(w.people.grid.username);
    expect((await read(moved)).statusCode).toBe(404);
  });
});
