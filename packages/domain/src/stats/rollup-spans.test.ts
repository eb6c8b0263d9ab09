import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth } from '../time/shanghai.js';
import { datesIn, monthDays, rollupSpans, type DateRange } from './rollup-spans.js';

/** Every date the spans stand for, months expanded day by day. */
function expand(range: DateRange): string[] {
  const s = rollupSpans(range);
  const out: string[] = [];
  for (const d of s.days) for (let x = d.from; x <= d.to; x = addDays(x, 1)) out.push(x);
  if (s.months) {
    for (let m = s.months.from; m <= s.months.to; m = addDays(m, daysInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7))))) {
      expect(m.endsWith('-01'), m).toBe(true);
      for (let k = 0, x = m; k < daysInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7))); k++, x = addDays(x, 1)) out.push(x);
    }
  }
  return out.sort();
}

function every(range: DateRange): string[] {
  const out: string[] = [];
  for (let x = range.from; x <= range.to; x = addDays(x, 1)) out.push(x);
  return out;
}

describe('rollup spans', () => {
  it('reads year to date on 22 November as ten months and twenty-two days', () => {
    expect(rollupSpans({ from: '2026-01-01', to: '2026-11-22' })).toEqual({ months: { from: '2026-01-01', to: '2026-10-01' }, days: [{ from: '2026-11-01', to: '2026-11-22' }] });
  });

  it('reads whole months, quarters and years from month rows only', () => {
    expect(rollupSpans({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, days: [] });
    expect(rollupSpans({ from: '2025-07-01', to: '2025-09-30' })).toEqual({ months: { from: '2025-07-01', to: '2025-09-01' }, days: [] });
    expect(rollupSpans({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ months: { from: '2025-01-01', to: '2025-12-01' }, days: [] });
  });

  it('keeps days at both ends of a range that starts and ends inside months', () => {
    expect(rollupSpans({ from: '2025-01-15', to: '2025-04-10' })).toEqual({
      months: { from: '2025-02-01', to: '2025-03-01' },
      days: [{ from: '2025-01-15', to: '2025-01-31' }, { from: '2025-04-01', to: '2025-04-10' }],
    });
  });

  it('reads a range inside one month, or across one month end, as days only', () => {
    expect(rollupSpans({ from: '2025-03-05', to: '2025-03-05' })).toEqual({ months: null, days: [{ from: '2025-03-05', to: '2025-03-05' }] });
    expect(rollupSpans({ from: '2025-03-20', to: '2025-04-10' })).toEqual({ months: null, days: [{ from: '2025-03-20', to: '2025-04-10' }] });
    expect(rollupSpans({ from: '2024-02-01', to: '2024-02-28' })).toEqual({ months: null, days: [{ from: '2024-02-01', to: '2024-02-28' }] });
  });

  it('reads an empty range as nothing', () => {
    expect(rollupSpans({ from: '2025-03-06', to: '2025-03-05' })).toEqual({ months: null, days: [] });
  });

  it('covers every date of any range exactly once (every start and length over two years, leap February included)', () => {
    const starts = every({ from: '2023-12-20', to: '2024-03-10' });
    for (const from of starts) {
      for (const length of [1, 2, 9, 10, 27, 28, 29, 30, 31, 32, 45, 59, 60, 61, 90, 200, 366, 400]) {
        const range = { from, to: addDays(from, length - 1) };
        expect(expand(range), `${range.from}..${range.to}`).toEqual(every(range));
      }
    }
  });

  it('names the dates of the whole months and of the days at the ends, which together are the range', () => {
    const spans = rollupSpans({ from: '2024-01-30', to: '2024-03-02' });
    expect(monthDays(spans)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(datesIn(spans.days)).toEqual(['2024-01-30', '2024-01-31', '2024-03-01', '2024-03-02']);
    expect(datesIn([monthDays(spans), ...spans.days]).sort()).toEqual(every({ from: '2024-01-30', to: '2024-03-02' }));
    expect(monthDays(rollupSpans({ from: '2025-03-05', to: '2025-03-09' }))).toBeNull();
    expect(datesIn([null])).toEqual([]);
  });
});

