/** Organisation types (domain §1). Enterprise details come with the enterprise module. */
export const ORG_TYPES = [
  'platform',
  'safety_committee_office',
  'department',
  'township_government',
  'village_committee',
  'grid',
  'enterprise',
  'public',
] as const;

export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_NAMES: Record<OrgType, { zh: string; en: string }> = {
  platform: { zh: '平台运维单位', en: 'Platform operator' },
  safety_committee_office: { zh: '安委办', en: 'Safety committee office' },
  department: { zh: '行业主管部门', en: 'Industry department' },
  township_government: { zh: '乡镇政府(街道办)', en: 'Township government' },
  village_committee: { zh: '村(居)委会', en: 'Village committee' },
  grid: { zh: '网格', en: 'Grid' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  public: { zh: '社会公众', en: 'The public' },
};

/**
 * Which region levels each type may sit at (0 = the platform root). A township government
 * sits on a township, a village committee on a village; a grid covers a township or a
 * village; government offices exist at every level from province to county.
 */
export const ORG_TYPE_LEVELS: Record<OrgType, readonly number[]> = {
  platform: [0],
  safety_committee_office: [1, 2, 3, 4],
  department: [1, 2, 3],
  township_government: [4],
  village_committee: [5],
  grid: [4, 5],
  enterprise: [1, 2, 3, 4, 5],
  public: [0],
};

export type OrgAudience = 'platform' | 'government' | 'enterprise' | 'public';

export function orgAudience(type: OrgType): OrgAudience {
  if (type === 'platform') return 'platform';
  if (type === 'enterprise') return 'enterprise';
  if (type === 'public') return 'public';
  return 'government';
}
