import type { Bilingual } from '../errors/error-codes.js';
import type { AccidentGrade } from './grading.js';

/**
 * 统计类别 of production-safety accidents, as the national statistics report them. The
 * supplement window differs by category (Decree 493 art. 13): casualty changes are
 * reported for 30 days, but for road traffic and fire only 7.
 */
export const ACCIDENT_CATEGORIES = [
  'industrial_mining_trade',
  'road_traffic',
  'fire',
  'railway',
  'waterway',
  'fishing_vessel',
  'agricultural_machinery',
  'other',
] as const;
export type AccidentCategory = (typeof ACCIDENT_CATEGORIES)[number];

export interface AccidentCategoryDefinition {
  label: Bilingual;
  /** Days after the day of occurrence within which casualty changes are supplemented (补报). */
  supplementDays: number;
}

export const ACCIDENT_CATEGORY_DEFINITIONS = {
  industrial_mining_trade: { label: { zh: '工矿商贸', en: 'Industry, mining and trade' }, supplementDays: 30 },
  road_traffic: { label: { zh: '生产经营性道路交通', en: 'Commercial road traffic' }, supplementDays: 7 },
  fire: { label: { zh: '火灾', en: 'Fire' }, supplementDays: 7 },
  railway: { label: { zh: '铁路交通', en: 'Railway' }, supplementDays: 30 },
  waterway: { label: { zh: '水上交通', en: 'Waterway' }, supplementDays: 30 },
  fishing_vessel: { label: { zh: '渔业船舶', en: 'Fishing vessels' }, supplementDays: 30 },
  agricultural_machinery: { label: { zh: '农业机械', en: 'Agricultural machinery' }, supplementDays: 30 },
  other: { label: { zh: '其他', en: 'Other' }, supplementDays: 30 },
} as const satisfies Record<AccidentCategory, AccidentCategoryDefinition>;

export function isAccidentCategory(value: string): value is AccidentCategory {
  return (ACCIDENT_CATEGORIES as readonly string[]).includes(value);
}

/** The levels above the county that a report climbs to, in order (Decree 493 art. 10). */
export const ESCALATION_LEVELS = ['city', 'province', 'state_council'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ESCALATION_LEVEL_LABELS = {
  city: { zh: '设区的市级', en: 'City' },
  province: { zh: '省级', en: 'Province' },
  state_council: { zh: '国务院', en: 'State Council' },
} as const satisfies Record<EscalationLevel, Bilingual>;

/** How far up a report must go: 一般 → city, 较大 → province, 重大 and 特别重大 → State Council. */
export const ESCALATION_TARGET = {
  ordinary: 'city',
  major: 'province',
  serious: 'state_council',
  extraordinary: 'state_council',
} as const satisfies Record<AccidentGrade, EscalationLevel>;

/** The levels a report of this grade must reach above the county, lowest first. */
export function escalationPath(grade: AccidentGrade): EscalationLevel[] {
  return ESCALATION_LEVELS.slice(0, ESCALATION_LEVELS.indexOf(ESCALATION_TARGET[grade]) + 1);
}
