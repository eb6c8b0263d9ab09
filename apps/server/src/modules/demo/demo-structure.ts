/**
 * The demo province's government structure. Department names follow each level's usual
 * naming (厅 at province, 局 below); the industries each supervises follow the common
 * 三管三必须 division of labour.
 */
export interface DemoDepartment {
  key: string;
  name: { province: string; city: string; county: string };
  industries: string[];
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    key: 'emergency',
    name: { province: '应急管理厅', city: '应急管理局', county: '应急管理局' },
    industries: ['non_coal_mine', 'tailings_pond', 'hazardous_chemicals', 'fireworks', 'metallurgy', 'machinery', 'dust_explosion', 'ammonia_refrigeration', 'confined_space'],
  },
  { key: 'coal', name: { province: '煤矿安全监管局', city: '煤矿安全监管局', county: '煤炭工业局' }, industries: ['coal_mine'] },
  { key: 'housing', name: { province: '住房和城乡建设厅', city: '住房和城乡建设局', county: '住房和城乡建设局' }, industries: ['construction', 'urban_gas'] },
  { key: 'transport', name: { province: '交通运输厅', city: '交通运输局', county: '交通运输局' }, industries: ['road_transport'] },
  { key: 'police', name: { province: '公安厅', city: '公安局', county: '公安局' }, industries: ['civil_explosives'] },
  { key: 'market', name: { province: '市场监督管理局', city: '市场监督管理局', county: '市场监督管理局' }, industries: ['special_equipment'] },
  { key: 'fire', name: { province: '消防救援总队', city: '消防救援支队', county: '消防救援大队' }, industries: ['crowded_places'] },
  { key: 'tourism', name: { province: '文化和旅游厅', city: '文化广电和旅游局', county: '文化广电和旅游局' }, industries: ['tourism'] },
  { key: 'agriculture', name: { province: '农业农村厅', city: '农业农村局', county: '农业农村局' }, industries: ['fishing_vessel', 'agricultural_machinery'] },
  { key: 'education', name: { province: '教育厅', city: '教育局', county: '教育局' }, industries: ['campus'] },
  { key: 'energy', name: { province: '能源局', city: '发展和改革委员会', county: '发展和改革局' }, industries: ['oil_gas_pipeline', 'energy_storage'] },
];

/** 石家庄市正定县: the county whose villages, grids and people are filled in completely. */
export const DEMO_CITY = '1301';
export const DEMO_COUNTY = '130123';
export const DEMO_TOWNSHIP = '130123100';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  /** Where the account sits: an org is found by region and type (and department key). */
  org: { region: string; type: string; department?: string } | 'platform';
}

/** One account per level and role, so every view of the platform can be tried. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin', org: 'platform' },
  { username: 'auditor', displayName: '审计管理员', role: 'audit_admin', org: 'platform' },
  { username: 'hb.secadmin', displayName: '河北省安全管理员', role: 'security_admin', org: { region: '13', type: 'safety_committee_office' } },
  { username: 'hb.leader', displayName: '王省长', role: 'leader', org: { region: '13', type: 'safety_committee_office' } },
  { username: 'hb.office', displayName: '李明（省安委办）', role: 'committee_office_staff', org: { region: '13', type: 'safety_committee_office' } },
  { username: 'sjz.leader', displayName: '赵市长', role: 'leader', org: { region: DEMO_CITY, type: 'safety_committee_office' } },
  { username: 'sjz.office', displayName: '张华（市安委办）', role: 'committee_office_staff', org: { region: DEMO_CITY, type: 'safety_committee_office' } },
  { username: 'zd.leader', displayName: '刘县长', role: 'leader', org: { region: DEMO_COUNTY, type: 'safety_committee_office' } },
  { username: 'zd.office', displayName: '陈静（县安委办）', role: 'committee_office_staff', org: { region: DEMO_COUNTY, type: 'safety_committee_office' } },
  { username: 'zd.housing', displayName: '周强（县住建局）', role: 'department_staff', org: { region: DEMO_COUNTY, type: 'department', department: 'housing' } },
  { username: 'zd.emergency', displayName: '吴刚（县应急管理局）', role: 'department_staff', org: { region: DEMO_COUNTY, type: 'department', department: 'emergency' } },
  { username: 'zd.inspector', displayName: '郑毅（执法大队）', role: 'inspector', org: { region: DEMO_COUNTY, type: 'department', department: 'emergency' } },
  { username: 'zd.town', displayName: '孙丽（正定镇）', role: 'township_staff', org: { region: DEMO_TOWNSHIP, type: 'township_government' } },
  { username: 'zd.grid', displayName: '马军（网格员）', role: 'grid_member', org: { region: DEMO_TOWNSHIP, type: 'grid' } },
];
