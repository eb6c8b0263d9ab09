import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { isValidUscc } from '@anjian/domain';
import { hashPassword } from '../../platform/auth/passwords.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { DEMO_ENTERPRISE_NAME, demoEnterprises } from '../demo/demo-enterprises.js';

let t: TestApp;
let summary: string;

beforeAll(async () => {
  t = await createTestApp();
  const ctx = { province: '13', passwordHash: await hashPassword(TEST_PASSWORD), now: t.clock.now(), pii: t.pii };
  expect(await demoEnterprises.present(t.db, ctx)).toBe(false);
  summary = await t.db.transaction().execute((tx) => demoEnterprises.seed(tx, ctx));
  expect(await demoEnterprises.present(t.db, ctx)).toBe(true);
});
afterAll(async () => t?.close());

describe('demo enterprises', () => {
  it('fills every township of 正定县 and a few other counties, with valid codes and a few suspended', async () => {
    const rows = await t.db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id')
      .select(['o.region_code', 'o.name', 'e.uscc', 'e.industries', 'e.status']).execute();
    const zhengding = rows.filter((r) => r.region_code.startsWith('130123'));
    expect(zhengding.length).toBeGreaterThan(250);
    expect(rows.length - zhengding.length).toBeGreaterThan(30);
    expect(new Set(zhengding.map((r) => r.region_code.slice(0, 9))).size).toBe(10);
    expect(rows.every((r) => r.region_code.length === 12 && isValidUscc(r.uscc) && r.uscc.slice(2, 8) === r.region_code.slice(0, 6))).toBe(true);
    const industries = new Set(rows.flatMap((r) => r.industries));
    for (const i of ['construction', 'hazardous_chemicals', 'urban_gas', 'metallurgy', 'machinery', 'dust_explosion', 'crowded_places', 'road_transport', 'special_equipment']) expect(industries).toContain(i);
    expect(rows.filter((r) => r.status === 'suspended').length).toBeGreaterThan(2);
    expect(summary).toMatch(/^\d+ enterprises \(\d+ suspended\), 2 enterprise accounts$/);
  });

  it('is the same register on every run', async () => {
    const names = async () => (await t.db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id').select(['o.name', 'e.uscc']).orderBy('e.uscc').execute());
    const first = await names();
    // A second run in a transaction that is rolled back, after removing the first.
    await t.db.transaction().execute(async (tx) => {
      await sql`delete from user_roles where user_id in (select id from users where username like 'qy.%')`.execute(tx);
      await sql`delete from users where username like 'qy.%'`.execute(tx);
      await sql`delete from enterprises`.execute(tx);
      await sql`delete from orgs where type = 'enterprise'`.execute(tx);
      await demoEnterprises.seed(tx, { province: '13', passwordHash: 'x', now: t.clock.now(), pii: t.pii });
      const again = await tx.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id').select(['o.name', 'e.uscc']).orderBy('e.uscc').execute();
      expect(again).toEqual(first);
      throw new Error('roll back');
    }).catch((e: Error) => { if (e.message !== 'roll back') throw e; });
  });

  it('gives 恒安建材 its principal and safety officer, who see only their own enterprise', async () => {
    const principal = await t.login('qy.principal');
    const list = (await t.request({ method: 'GET', url: '/api/enterprises', cookie: principal })).json();
    expect(list.items.map((e: { name: string }) => e.name)).toEqual([DEMO_ENTERPRISE_NAME]);
    expect(list.items[0]).toMatchObject({ regionCode: '130123100001', industries: ['construction'], actions: ['update_contacts'] });
    const officer = await t.login('qy.safety');
    expect((await t.request({ method: 'GET', url: `/api/enterprises/${list.items[0].id}`, cookie: officer })).json().actions).toEqual([]);
  });
});
