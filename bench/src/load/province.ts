import type pg from 'pg';
import { copyIn } from '../db.js';
import { accidentRows, ACCIDENT_COLUMNS } from '../generate/accidents.js';
import { generateEnterprises } from '../generate/enterprises.js';
import { hazardGenerator } from '../generate/hazards.js';
import type { Http } from '../http.js';
import type { Random } from '../random.js';
import { readWorld, type World } from '../world.js';
import { loadEnterprises } from './enterprises.js';
import { loadHazards, type ImportChunk } from './hazards.js';
import { loadHistory, settle } from './history.js';
import { loadStructure, PASSWORD, type Account, type Structure } from './structure.js';

export interface Province {
  world: World;
  accounts: Structure['accounts'];
  counts: { enterprises: number; accidents: number; users: number; organisations: number };
  /** Absent when an earlier run's data was reused (--reuse). */
  loading?: { chunks: ImportChunk[]; enterpriseFileMs: number[]; historyEvents: number; settleMs: number };
}

/**
 * Loads the province in the order a real one fills: its government (COPY), the enterprises it
 * supervises (.xlsx registry import), ten years of hazard ledgers (CSV import; scenario 1 is
 * measured here), the last year's timelines, ten years of accidents (COPY); then statistics.
 */
export async function loadProvince(o: {
  /** The current server and database (a restart moves both). */
  http: () => Http; db: () => pg.Client; province: string; r: Random; today: string; n: (full: number, min?: number) => number; chunk: number;
  phase: (name: string) => void; log: (line: string) => void;
  retry: <T>(work: (http: Http) => Promise<T>) => Promise<T>;
}): Promise<Province> {
  const { r } = o;
  const db = () => o.db();
  const world = await readWorld(db(), o.province);
  const structure = await loadStructure(db(), world, r, o.n(5000));
  const cookie = await o.http().login(structure.accounts.province.username, PASSWORD);
  o.phase('organisations and users (COPY)');

  const enterprises = generateEnterprises(world, r, o.n(1e5));
  const enterpriseLoad = await loadEnterprises(o.http(), cookie, enterprises, r);
  o.log(`enterprises: ${enterprises.length.toLocaleString()} in ${enterpriseLoad.files} .xlsx files`);
  o.phase('enterprises (.xlsx import)');

  const total = o.n(1e7);
  const chunks = await loadHazards({ cookie, db, generator: hazardGenerator(world, enterprises, r, total, o.today), total, chunk: o.chunk, progress: o.log, retry: o.retry });
  o.phase('hazards (CSV import + raw COPY)');
  const historyEvents = await loadHistory(db(), structure.accounts.province, o.today);
  o.phase('hazard history events');

  const byCounty = new Map<string, string[]>();
  for (const e of (await db().query<{ id: string; region_code: string }>(`select id, region_code from orgs where type = 'enterprise'`)).rows) {
    const county = e.region_code.slice(0, 6);
    let list = byCounty.get(county);
    if (!list) byCounty.set(county, (list = []));
    list.push(e.id);
  }
  const accidents = await copyIn(db(), `copy accidents (${ACCIDENT_COLUMNS}) from stdin`, accidentRows({ world, r, count: o.n(1e5), now: new Date(), reporters: structure.countyReporters, enterprisesByCounty: byCounty, industries: world.industries }));
  o.phase('accidents (COPY)');
  const settleMs = await settle(db());
  o.log(`vacuum analyze + checkpoint: ${settleMs} ms`);
  o.phase('vacuum analyze');
  return {
    world, accounts: structure.accounts,
    counts: { enterprises: enterprises.length, accidents, users: structure.users, organisations: structure.orgs },
    loading: { chunks, enterpriseFileMs: enterpriseLoad.millis, historyEvents, settleMs },
  };
}

/** An earlier run's province (--reuse --keep): the same world, accounts found by name. */
export async function reuseProvince(db: pg.Client, province: string): Promise<Province> {
  const world = await readWorld(db, province);
  const account = async (username: string): Promise<Account> => {
    const { rows: [a] } = await db.query<{ id: string; org_id: string; region_code: string }>(`select u.id, u.org_id, o.region_code from users u join orgs o on o.id = u.org_id where u.username = $1`, [username]);
    if (!a) throw new Error(`--reuse: no account ${username}; load the data first (--keep)`);
    return { username, userId: a.id, orgId: a.org_id, regionCode: a.region_code };
  };
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    world,
    accounts: { province: await account('bench.province'), city: await account('bench.city'), county: await account('bench.county'), township: await account('bench.town') },
    counts: {
      enterprises: await count('select count(*) as n from enterprises'), accidents: await count('select count(*) as n from accidents'),
      users: await count('select count(*) as n from users'), organisations: await count('select count(*) as n from orgs'),
    },
  };
}
