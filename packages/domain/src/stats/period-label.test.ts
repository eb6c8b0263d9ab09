import { describe, expect, it } from 'vitest';
import { clampToDate, monthPeriod, periodLabel, quarterPeriod, samePeriodLastYear, wholeYear, yearToDate } from './periods.js';

describe('periodLabel: the kind the user chose, never 自定义 for a running month', () => {
  it('a running month cut at today is still the month, with the day it is cut at', () => {
    const p = clampToDate(monthPeriod(2026, 12), '2026-12-08');
    expect(p.kind).toBe('custom'); // compared date for date …
    expect(periodLabel('month', p).zh).toBe('2026-12-01 至 2026-12-08（2026年12月，截至12月8日）'); // … but named as chosen
    expect(periodLabel('month', p).zh).not.toContain('自定义');
    expect(periodLabel('month', samePeriodLastYear(p)).zh).toBe('2025-12-01 至 2025-12-08（2025年12月，截至12月8日）');
  });

  it('a whole month, quarter or year says nothing about a cut', () => {
    expect(periodLabel('month', monthPeriod(2026, 2)).zh).toBe('2026-02-01 至 2026-02-28（2026年2月）');
    expect(periodLabel('quarter', quarterPeriod(2026, 3)).zh).toBe('2026-07-01 至 2026-09-30（2026年第3季度）');
    expect(periodLabel('year', wholeYear(2025)).en).toBe('2025-01-01 to 2025-12-31 (Year 2025)');
  });

  it('a running quarter, the last day of the month, and a year to date', () => {
    expect(periodLabel('quarter', clampToDate(quarterPeriod(2026, 4), '2026-11-30')).zh).toBe('2026-10-01 至 2026-11-30（2026年第4季度，截至11月30日）');
    expect(periodLabel('month', clampToDate(monthPeriod(2026, 11), '2026-11-30')).zh).toBe('2026-11-01 至 2026-11-30（2026年11月）');
    expect(periodLabel('year_to_date', yearToDate('2026-12-08')).zh).toBe('2026-01-01 至 2026-12-08（本年累计）');
    expect(periodLabel('custom', { kind: 'custom', from: '2026-03-05', to: '2026-04-01' }).zh).toBe('2026-03-05 至 2026-04-01（自定义）');
  });
});
