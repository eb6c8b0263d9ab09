import { describe, expect, it } from 'vitest';
import { attachment, beijingText, exportFileName, textWidth, toCell } from './export-cells.js';

describe('export cells', () => {
  it('an instant is its Beijing wall clock, across midnight UTC', () => {
    const cell = toCell(new Date('2026-03-01T16:00:00Z'), 'datetime');
    expect((cell.value as Date).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((toCell('2026-03-01T15:59:00Z', 'date').value as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(beijingText(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
  });

  it('a business date stays its day; an unreadable one stays text', () => {
    expect((toCell('2026-03-01', 'date').value as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(toCell('不详', 'date')).toEqual({ value: '不详' });
  });

  it('numbers and percentages are numbers with formats; empty stays empty, never 0', () => {
    expect(toCell(1234, 'int')).toEqual({ value: 1234, numFmt: '#,##0' });
    expect(toCell('56.5', 'money')).toEqual({ value: 56.5, numFmt: '#,##0.00' });
    expect(toCell(33.33, 'signedPercent')).toEqual({ value: 0.3333, numFmt: '+0.00%;-0.00%;0.00%' });
    expect(toCell(null, 'percent')).toEqual({ value: null });
    expect(toCell('', 'int')).toEqual({ value: null });
  });

  it('widths count Chinese characters double', () => {
    expect(textWidth('整改清单ab')).toBe(10);
  });

  it('file names say what, where and when, and survive any header', () => {
    const now = new Date('2026-06-01T17:30:00Z');
    expect(exportFileName('问题清单', '正定县', { from: '2026-01-01', to: '2026-06-30' }, now)).toBe('问题清单_正定县_2026-01-01至2026-06-30.xlsx');
    expect(exportFileName('企业名录', '正定县', null, now)).toBe('企业名录_正定县_截至2026-06-02.xlsx');
    expect(exportFileName('a/b', 'c:d', { from: '2026-01-01' }, now)).toBe('a-b_c-d_2026-01-01至2026-06-02.xlsx');
    expect(attachment('问题清单_正定县.xlsx')).toBe(`attachment; filename="________.xlsx"; filename*=UTF-8''${encodeURIComponent('问题清单_正定县.xlsx')}`);
  });
});
