import { CASE_STATUS_LABELS, formatYuan, MEASURE_LABELS, type CaseStatus, type Measure } from '../cases/vocabulary.js';
import { HAZARD_STATUS_LABELS, type HazardStatus } from '../hazards/vocabulary.js';

/**
 * 一公开 of a drawn pair's result: what its inspection found, what was ordered, and whether all
 * of it is closed. The findings are fixed when the record is signed; the measures and "closed"
 * are derived each time from the hazards and cases as they stand, so a published page never
 * shows a stale state (a hazard closed yesterday reads closed today).
 */
export interface OutcomeHazard { title: string; status: HazardStatus; measures: string | null; deadline: string | null }
export interface OutcomeCase { number: string; status: CaseStatus; measures: Pick<Measure, 'kind' | 'amountFen' | 'deadline' | 'content'>[] }
export interface OutcomeInput {
  status: 'draft' | 'recorded' | 'archived';
  inspectedOn: string;
  summary: string | null;
  failedCount: number;
  majorCount: number;
  hazards: OutcomeHazard[];
  cases: OutcomeCase[];
}
export interface PairOutcome { inspectedOn: string | null; findings: string | null; measures: string | null; closed: boolean | null }

/** Hazards no longer open: 已销号, or 不予认定 (found not to be a hazard). */
const HAZARD_DONE: readonly HazardStatus[] = ['closed', 'rejected'];
/** Cases finished: 结案, 不予处罚, 撤销立案 (a case 移送司法机关 is still being dealt with). */
const CASE_DONE: readonly CaseStatus[] = ['closed', 'no_penalty', 'revoked'];
const MAX = 2000;

/** "summary；N 项不合格，M 项重大隐患" — what the signed record found, in one line. */
export function findingsSummary(summary: string | null, failedCount: number, majorCount: number): string {
  const counts = failedCount === 0 ? '未发现不合格项' : `${failedCount} 项不合格，${majorCount} 项重大隐患`;
  const text = summary?.trim() ? `${summary.trim()}；${counts}` : counts;
  return text.slice(0, MAX);
}

function caseMeasure(m: OutcomeCase['measures'][number]): string {
  const label = MEASURE_LABELS[m.kind].zh;
  if ((m.kind === 'fine' || m.kind === 'confiscate') && m.amountFen) return `${label} ${formatYuan(m.amountFen)} 元`;
  if ((m.kind === 'rectify_order' || m.kind === 'suspend') && m.deadline) return `${label}（至 ${m.deadline}）`;
  return label;
}

export function pairOutcome(i: OutcomeInput | null): PairOutcome {
  if (!i || i.status === 'draft') return { inspectedOn: null, findings: null, measures: null, closed: null };
  const lines = [
    ...i.hazards.map((h) => `隐患“${h.title}”：${h.measures?.trim() || (h.deadline ? `限期至 ${h.deadline} 整改` : '责令整改')}（${HAZARD_STATUS_LABELS[h.status].zh}）`),
    ...i.cases.map((c) => `立案查处 ${c.number}：${c.measures.length ? c.measures.map(caseMeasure).join('、') : '处理中'}（${CASE_STATUS_LABELS[c.status].zh}）`),
  ];
  const measures = lines.length ? lines.join('；').slice(0, MAX) : null;
  const closed = i.hazards.every((h) => HAZARD_DONE.includes(h.status)) && i.cases.every((c) => CASE_DONE.includes(c.status));
  return { inspectedOn: i.inspectedOn, findings: findingsSummary(i.summary, i.failedCount, i.majorCount), measures, closed };
}
