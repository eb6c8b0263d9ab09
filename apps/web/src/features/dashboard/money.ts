/**
 * 直接经济损失 as a leader reads it: 万元 as the seeds print losses, 亿元 once the figure
 * would no longer fit a card, with the digit-group separators of the language; the exact sum in
 * 元 stays available beside it.
 */
export interface Money {
  value: string;
  unit: 'tenThousandYuan' | 'hundredMillionYuan';
  /** The exact sum in 元, with separators. */
  yuan: string;
}

export function formatMoney(yuan: number, language: string): Money {
  const big = Math.abs(yuan) >= 100_000_000;
  const value = (yuan / (big ? 100_000_000 : 10_000)).toLocaleString(language, { minimumFractionDigits: big ? 2 : 1, maximumFractionDigits: big ? 2 : 1 });
  return { value, unit: big ? 'hundredMillionYuan' : 'tenThousandYuan', yuan: yuan.toLocaleString(language, { maximumFractionDigits: 2 }) };
}

/** A count with separators (12,345): the raw figures of a province run to five digits. */
export const formatCount = (n: number, language: string): string => n.toLocaleString(language);
