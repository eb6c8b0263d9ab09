import { USCC_CHARSET, usccCheckCharacter } from '@anjian/domain';
import { personName } from '../load/structure.js';
import type { Random } from '../random.js';
import type { World } from '../world.js';

/**
 * The province's supervised enterprises, one per row of the registry import: placed in
 * villages uniformly (where the towns are, so are the firms), with the industry mix of a
 * county register (construction and trade first, a long tail of chemicals, mines, gas,
 * fireworks …) and valid, unique 统一社会信用代码 (GB 32100 check character).
 */
export interface Enterprise {
  name: string;
  uscc: string;
  regionCode: string;
  industries: string[];
  scale: string;
}

/** Primary industry → weight, the words in such a firm's name, an occasional second industry. */
const MIX: { industry: string; weight: number; business: string[]; second?: string }[] = [
  { industry: 'construction', weight: 20, business: ['建筑工程', '建设工程', '市政工程', '路桥工程'] },
  { industry: 'crowded_places', weight: 14, business: ['商贸', '百货', '酒店管理', '购物广场'], second: 'special_equipment' },
  { industry: 'machinery', weight: 12, business: ['机械制造', '汽车配件', '农机装备', '重工'], second: 'dust_explosion' },
  { industry: 'hazardous_chemicals', weight: 8, business: ['化工', '精细化工', '化工原料', '危险品储运'], second: 'special_equipment' },
  { industry: 'road_transport', weight: 8, business: ['物流', '运输', '客运', '货运'] },
  { industry: 'dust_explosion', weight: 6, business: ['木业', '粮油', '面粉', '饲料'] },
  { industry: 'special_equipment', weight: 6, business: ['锅炉', '起重设备', '压力容器', '电梯工程'] },
  { industry: 'metallurgy', weight: 5, business: ['钢铁', '铸造', '金属制品'], second: 'confined_space' },
  { industry: 'urban_gas', weight: 5, business: ['燃气', '天然气', '液化石油气'] },
  { industry: 'confined_space', weight: 3, business: ['污水处理', '酿造', '食品'] },
  { industry: 'non_coal_mine', weight: 2, business: ['矿业', '石料'] },
  { industry: 'ammonia_refrigeration', weight: 2, business: ['冷链物流', '冷冻食品'] },
  { industry: 'tourism', weight: 2, business: ['旅游开发', '文化旅游'] },
  { industry: 'campus', weight: 2, business: ['教育科技', '职业培训'] },
  { industry: 'agricultural_machinery', weight: 2, business: ['农机服务'] },
  { industry: 'fireworks', weight: 1, business: ['烟花爆竹批发'] },
  { industry: 'energy_storage', weight: 1, business: ['储能科技', '新能源'] },
];
const WORDS = ['恒安', '华通', '鑫源', '宏达', '天成', '金石', '永信', '瑞丰', '盛华', '德润', '博远', '新兴', '燕赵', '隆兴', '冀中', '正和', '广源', '佳和', '安泰', '中环', '建业', '顺达', '兴旺', '宝丰', '润泽', '荣盛', '利民', '众诚', '远航', '东方', '北辰', '旭日', '明达', '康宁', '泰和'];
const SCALES = [['微型', 35], ['小型', 45], ['中型', 15], ['大型', 5]] as const;

export function generateEnterprises(world: World, r: Random, count: number): Enterprise[] {
  const mix = MIX.filter((m) => world.industries.includes(m.industry)).map((m) => [m, m.weight] as const);
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: Enterprise[] = [];
  const counties = new Map(world.counties.map((c) => [c.code, c]));
  for (let i = 0; i < count; i++) {
    const village = r.pick(world.villages);
    const county = counties.get(village.code.slice(0, 6)) ?? world.counties[0]!;
    const m = r.weighted(mix);
    const industries = m.second && world.industries.includes(m.second) && r.chance(0.3) ? [m.industry, m.second] : [m.industry];
    let name = `${county.name}${r.pick(WORDS)}${r.pick(m.business)}有限公司`;
    // Names are unique within a region; a province has many namesakes, told apart as firms are.
    for (let k = 2; names.has(`${village.code}${name}`); k++) name = name.replace(/(第\d+分公司)?$/, `第${k}分公司`);
    names.add(`${village.code}${name}`);
    let uscc: string;
    do {
      const first17 = `91${county.code}MA${Array.from({ length: 7 }, () => USCC_CHARSET[r.int(0, 30)]).join('')}`;
      uscc = first17 + usccCheckCharacter(first17);
    } while (codes.has(uscc));
    codes.add(uscc);
    out.push({ name, uscc, regionCode: village.code, industries, scale: r.weighted(SCALES) });
  }
  return out;
}

/** The registry import's columns, in the template's order (enterprises.xlsx.ts). */
export const ENTERPRISE_HEADERS = ['企业名称*', '统一社会信用代码*', '行政区划代码*', '生产经营地址*', '行业*', '企业规模*', '法定代表人*', '主要负责人*', '实际控制人', '安全联系人', '纬度', '经度'];

export function enterpriseRow(e: Enterprise, r: Random): (string | number)[] {
  const legal = personName(r);
  return [e.name, e.uscc, e.regionCode, `${e.regionCode.slice(0, 9)}号地块${r.int(1, 300)}号`, e.industries.join('、'), e.scale, legal, r.chance(0.6) ? legal : personName(r), '', `${personName(r)}:1${r.int(3, 8)}${String(r.int(0, 999_999_999)).padStart(9, '0')}`, '', ''];
}
