import crypto from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type pg from 'pg';
import { INDICATOR_METRIC_CODES } from '@anjian/domain';
import { copyIn, copyRow, pgArray } from '../db.js';
import type { Random } from '../random.js';
import type { Region, World } from '../world.js';

/**
 * The government side of the province, loaded by COPY (the platform has no bulk path for it):
 * a committee office (安委办) and six industry departments at province, city and county level,
 * a government in every township, and `users` accounts spread over them like a province's
 * staff — most in counties and townships. Every account shares one password, hashed once
 * (argon2 is slow on purpose; 5,000 hashes would take minutes and measure nothing).
 */
export const PASSWORD = 'Bench@Pass2026';

const DEPARTMENTS = [
  { name: '应急管理局', industries: ['hazardous_chemicals', 'metallurgy', 'machinery', 'dust_explosion', 'non_coal_mine', 'confined_space', 'ammonia_refrigeration', 'fireworks'] },
  { name: '住房和城乡建设局', industries: ['construction', 'urban_gas'] },
  { name: '交通运输局', industries: ['road_transport'] },
  { name: '市场监督管理局', industries: ['special_equipment'] },
  { name: '消防救援大队', industries: ['crowded_places'] },
  { name: '教育局', industries: ['campus'] },
] as const;

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟'];
const GIVEN = ['建国', '卫东', '志强', '海军', '秀英', '丽娟', '文华', '明辉', '晓东', '红梅', '国庆', '永刚', '春燕', '立新', '俊杰', '伟', '芳', '敏', '静', '磊', '军', '洋'];
export const personName = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN);

export interface Account { username: string; userId: string; orgId: string; regionCode: string }

export interface Structure {
  /** The accounts the scenarios sign in with. */
  accounts: { province: Account; city: Account; county: Account; township: Account };
  /** Each county's committee office and one of its staff: who reports the county's accidents. */
  countyReporters: Map<string, Account>;
  orgs: number;
  users: number;
}

interface Org { id: string; type: string; name: string; region: Region; industries: readonly string[] }

export async function loadStructure(db: pg.Client, world: World, r: Random, userCount: number): Promise<Structure> {
  const orgs: Org[] = [];
  const office = new Map<string, Org>();
  for (const region of [world.province, ...world.cities, ...world.counties]) {
    const o: Org = { id: crypto.randomUUID(), type: 'safety_committee_office', name: `${region.name}安全生产委员会办公室`, region, industries: [] };
    orgs.push(o);
    office.set(region.code, o);
    for (const d of DEPARTMENTS) orgs.push({ id: crypto.randomUUID(), type: 'department', name: `${region.name}${d.name}`, region, industries: d.industries.filter((i) => world.industries.includes(i)) });
  }
  const township = new Map<string, Org>();
  for (const region of world.townships) {
    const o: Org = { id: crypto.randomUUID(), type: 'township_government', name: `${region.name}人民政府`, region, industries: [] };
    orgs.push(o);
    township.set(region.code, o);
  }
  await copyIn(db, 'copy orgs (id, type, name, region_code, industries) from stdin', orgs.map((o) => copyRow([o.id, o.type, o.name, o.region.code, pgArray([...o.industries])])));

  const passwordHash = await hash(PASSWORD);
  const users: { id: string; username: string; name: string; org: Org; role: string }[] = [];
  const add = (username: string, org: Org, role: string) => {
    const u = { id: crypto.randomUUID(), username, name: personName(r), org, role };
    users.push(u);
    return { username, userId: u.id, orgId: org.id, regionCode: org.region.code };
  };
  const f = world.focus;
  const accounts = {
    province: add('bench.province', office.get(world.province.code)!, 'committee_office_staff'),
    city: add('bench.city', office.get(f.city.code)!, 'committee_office_staff'),
    county: add('bench.county', office.get(f.county.code)!, 'committee_office_staff'),
    township: add('bench.town', township.get(f.township.code)!, 'township_staff'),
  };
  const countyReporters = new Map<string, Account>();
  for (const c of world.counties) countyReporters.set(c.code, add(`bench.report.${c.code}`, office.get(c.code)!, 'committee_office_staff'));
  // The rest of the staff, most of them where the work is: counties and townships.
  const byLevel = { province: orgs.filter((o) => o.region.level === 1), city: orgs.filter((o) => o.region.level === 2), county: orgs.filter((o) => o.region.level === 3), township: [...township.values()] };
  for (let i = users.length; i < userCount; i++) {
    const level = r.weighted([['province', 3], ['city', 12], ['county', 45], ['township', 40]] as const);
    const org = r.pick(byLevel[level]);
    const role = org.type === 'department' ? 'department_staff' : org.type === 'township_government' ? r.weighted([['township_staff', 3], ['grid_member', 1]] as const) : r.weighted([['committee_office_staff', 4], ['leader', 1]] as const);
    add(`u${String(i).padStart(5, '0')}`, org, role);
  }
  await copyIn(db, 'copy users (id, username, display_name, org_id, password_hash) from stdin', users.map((u) => copyRow([u.id, u.username, u.name, u.org.id, passwordHash])));
  await copyIn(db, 'copy user_roles (user_id, role_key) from stdin', users.map((u) => copyRow([u.id, u.role])));

  // This year's control indicators: each city's set by the province, each county's by its city.
  const year = new Date().getUTCFullYear();
  const caps: string[] = [];
  for (const region of [...world.cities, ...world.counties]) {
    const parent = office.get(region.level === 2 ? world.province.code : region.code.slice(0, 4));
    if (!parent) continue;
    for (const metric of INDICATOR_METRIC_CODES) caps.push(copyRow([region.code, year, metric, r.int(region.level === 2 ? 40 : 5, region.level === 2 ? 200 : 30), parent.id, accounts.province.userId, new Date().toISOString()]));
  }
  await copyIn(db, 'copy control_indicators (region_code, year, metric, cap, set_by_org, set_by, set_at) from stdin', caps);
  return { accounts, countyReporters, orgs: orgs.length, users: users.length };
}
