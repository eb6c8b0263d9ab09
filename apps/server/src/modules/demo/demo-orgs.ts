import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import { DEMO_COUNTY, DEMO_DEPARTMENTS, DEMO_TOWNSHIP } from './demo-structure.js';

type OrgValues = { type: string; name: string; region_code: string; industries: string[] };

async function insertOrgs(tx: Tx, orgs: OrgValues[]): Promise<void> {
  for (let i = 0; i < orgs.length; i += 1000) {
    await tx.insertInto('orgs').values(orgs.slice(i, i + 1000)).onConflict((oc) => oc.columns(['region_code', 'type', 'name']).doNothing()).execute();
  }
}

/**
 * The province's government: a committee office and the industry departments at province,
 * every city and every county, a government for every township, and in the demo county a
 * committee and a grid for every village. Then the 三管三必须 routes at every level.
 */
export async function seedDemoOrgs(tx: Tx, province: string): Promise<number> {
  const regions = await tx.selectFrom('regions').select(['code', 'name', 'level']).where(sql<boolean>`code like ${province + '%'}`).where('level', '<=', 4).execute();
  const villages = await tx.selectFrom('regions').select(['code', 'name']).where(sql<boolean>`code like ${DEMO_COUNTY + '%'}`).where('level', '=', 5).execute();
  const orgs: OrgValues[] = [];
  for (const region of regions) {
    if (region.level <= 3) {
      const level = region.level === 1 ? 'province' : region.level === 2 ? 'city' : 'county';
      orgs.push({ type: 'safety_committee_office', name: `${region.name}安全生产委员会办公室`, region_code: region.code, industries: [] });
      for (const dept of DEMO_DEPARTMENTS) {
        orgs.push({ type: 'department', name: `${region.name}${dept.name[level]}`, region_code: region.code, industries: dept.industries });
      }
    } else {
      orgs.push({ type: 'township_government', name: `${region.name}人民政府`, region_code: region.code, industries: [] });
    }
  }
  const township = regions.find((r) => r.code === DEMO_TOWNSHIP);
  if (township) orgs.push({ type: 'grid', name: `${township.name}第一网格`, region_code: township.code, industries: [] });
  for (const village of villages) {
    orgs.push({ type: 'village_committee', name: village.name, region_code: village.code, industries: [] });
    orgs.push({ type: 'grid', name: `${village.name}网格`, region_code: village.code, industries: [] });
  }
  await insertOrgs(tx, orgs);

  // Each level routes every industry to its own department of that level.
  await sql`
    insert into industry_routes (region_code, industry_code, department_id)
    select o.region_code, i.code, o.id
    from orgs o cross join lateral unnest(o.industries) as i(code)
    where o.type = 'department' and o.region_code like ${province + '%'}
    on conflict do nothing`.execute(tx);
  return orgs.length;
}
