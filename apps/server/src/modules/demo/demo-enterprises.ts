import crypto from 'node:crypto';
import { sql } from 'kysely';
import { USCC_CHARSET, usccCheckCharacter } from '@anjian/domain';
import type { Tx } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import { sealContacts } from '../enterprises/index.js';
import type { DemoStep } from './index.js';
import { seededRandom, type Random } from './random.js';
import { DEMO_CITY, DEMO_COUNTY, DEMO_TOWNSHIP } from './demo-structure.js';

/**
 * Demo enterprises: about three hundred in 正定县 (every township, placed in its villages)
 * and a few dozen elsewhere in 石家庄, with an industry mix like a county's register, valid
 * USCCs and a few suspended. Seeded, so every fresh start produces the same register.
 */

export const DEMO_ENTERPRISE_NAME = '正定县恒安建材有限公司';
const DEMO_ENTERPRISE_VILLAGE = `${DEMO_TOWNSHIP}001`;
export const DEMO_ENTERPRISE_ACCOUNTS = [
  { username: 'qy.principal', displayName: '王建国（恒安建材主要负责人）', role: 'enterprise_principal' },
  { username: 'qy.safety', displayName: '李娜（恒安建材安全员）', role: 'enterprise_safety_officer' },
] as const;

/** Other counties of the city with a few enterprises each; mines sit in the western hills. */
const OTHER_COUNTIES: { code: string; count: number; extra?: string }[] = [
  { code: '130109', count: 6 }, { code: '130110', count: 5 }, { code: '130111', count: 4 }, { code: '130121', count: 4, extra: 'non_coal_mine' },
  { code: '130125', count: 4 }, { code: '130130', count: 4 }, { code: '130131', count: 4, extra: 'non_coal_mine' }, { code: '130181', count: 5 },
  { code: '130183', count: 4 }, { code: '130184', count: 4 },
];

/** Primary industry → weight, the businesses that name such a firm, and an occasional second industry. */
const MIX: { industry: string; weight: number; business: string[]; second?: string }[] = [
  { industry: 'construction', weight: 20, business: ['建筑工程', '建设工程', '建筑安装工程', '市政工程', '路桥工程'] },
  { industry: 'crowded_places', weight: 14, business: ['商贸', '百货', '酒店管理', '购物广场', '物业服务'], second: 'special_equipment' },
  { industry: 'machinery', weight: 12, business: ['机械制造', '机械', '汽车配件', '农机装备', '重工'], second: 'dust_explosion' },
  { industry: 'hazardous_chemicals', weight: 8, business: ['化工', '精细化工', '化工原料', '石油化工', '危险品储运'], second: 'special_equipment' },
  { industry: 'road_transport', weight: 8, business: ['物流', '运输', '客运', '货运'] },
  { industry: 'dust_explosion', weight: 6, business: ['木业', '粮油', '面粉', '铝制品', '饲料'] },
  { industry: 'special_equipment', weight: 6, business: ['锅炉', '起重设备', '压力容器', '电梯工程'] },
  { industry: 'metallurgy', weight: 5, business: ['钢铁', '铸造', '金属制品', '冶金'], second: 'confined_space' },
  { industry: 'urban_gas', weight: 5, business: ['燃气', '天然气', '液化石油气'] },
  { industry: 'confined_space', weight: 3, business: ['污水处理', '酿造', '食品'] },
  { industry: 'ammonia_refrigeration', weight: 2, business: ['冷链物流', '冷冻食品'] },
  { industry: 'tourism', weight: 2, business: ['旅游开发', '文化旅游'] },
  { industry: 'campus', weight: 2, business: ['教育科技', '职业培训'] },
  { industry: 'agricultural_machinery', weight: 2, business: ['农机服务', '农业机械'] },
  { industry: 'energy_storage', weight: 1, business: ['储能科技', '新能源'] },
  { industry: 'fireworks', weight: 1, business: ['烟花爆竹批发'] },
];

const WORDS = ['恒安', '华通', '鑫源', '宏达', '天成', '金石', '永信', '瑞丰', '盛华', '德润', '博远', '新兴', '燕赵', '常山', '滹沱', '古城', '隆兴', '冀中', '正和', '广源', '佳和', '恒信', '安泰', '中环', '建业', '顺达', '兴旺', '宝丰', '润泽', '诚信', '荣盛', '利民', '众诚', '远航', '东方', '北辰', '旭日', '明达', '康宁', '泰和'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['建国', '卫东', '志强', '海军', '秀英', '丽娟', '文华', '明辉', '晓东', '红梅', '国庆', '永刚', '春燕', '立新', '俊杰', '雪梅', '玉兰', '振华', '金龙', '德胜', '福林', '浩然', '伟', '芳', '敏', '静', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚'];
const ROADS = ['中山路', '燕赵大街', '恒州路', '常山路', '迎宾大道', '府前街', '工业路', '兴华路', '长兴街', '滨河路'];

type Rand = Random;

export const person = (r: Rand) => r.pick([...SURNAMES]) + r.pick(GIVEN);
export const mobile = (r: Rand) => `1${r.pick(['35', '37', '39', '52', '58', '83', '87', '89'])}${String(r.below(1e8)).padStart(8, '0')}`;
const placeName = (village: string) => village.replace(/(村民委员会|居民委员会|村委会|居委会)$/, '');

function uscc(r: Rand, county: string): string {
  // New registrations since 2015 carry 'MA' + seven characters as the organisation code.
  const body = Array.from({ length: 7 }, () => USCC_CHARSET[r.below(31)]).join('');
  const first17 = `91${county}MA${body}`;
  return first17 + usccCheckCharacter(first17);
}

interface Village { code: string; name: string; township: string }

interface Plan {
  id: string; name: string; region: string; uscc: string; address: string; industries: string[]; scale: string;
  legal: string; principal: string; controller: string | null; contacts: { name: string; phone: string }[];
  lat: number | null; lng: number | null; status: string; reason: string | null;
}

function plan(r: Rand, village: Village, county: { code: string; name: string }, centre: [number, number] | null, used: Set<string>, extra?: string): Plan {
  const weights = MIX.reduce((s, m) => s + m.weight, 0);
  let roll = r.below(weights);
  let mix = MIX[0]!;
  for (const m of MIX) { if ((roll -= m.weight) < 0) { mix = m; break; } }
  const primary = extra && r.next() < 0.5 ? extra : mix.industry;
  const industries = primary === mix.industry && mix.second && r.next() < 0.3 ? [primary, mix.second] : [primary];
  const business = primary === 'non_coal_mine' ? r.pick(['矿业', '石料', '建材矿业']) : r.pick(mix.business);
  let name: string;
  do {
    const prefix = r.next() < 0.8 ? county.name : r.pick(['河北', '石家庄']);
    name = `${prefix}${r.pick(WORDS)}${business}${r.next() < 0.85 ? '有限公司' : '股份有限公司'}`;
  } while (used.has(name));
  used.add(name);
  const scaleRoll = r.next();
  const legal = person(r);
  const status = r.next() < 0.03 ? 'suspended' : 'operating';
  return {
    id: crypto.randomUUID(), name, region: village.code, uscc: uscc(r, county.code),
    address: `${village.township}${placeName(village.name)}${r.pick(ROADS)}${1 + r.below(300)}号`,
    industries, scale: scaleRoll < 0.35 ? 'micro' : scaleRoll < 0.8 ? 'small' : scaleRoll < 0.95 ? 'medium' : 'large',
    legal, principal: r.next() < 0.6 ? legal : person(r), controller: r.next() < 0.5 ? legal : null,
    contacts: Array.from({ length: 1 + r.below(2) }, () => ({ name: person(r), phone: mobile(r) })),
    lat: centre ? Math.round((centre[0] + (r.next() - 0.5) * 0.16) * 1e6) / 1e6 : null,
    lng: centre ? Math.round((centre[1] + (r.next() - 0.5) * 0.2) * 1e6) / 1e6 : null,
    status, reason: status === 'suspended' ? r.pick(['重大事故隐患未按期整改，责令停产整顿', '挂牌督办重大隐患，停产整改', '无证经营危险化学品，责令停产整顿']) : null,
  };
}

async function villagesOf(tx: Tx, county: string): Promise<Village[]> {
  const { rows } = await sql<Village>`
    select v.code, v.name, t.name as township from regions v join regions t on t.code = v.parent_code
    where v.code like ${county + '%'} and v.level = 5 order by v.code`.execute(tx);
  return rows;
}

async function insert(tx: Tx, plans: Plan[], now: Date, pii: PiiCipher): Promise<void> {
  for (let i = 0; i < plans.length; i += 500) {
    const batch = plans.slice(i, i + 500);
    await tx.insertInto('orgs').values(batch.map((p) => ({ id: p.id, type: 'enterprise', name: p.name, region_code: p.region }))).execute();
    await tx.insertInto('enterprises').values(batch.map((p) => ({
      org_id: p.id, uscc: p.uscc, address: p.address, latitude: p.lat, longitude: p.lng, industries: p.industries, scale: p.scale,
      legal_representative: p.legal, principal: p.principal, actual_controller: p.controller, safety_contacts_enc: sealContacts(pii, p.contacts),
      status: p.status, status_reason: p.reason, status_changed_at: p.reason ? now : null,
    }))).execute();
  }
}

export const demoEnterprises: DemoStep = {
  name: 'enterprises',
  present: async (db, ctx) => !DEMO_COUNTY.startsWith(ctx.province)
    || (await db.selectFrom('users').select('id').where('username', '=', DEMO_ENTERPRISE_ACCOUNTS[0].username).executeTakeFirst()) !== undefined,
  async seed(tx, ctx) {
    const r = seededRandom(20261122);
    const used = new Set<string>([DEMO_ENTERPRISE_NAME]);
    const plans: Plan[] = [];
    const counties = new Map((await tx.selectFrom('regions').select(['code', 'name']).where('parent_code', '=', DEMO_CITY).execute()).map((c) => [c.code, c.name]));
    const zhengding = { code: DEMO_COUNTY, name: counties.get(DEMO_COUNTY) ?? '正定县' };

    const villages = await villagesOf(tx, DEMO_COUNTY);
    const home = villages.find((v) => v.code === DEMO_ENTERPRISE_VILLAGE) ?? villages[0]!;
    const hengan = plan(r, home, zhengding, [38.146, 114.57], used);
    plans.push({ ...hengan, name: DEMO_ENTERPRISE_NAME, industries: ['construction'], scale: 'small', status: 'operating', reason: null, legal: '王建国', principal: '王建国', controller: '王建国', contacts: [{ name: '李娜', phone: '13803210021' }] });

    // Every township: a base number plus more where there are more villages.
    const byTownship = new Map<string, Village[]>();
    for (const v of villages) byTownship.set(v.code.slice(0, 9), [...(byTownship.get(v.code.slice(0, 9)) ?? []), v]);
    for (const list of byTownship.values()) {
      const count = 18 + Math.round(list.length * 0.6);
      for (let i = 0; i < count; i++) plans.push(plan(r, r.pick(list), zhengding, [38.146, 114.57], used));
    }
    for (const county of OTHER_COUNTIES) {
      const list = await villagesOf(tx, county.code);
      const name = counties.get(county.code);
      if (!name || list.length === 0) continue;
      for (let i = 0; i < county.count; i++) plans.push(plan(r, r.pick(list), { code: county.code, name }, null, used, county.extra));
    }
    await insert(tx, plans, ctx.now, ctx.pii);

    for (const account of DEMO_ENTERPRISE_ACCOUNTS) {
      const { id } = await tx.insertInto('users').values({ username: account.username, display_name: account.displayName, phone: null, org_id: plans[0]!.id, password_hash: ctx.passwordHash }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('user_roles').values({ user_id: id, role_key: account.role }).execute();
    }
    const suspended = plans.filter((p) => p.status === 'suspended').length;
    return `${plans.length} enterprises (${suspended} suspended), ${DEMO_ENTERPRISE_ACCOUNTS.length} enterprise accounts`;
  },
};
