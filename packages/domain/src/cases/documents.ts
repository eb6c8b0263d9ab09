import type { Bilingual } from '../errors/error-codes.js';

/**
 * 执法文书: the documents a case produces, after the national 安全生产执法文书式样 (应急管理部
 * 2021). Each is numbered per issuing organisation, kind and year: 「正应急罚〔2026〕3号」 is
 * 正定县应急管理局's third 行政处罚决定书 of 2026.
 */
export const DOCUMENT_KINDS = ['inspection_record', 'rectify_order', 'reinspection_opinion', 'penalty_notice', 'penalty_decision', 'suspension_decision'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_INFO = {
  inspection_record: { title: { zh: '现场检查记录', en: 'On-site inspection record' }, mark: '检记' },
  rectify_order: { title: { zh: '责令限期整改指令书', en: 'Order to rectify by a date' }, mark: '责改' },
  reinspection_opinion: { title: { zh: '整改复查意见书', en: 'Re-inspection opinion' }, mark: '复查' },
  penalty_notice: { title: { zh: '行政处罚告知书', en: 'Notice of proposed penalty' }, mark: '罚告' },
  penalty_decision: { title: { zh: '行政处罚决定书', en: 'Administrative penalty decision' }, mark: '罚' },
  suspension_decision: { title: { zh: '停产停业整顿决定书', en: 'Decision to suspend for rectification' }, mark: '停' },
} as const satisfies Record<DocumentKind, { title: Bilingual; mark: string }>;

/** Short names of departments as they appear in document numbers. */
const DEPARTMENT_SHORT: [RegExp, string][] = [
  [/应急管理/, '应急'], [/住房和城乡建设|住建/, '住建'], [/市场监督管理/, '市监'], [/交通运输/, '交运'], [/消防救援/, '消'],
  [/煤/, '煤'], [/公安/, '公'], [/农业农村/, '农'], [/教育/, '教'], [/文化/, '文旅'], [/发展和改革/, '发改'], [/安全生产委员会|安委/, '安委'],
];

/**
 * The prefix of an organisation's numbers: the first character of its region's name (正定县 →
 * 正) and the department's short name (应急管理局 → 应急).
 */
export function documentPrefix(regionName: string, orgName: string): string {
  const place = regionName.trim().charAt(0);
  const rest = orgName.startsWith(regionName) ? orgName.slice(regionName.length) : orgName;
  const short = DEPARTMENT_SHORT.find(([re]) => re.test(rest))?.[1] ?? rest.slice(0, 2);
  return `${place}${short}`;
}

export function documentNumber(prefix: string, kind: DocumentKind, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence must be a whole number ≥ 1: ${seq}`);
  return `${prefix}${DOCUMENT_INFO[kind].mark}〔${year}〕${seq}号`;
}

/** A case's own number (案号) uses the same scheme with 立. */
export function caseNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}立〔${year}〕${seq}号`;
}

/**
 * 行政处罚法 art. 48 / 行政复议法 art. 20 / 行政诉讼法 art. 46: the party may apply for
 * administrative reconsideration within sixty days, or sue within six months, of learning of
 * the decision. Printed on every decision.
 */
export const RECONSIDERATION_DAYS = 60;
export const LITIGATION_MONTHS = 6;
/** Art. 67: a fine is paid within fifteen days of receiving the decision. */
export const FINE_PAYMENT_DAYS = 15;
