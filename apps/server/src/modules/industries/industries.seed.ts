/**
 * The key industries named in the seed documents (domain §8). This is the initial content
 * of the `industries` table; after that they are data, edited by the system administrator.
 */
export const INITIAL_INDUSTRIES: { code: string; nameZh: string; nameEn: string }[] = [
  { code: 'coal_mine', nameZh: '煤矿', nameEn: 'Coal mines' },
  { code: 'non_coal_mine', nameZh: '非煤矿山', nameEn: 'Non-coal mines' },
  { code: 'tailings_pond', nameZh: '尾矿库', nameEn: 'Tailings ponds' },
  { code: 'hazardous_chemicals', nameZh: '危险化学品', nameEn: 'Hazardous chemicals' },
  { code: 'fireworks', nameZh: '烟花爆竹', nameEn: 'Fireworks' },
  { code: 'civil_explosives', nameZh: '民爆物品', nameEn: 'Civil explosives' },
  { code: 'urban_gas', nameZh: '城镇燃气', nameEn: 'Urban gas' },
  { code: 'oil_gas_pipeline', nameZh: '油气管道', nameEn: 'Oil and gas pipelines' },
  { code: 'construction', nameZh: '建筑施工', nameEn: 'Construction' },
  { code: 'road_transport', nameZh: '道路交通运输', nameEn: 'Road transport' },
  { code: 'crowded_places', nameZh: '消防/人员密集场所', nameEn: 'Fire safety / crowded places' },
  { code: 'special_equipment', nameZh: '特种设备', nameEn: 'Special equipment' },
  { code: 'metallurgy', nameZh: '工贸·冶金', nameEn: 'Industry & trade: metallurgy' },
  { code: 'machinery', nameZh: '工贸·机械', nameEn: 'Industry & trade: machinery' },
  { code: 'dust_explosion', nameZh: '工贸·粉尘涉爆', nameEn: 'Industry & trade: combustible dust' },
  { code: 'ammonia_refrigeration', nameZh: '工贸·涉氨制冷', nameEn: 'Industry & trade: ammonia refrigeration' },
  { code: 'confined_space', nameZh: '工贸·有限空间', nameEn: 'Industry & trade: confined spaces' },
  { code: 'tourism', nameZh: '旅游景区', nameEn: 'Tourist sites' },
  { code: 'fishing_vessel', nameZh: '渔业船舶', nameEn: 'Fishing vessels' },
  { code: 'energy_storage', nameZh: '化学储能电站', nameEn: 'Battery energy storage' },
  { code: 'agricultural_machinery', nameZh: '农业机械', nameEn: 'Agricultural machinery' },
  { code: 'campus', nameZh: '校园', nameEn: 'Schools and campuses' },
];
