import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('writes 万元 with one decimal and separators below 1亿', () => {
    expect(formatMoney(20_779_000, 'zh-CN')).toEqual({ value: '2,077.9', unit: 'tenThousandYuan', yuan: '20,779,000' });
    expect(formatMoney(0, 'zh-CN')).toEqual({ value: '0.0', unit: 'tenThousandYuan', yuan: '0' });
    expect(formatMoney(99_999_999, 'zh-CN').unit).toBe('tenThousandYuan');
  });
  it('switches to 亿元 at exactly 1亿, with two decimals', () => {
    expect(formatMoney(100_000_000, 'zh-CN')).toMatchObject({ value: '1.00', unit: 'hundredMillionYuan' });
    expect(formatMoney(1_234_567_890, 'en-US')).toEqual({ value: '12.35', unit: 'hundredMillionYuan', yuan: '1,234,567,890' });
  });
});
