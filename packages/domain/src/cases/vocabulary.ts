import type { Bilingual } from '../errors/error-codes.js';

/**
 * 行政执法案件 (an administrative enforcement case) as the 行政处罚法 (2021) lays it out:
 * 立案 → 调查取证 → 审核 (法制审核, art. 58) → 告知 (art. 44, 63–64) → 决定 (art. 57, 59) →
 * 送达 (art. 61) → 执行 (art. 66–73) → 结案; or it ends without a penalty (不予处罚, art. 57(2)),
 * is withdrawn (撤销立案), or goes to the judicial organs (移送司法机关, art. 27: 行刑衔接).
 */
export const CASE_STATUSES = [
  'filed', 'investigating', 'reviewing', 'notified', 'decided', 'served', 'executed', 'closed',
  'no_penalty', 'revoked', 'transferred',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS = {
  filed: { zh: '立案', en: 'Filed' },
  investigating: { zh: '调查取证', en: 'Investigating' },
  reviewing: { zh: '法制审核', en: 'Legal review' },
  notified: { zh: '已告知', en: 'Notified' },
  decided: { zh: '已决定', en: 'Decided' },
  served: { zh: '已送达', en: 'Served' },
  executed: { zh: '已执行', en: 'Executed' },
  closed: { zh: '结案', en: 'Closed' },
  no_penalty: { zh: '不予处罚', en: 'No penalty' },
  revoked: { zh: '撤销立案', en: 'Withdrawn' },
  transferred: { zh: '移送司法机关', en: 'Transferred to judicial organs' },
} as const satisfies Record<CaseStatus, Bilingual>;

/** The statuses in which the case is still open (the 立案→决定 clock runs in the first four). */
export const OPEN_CASE_STATUSES = ['filed', 'investigating', 'reviewing', 'notified', 'decided', 'served', 'executed'] as const satisfies readonly CaseStatus[];
export const FINAL_CASE_STATUSES = ['closed', 'no_penalty', 'revoked', 'transferred'] as const satisfies readonly CaseStatus[];

/** 行政处罚法 art. 9 and the 安全生产法's measures, as the platform records them. */
export const MEASURE_KINDS = ['rectify_order', 'fine', 'confiscate', 'suspend', 'license', 'close'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_LABELS = {
  rectify_order: { zh: '责令限期整改', en: 'Order to rectify by a date' },
  fine: { zh: '罚款', en: 'Fine' },
  confiscate: { zh: '没收违法所得', en: 'Confiscation of illegal gains' },
  suspend: { zh: '责令停产停业整顿', en: 'Suspension of production for rectification' },
  license: { zh: '暂扣/吊销证照', en: 'Suspend / revoke licence' },
  close: { zh: '提请关闭', en: 'Propose closure' },
} as const satisfies Record<MeasureKind, Bilingual>;

/**
 * One measure of a decision. Money is integer 分 (fen), never a float: ¥50,000.00 is 5000000.
 * `legalBasis` names the article the measure rests on (《安全生产法》第九十九条…).
 */
export interface Measure {
  kind: MeasureKind;
  legalBasis: string;
  /** fine, confiscate: the amount in fen. */
  amountFen?: number | null;
  /** rectify_order: the last day to rectify; suspend: the last day of the suspension (optional). */
  deadline?: string | null;
  /** license: which licence, and whether it is suspended (暂扣) or revoked (吊销). */
  licence?: string | null;
  licenceAction?: 'suspend' | 'revoke' | null;
  /** Free text: what exactly is ordered. */
  content?: string | null;
}

export const CASE_SOURCES = ['inspection', 'hazard', 'complaint', 'referral', 'other'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS = {
  inspection: { zh: '监督检查', en: 'Inspection' },
  hazard: { zh: '隐患排查', en: 'Hazard' },
  complaint: { zh: '举报投诉', en: 'Complaint' },
  referral: { zh: '移送交办', en: 'Referral' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<CaseSource, Bilingual>;

/** Formats fen as 元 with two decimals: 5000000 → '50,000.00'. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
