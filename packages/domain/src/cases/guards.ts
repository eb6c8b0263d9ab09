import type { GuardProblem } from '../hazards/guard-result.js';
import { isBlank } from '../hazards/guard-result.js';
import { addDays, compareDates, isBusinessDate, type BusinessDate } from '../time/shanghai.js';
import { formatYuan, MEASURE_LABELS, type Measure } from './vocabulary.js';

/*
 * 告知 (行政处罚法 2021 art. 44, 62–64): before a decision the party is told the facts, the
 * proposed penalty and its rights — to state its case and defend itself (陈述、申辩) and, for
 * the heavier penalties of art. 63, to ask for a hearing (听证) within five days of the notice
 * (art. 64(1)). The 陈述申辩 period is three working days in the national document formats; the
 * platform has no holiday calendar, so it counts THREE CALENDAR DAYS. That is shorter than three
 * working days across a weekend or a holiday (notified on a Friday: Monday, not Wednesday) —
 * a known gap until a working-day calendar exists; the party's waiver or response ends it early
 * anyway. Art. 85: the day of the notice is not counted; the last day is in time; a decision may
 * be made the day after.
 */
export const STATEMENT_DAYS = 3;
export const HEARING_REQUEST_DAYS = 5;

/**
 * 较大数额罚款 (art. 63(1)) is fixed by each province or department; this is the platform's
 * default for a 生产经营单位 (¥50,000), to be set to the local rule.
 */
export const LARGE_FINE_FEN = 50_000_00;

/** Art. 63: the measures that give the party the right to a hearing. */
export function hearingRight(measures: readonly Measure[]): boolean {
  return measures.some((m) =>
    m.kind === 'suspend' || m.kind === 'license' || m.kind === 'close'
    || ((m.kind === 'fine' || m.kind === 'confiscate') && (m.amountFen ?? 0) >= LARGE_FINE_FEN));
}

export interface NoticeFacts {
  notifiedOn: BusinessDate;
  hearingRight: boolean;
}

export interface ResponseFacts {
  /** The party declared in writing that it gives up 陈述申辩 (and the hearing). */
  waived: boolean;
  hearingRequested: boolean;
  hearingHeld: boolean;
}

/** The last day the party may still respond: the notice day + 3, or + 5 when it may ask for a hearing. */
export function responseLastDay(n: NoticeFacts): BusinessDate {
  return addDays(n.notifiedOn, n.hearingRight ? HEARING_REQUEST_DAYS : STATEMENT_DAYS);
}

/** Why a decision cannot be made today, or [] when it can. */
export function decisionTimingProblems(n: NoticeFacts, r: ResponseFacts, today: BusinessDate): GuardProblem[] {
  if (r.hearingRequested && !r.hearingHeld) {
    return [{ field: 'hearing', reason: 'hearing_pending', message: { zh: '当事人已申请听证，听证尚未举行，不得作出决定', en: 'the party asked for a hearing that has not been held yet' } }];
  }
  if (r.waived || r.hearingHeld) return [];
  const last = responseLastDay(n);
  if (compareDates(today, last) > 0) return [];
  const period = n.hearingRight ? { zh: `听证申请期（告知后${HEARING_REQUEST_DAYS}日）`, en: `the ${HEARING_REQUEST_DAYS}-day hearing request period` } : { zh: `陈述申辩期（告知后${STATEMENT_DAYS}日）`, en: `the ${STATEMENT_DAYS}-day statement period` };
  return [{
    field: 'notifiedOn', reason: 'notice_period_running',
    message: { zh: `${period.zh}至 ${last} 届满，${addDays(last, 1)} 起方可作出决定`, en: `${period.en} runs until ${last}; a decision is possible from ${addDays(last, 1)}` },
  }];
}

const required = (field: string, zh: string, en: string): GuardProblem => ({ field, reason: 'required', message: { zh: `${zh}不能为空`, en: `${en} is required` } });

/** Each measure complete: a legal basis always; an amount for money; a date for an order; the licence for 暂扣/吊销. */
export function measureProblems(measures: readonly Measure[], prefix = 'measures'): GuardProblem[] {
  const problems: GuardProblem[] = [];
  if (measures.length === 0) problems.push({ field: prefix, reason: 'required', message: { zh: '至少需要一项处理措施', en: 'at least one measure is required' } });
  measures.forEach((m, i) => {
    const at = `${prefix}.${i}`;
    const label = MEASURE_LABELS[m.kind];
    if (isBlank(m.legalBasis)) problems.push(required(`${at}.legalBasis`, `${label.zh}的法律依据`, `the legal basis of ${label.en}`));
    if (m.kind === 'fine' || m.kind === 'confiscate') {
      if (m.amountFen === null || m.amountFen === undefined || !Number.isSafeInteger(m.amountFen) || m.amountFen <= 0) {
        problems.push({ field: `${at}.amountFen`, reason: 'positive_amount', message: { zh: `${label.zh}金额必须为正整数（单位：分）`, en: `${label.en}: the amount must be a positive whole number of fen` } });
      }
    }
    if (m.kind === 'rectify_order' && !isBusinessDate(m.deadline)) problems.push(required(`${at}.deadline`, '整改期限', 'the rectification deadline'));
    if (m.kind === 'license') {
      if (isBlank(m.licence)) problems.push(required(`${at}.licence`, '证照名称', 'the licence'));
      if (m.licenceAction !== 'suspend' && m.licenceAction !== 'revoke') problems.push(required(`${at}.licenceAction`, '暂扣或吊销', 'suspend or revoke'));
    }
  });
  return problems;
}

/**
 * Art. 45: the party's statement may not lead to a heavier penalty than the one notified. A
 * decision may drop or lighten notified measures, never add a kind or raise an amount.
 */
export function heavierThanNotified(decided: readonly Measure[], notified: readonly Measure[], prefix = 'measures'): GuardProblem[] {
  const problems: GuardProblem[] = [];
  decided.forEach((m, i) => {
    const same = notified.filter((n) => n.kind === m.kind);
    if (same.length === 0) {
      problems.push({ field: `${prefix}.${i}.kind`, reason: 'not_notified', message: { zh: `${MEASURE_LABELS[m.kind].zh}未经告知，不得决定`, en: `${MEASURE_LABELS[m.kind].en} was not notified to the party` } });
      return;
    }
    const cap = Math.max(...same.map((n) => n.amountFen ?? 0));
    if ((m.amountFen ?? 0) > cap) {
      problems.push({ field: `${prefix}.${i}.amountFen`, reason: 'heavier_than_notified', message: { zh: `决定金额不得高于告知金额（${formatYuan(cap)} 元）`, en: `the amount may not exceed the notified ${formatYuan(cap)} yuan` } });
    }
  });
  return problems;
}
