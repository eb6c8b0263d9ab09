import type { Bilingual } from '../errors/error-codes.js';
import type { HazardSource } from '../hazards/vocabulary.js';

/** 检查类型 (issue 12). */
export const INSPECTION_TYPES = ['random_draw', 'unannounced', 'covert', 'campaign', 'expert', 'reinspection'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_TYPE_LABELS = {
  random_draw: { zh: '双随机检查', en: 'Random draw (双随机)' },
  unannounced: { zh: '四不两直', en: 'Unannounced visit (四不两直)' },
  covert: { zh: '暗查暗访', en: 'Covert check' },
  campaign: { zh: '专项检查', en: 'Campaign inspection' },
  expert: { zh: '专家指导服务', en: 'Expert guidance visit' },
  reinspection: { zh: '复查', en: 'Re-inspection' },
} as const satisfies Record<InspectionType, Bilingual>;

/**
 * Visits the enterprise must not learn of in advance: it sees nothing of them — no draft, no
 * list entry — until the record is signed (四不两直: 不发通知、不打招呼).
 */
export const UNANNOUNCED_TYPES = ['unannounced', 'covert'] as const satisfies readonly InspectionType[];

export function isUnannounced(type: InspectionType): boolean {
  return (UNANNOUNCED_TYPES as readonly InspectionType[]).includes(type);
}

/** The hazard source a finding of each type carries (the hazards module's vocabulary). */
export const HAZARD_SOURCE_OF_INSPECTION = {
  random_draw: 'government_inspection',
  unannounced: 'unannounced',
  covert: 'government_inspection',
  campaign: 'campaign',
  expert: 'expert',
  reinspection: 'government_inspection',
} as const satisfies Record<InspectionType, HazardSource>;

/** 检查项结果: 合格 / 不合格 / 不适用. */
export const ITEM_RESULTS = ['pass', 'fail', 'na'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];

export const ITEM_RESULT_LABELS = {
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
  na: { zh: '不适用', en: 'Not applicable' },
} as const satisfies Record<ItemResult, Bilingual>;
