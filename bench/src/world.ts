import type pg from 'pg';

/** The real region tree of the province, read from the regions table after bootstrap. */
export interface Region { code: string; name: string; level: number }

export interface World {
  province: Region;
  cities: Region[];
  counties: Region[];
  townships: Region[];
  villages: Region[];
  /** Where the per-level scenarios look: a city, its largest county, that county's largest township, one of its villages. */
  focus: { city: Region; county: Region; township: Region; village: Region };
  industries: string[];
}

export async function readWorld(db: pg.Client, province: string): Promise<World> {
  const { rows } = await db.query<Region>(`select code, name, level from regions where code like $1 order by code`, [`${province}%`]);
  const at = (level: number) => rows.filter((r) => r.level === level);
  const [prov] = at(1);
  if (!prov) throw new Error(`province ${province} is not in the region tree`);
  const cities = at(2), counties = at(3), townships = at(4), villages = at(5);
  if (villages.length === 0) throw new Error(`province ${province} has no villages imported (ANJIAN_VILLAGE_PROVINCES)`);
  const under = (list: Region[], code: string) => list.filter((r) => r.code.startsWith(code));
  const largest = (list: Region[], children: Region[]) =>
    list.map((r) => ({ r, n: under(children, r.code).length })).sort((a, b) => b.n - a.n || a.r.code.localeCompare(b.r.code))[0]!.r;
  const city = cities[0]!;
  const county = largest(under(counties, city.code), villages);
  const township = largest(under(townships, county.code), villages);
  const village = under(villages, township.code)[0]!;
  const industries = (await db.query<{ code: string }>(`select code from industries where active order by sort, code`)).rows.map((r) => r.code);
  return { province: prov, cities, counties, townships, villages, focus: { city, county, township, village }, industries };
}

/** Villages by county, for placing enterprises and hazards where people live and work. */
export function villagesByCounty(world: World): Map<string, Region[]> {
  const map = new Map<string, Region[]>();
  for (const v of world.villages) {
    const county = v.code.slice(0, 6);
    let list = map.get(county);
    if (!list) map.set(county, (list = []));
    list.push(v);
  }
  return map;
}
