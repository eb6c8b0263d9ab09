import { describe, expect, it } from 'vitest';
import { findingsSummary, pairOutcome, type OutcomeInput } from './outcome.js';

const base: OutcomeInput = { status: 'recorded', inspectedOn: '2026-06-01', summary: '除尘系统存在问题', failedCount: 2, majorCount: 1, hazards: [], cases: [] };
const hazard = (status: OutcomeInput['hazards'][number]['status'], measures: string | null = null) => ({ title: '未设置泄爆片', status, measures, deadline: '2026-06-30' });
const kase = (status: OutcomeInput['cases'][number]['status'], measures: OutcomeInput['cases'][number]['measures'] = []) => ({ number: '正应急立〔2026〕1号', status, measures });

describe('一公开 result of a pair', () => {
  it('is empty until the inspection is signed', () => {
    expect(pairOutcome(null)).toEqual({ inspectedOn: null, findings: null, measures: null, closed: null });
    expect(pairOutcome({ ...base, status: 'draft' })).toEqual({ inspectedOn: null, findings: null, measures: null, closed: null });
  });

  it('summarises the findings with the counts', () => {
    expect(findingsSummary('除尘系统存在问题', 2, 1)).toBe('除尘系统存在问题；2 项不合格，1 项重大隐患');
    expect(findingsSummary(null, 0, 0)).toBe('未发现不合格项');
    expect(findingsSummary('  ', 1, 0)).toBe('1 项不合格，0 项重大隐患');
    expect(findingsSummary('x'.repeat(3000), 1, 0)).toHaveLength(2000);
  });

  it('nothing found: closed, no measures', () => {
    expect(pairOutcome({ ...base, failedCount: 0, majorCount: 0, summary: null })).toEqual({ inspectedOn: '2026-06-01', findings: '未发现不合格项', measures: null, closed: true });
  });

  it('lists the hazards’ 整改 and the cases’ measures; closed only when every hazard and case is done', () => {
    const open = pairOutcome({ ...base, hazards: [hazard('rectifying', '加装泄爆片'), hazard('reported')], cases: [kase('decided', [{ kind: 'fine', amountFen: 2_000_000 }, { kind: 'rectify_order', deadline: '2026-07-01' }])] });
    expect(open.measures).toBe('隐患“未设置泄爆片”：加装泄爆片（整改中）；隐患“未设置泄爆片”：限期至 2026-06-30 整改（已上报）；立案查处 正应急立〔2026〕1号：罚款 20,000.00 元、责令限期整改（至 2026-07-01）（已决定）');
    expect(open.closed).toBe(false);
    // One hazard still open keeps it open; rejected counts as done.
    expect(pairOutcome({ ...base, hazards: [hazard('closed'), hazard('pending_acceptance')] }).closed).toBe(false);
    expect(pairOutcome({ ...base, hazards: [hazard('closed'), hazard('rejected')] }).closed).toBe(true);
    // Cases: 结案, 不予处罚, 撤销 are done; 执行 and 移送 are not.
    for (const s of ['closed', 'no_penalty', 'revoked'] as const) expect(pairOutcome({ ...base, hazards: [hazard('closed')], cases: [kase(s)] }).closed).toBe(true);
    for (const s of ['executed', 'transferred', 'filed'] as const) expect(pairOutcome({ ...base, hazards: [hazard('closed')], cases: [kase(s)] }).closed).toBe(false);
    expect(pairOutcome({ ...base, cases: [kase('filed')] }).measures).toBe('立案查处 正应急立〔2026〕1号：处理中（立案）');
  });
});
