import { describe, expect, it } from 'vitest';
import { decisionTimingProblems, hearingRight, heavierThanNotified, LARGE_FINE_FEN, measureProblems, responseLastDay } from './guards.js';
import { caseNumber, documentNumber, documentPrefix } from './documents.js';
import { blacklistInForce, recheckSchedule } from './rechecks.js';
import { formatYuan, type Measure } from './vocabulary.js';

const fine = (amountFen: number, legalBasis = '《安全生产法》第九十九条'): Measure => ({ kind: 'fine', amountFen, legalBasis });
const none = { waived: false, hearingRequested: false, hearingHeld: false };

describe('告知 periods', () => {
  it('gives a hearing right for the heavier penalties only', () => {
    expect(hearingRight([fine(LARGE_FINE_FEN - 1)])).toBe(false);
    expect(hearingRight([fine(LARGE_FINE_FEN)])).toBe(true);
    expect(hearingRight([{ kind: 'suspend', legalBasis: 'x' }])).toBe(true);
    expect(hearingRight([{ kind: 'rectify_order', legalBasis: 'x', deadline: '2026-02-01' }])).toBe(false);
    expect(hearingRight([{ kind: 'license', legalBasis: 'x', licence: '安全生产许可证', licenceAction: 'suspend' }])).toBe(true);
  });

  it('refuses a decision until the statement period (3 days) has run, the notice day not counted', () => {
    const n = { notifiedOn: '2026-03-02', hearingRight: false };
    expect(responseLastDay(n)).toBe('2026-03-05');
    expect(decisionTimingProblems(n, none, '2026-03-02')[0]?.field).toBe('notifiedOn');
    expect(decisionTimingProblems(n, none, '2026-03-05')[0]?.reason).toBe('notice_period_running');
    expect(decisionTimingProblems(n, none, '2026-03-06')).toEqual([]);
  });

  it('waits five days when the party may ask for a hearing', () => {
    const n = { notifiedOn: '2026-03-02', hearingRight: true };
    expect(decisionTimingProblems(n, none, '2026-03-07')).toHaveLength(1);
    expect(decisionTimingProblems(n, none, '2026-03-08')).toEqual([]);
  });

  it('lets a written waiver end the period, but never decides over a pending hearing', () => {
    const n = { notifiedOn: '2026-03-02', hearingRight: true };
    expect(decisionTimingProblems(n, { ...none, waived: true }, '2026-03-03')).toEqual([]);
    expect(decisionTimingProblems(n, { ...none, hearingRequested: true }, '2026-04-01')[0]?.reason).toBe('hearing_pending');
    expect(decisionTimingProblems(n, { ...none, hearingRequested: true, hearingHeld: true }, '2026-03-04')).toEqual([]);
  });
});

describe('measures', () => {
  it('names the missing legal basis of a fine', () => {
    expect(measureProblems([fine(100_00, '  ')])).toEqual([expect.objectContaining({ field: 'measures.0.legalBasis', reason: 'required' })]);
  });
  it('needs a positive whole amount, a deadline for an order, the licence for 暂扣/吊销', () => {
    expect(measureProblems([fine(0)]).map((p) => p.field)).toEqual(['measures.0.amountFen']);
    expect(measureProblems([{ kind: 'fine', legalBasis: 'x', amountFen: 10.5 }]).map((p) => p.field)).toEqual(['measures.0.amountFen']);
    expect(measureProblems([{ kind: 'rectify_order', legalBasis: 'x' }]).map((p) => p.field)).toEqual(['measures.0.deadline']);
    expect(measureProblems([{ kind: 'license', legalBasis: 'x' }]).map((p) => p.field)).toEqual(['measures.0.licence', 'measures.0.licenceAction']);
    expect(measureProblems([]).map((p) => p.field)).toEqual(['measures']);
    expect(measureProblems([fine(1), { kind: 'suspend', legalBasis: '《安全生产法》第一百零二条' }])).toEqual([]);
  });
  it('never decides heavier than notified (art. 45)', () => {
    expect(heavierThanNotified([fine(50_000_00)], [fine(50_000_00)])).toEqual([]);
    expect(heavierThanNotified([fine(30_000_00)], [fine(50_000_00)])).toEqual([]);
    expect(heavierThanNotified([fine(50_000_01)], [fine(50_000_00)])[0]?.field).toBe('measures.0.amountFen');
    expect(heavierThanNotified([{ kind: 'suspend', legalBasis: 'x' }], [fine(1)])[0]?.reason).toBe('not_notified');
  });
  it('formats fen as yuan', () => {
    expect(formatYuan(5_000_000)).toBe('50,000.00');
    expect(formatYuan(1)).toBe('0.01');
  });
});

describe('document numbers', () => {
  it('numbers like 正应急罚〔2026〕3号', () => {
    expect(documentPrefix('正定县', '正定县应急管理局')).toBe('正应急');
    expect(documentPrefix('正定县', '正定县住房和城乡建设局')).toBe('正住建');
    expect(documentNumber('正应急', 'penalty_decision', 2026, 3)).toBe('正应急罚〔2026〕3号');
    expect(documentNumber('正住建', 'penalty_notice', 2026, 12)).toBe('正住建罚告〔2026〕12号');
    expect(caseNumber('正应急', 2026, 1)).toBe('正应急立〔2026〕1号');
    expect(() => documentNumber('正应急', 'penalty_decision', 2026, 0)).toThrow(RangeError);
  });
});

describe('closure re-checks and the blacklist period', () => {
  it('schedules a re-check every quarter for a year', () => {
    expect(recheckSchedule('2026-01-01')).toEqual(['2026-04-01', '2026-06-30', '2026-09-28', '2026-12-27']);
  });
  it('is in force from the first to the last day, unless removed', () => {
    const e = { fromOn: '2026-01-01', toOn: '2026-12-31', removed: false };
    expect(blacklistInForce(e, '2025-12-31')).toBe(false);
    expect(blacklistInForce(e, '2026-01-01')).toBe(true);
    expect(blacklistInForce(e, '2026-12-31')).toBe(true);
    expect(blacklistInForce(e, '2027-01-01')).toBe(false);
    expect(blacklistInForce({ ...e, removed: true }, '2026-06-01')).toBe(false);
  });
});
