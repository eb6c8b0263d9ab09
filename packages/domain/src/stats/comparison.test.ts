import { describe, expect, it } from 'vitest';
import { consumption, describeChange, doubleRise, periodOnPeriod, roundedPercent, share, yearOnYear } from './comparison.js';
import { formatPercent, roundHalfAwayFromZero, toFixedHalfAwayFromZero } from './percent.js';

const yoy = (current: number, previous: number, decimals: number) => {
  const c = yearOnYear(current, previous);
  return { value: roundedPercent(c, decimals), text: c.percent === null ? null : formatPercent(c.percent, decimals) };
};

describe('the seeds’ worked figures (domain §5)', () => {
  it.each([
    // Shanxi, Jan–May (seed 000), printed to two decimals.
    ['Shanxi accidents', 208, 156, 2, 33.33, '+33.33%'],
    ['Shanxi deaths', 255, 183, 2, 39.34, '+39.34%'],
    ['Shanxi major accidents', 12, 5, 2, 140, '+140%'],
    ['Shanxi major-accident deaths', 44, 16, 2, 175, '+175%'],
    // Hebei, Jan–Oct (seed 004), printed to one decimal.
    ['Hebei major accidents', 13, 17, 1, -23.5, '-23.5%'],
    ['Hebei major-accident deaths', 55, 71, 1, -22.5, '-22.5%'],
    ['Hebei industry/mining/trade major accidents', 9, 4, 1, 125, '+125%'],
    ['Hebei industry/mining/trade major-accident deaths', 32, 17, 1, 88.2, '+88.2%'],
  ])('%s: %i against %i → %s', (_name, current, previous, decimals, value, text) => {
    expect(yoy(current, previous, decimals)).toEqual({ value, text });
  });

  it('Shanxi: the differences are the printed "up 52 and 72", "up 7 and 28"', () => {
    expect([yearOnYear(208, 156), yearOnYear(255, 183), yearOnYear(12, 5), yearOnYear(44, 16)].map((c) => c.difference)).toEqual([52, 72, 7, 28]);
  });

  it('Hebei: construction + metallurgy/machinery are 73.4% and 70.4% of the category', () => {
    const accidents = share(69, 94);
    const deaths = share(88, 125);
    expect(roundHalfAwayFromZero(accidents.percent as number, 1)).toBe(73.4);
    expect(roundHalfAwayFromZero(deaths.percent as number, 1)).toBe(70.4);
    expect(formatPercent(accidents.percent as number, 1, { sign: false })).toBe('73.4%');
    expect(formatPercent(deaths.percent as number, 1, { sign: false })).toBe('70.4%');
  });

  it('Hebei: 1113 accidents −6.5% and 798 deaths −6.9% imply last year 1190 and 857', () => {
    /*
     * The seed prints no last-year totals. Searching every integer that prints the seed's
     * percentage: 1190 and 1191 both give −6.5% for accidents (1113 / 0.935 = 1190.4, so 1190
     * is the nearer); only 857 gives −6.9% for deaths. We take 1190 and 857.
     */
    const candidates = (current: number, printed: string) =>
      Array.from({ length: 400 }, (_, i) => current + i).filter((last) => formatPercent(yearOnYear(current, last).percent as number, 1) === printed);
    expect(candidates(1113, '-6.5%')).toEqual([1190, 1191]);
    expect(candidates(798, '-6.9%')).toEqual([857]);
    expect(yoy(1113, 1190, 1)).toEqual({ value: -6.5, text: '-6.5%' });
    expect(yoy(798, 857, 1)).toEqual({ value: -6.9, text: '-6.9%' });
  });

  it('the description a report would print', () => {
    expect(describeChange(yearOnYear(208, 156), 2)).toEqual({ zh: '同比上升33.33%', en: 'up 33.33% year on year' });
    expect(describeChange(yearOnYear(1113, 1190), 1).zh).toBe('同比下降6.5%');
    expect(describeChange(yearOnYear(12, 5), 2).zh).toBe('同比上升140%');
  });
});

describe('yearOnYear / periodOnPeriod', () => {
  it('has no percentage when last year was 0', () => {
    expect(yearOnYear(5, 0)).toEqual({ current: 5, previous: 0, difference: 5, percent: null });
    expect(roundedPercent(yearOnYear(5, 0), 1)).toBeNull();
    expect(yearOnYear(0, 0).percent).toBeNull();
    expect(describeChange(yearOnYear(5, 0))).toEqual({ zh: '上年同期为0，本期5', en: '5, against none in the same period last year' });
    expect(describeChange(yearOnYear(0, 0)).zh).toBe('同比持平');
  });

  it('is −100% when everything went away, 0 when flat', () => {
    expect(roundedPercent(yearOnYear(0, 7), 1)).toBe(-100);
    expect(yearOnYear(7, 7).percent).toBe(0);
    expect(describeChange(yearOnYear(7, 7), 1, 'period_on_period')).toEqual({ zh: '环比持平', en: 'unchanged on the previous period' });
  });

  it('computes 环比 the same way', () => {
    expect(periodOnPeriod(30, 40)).toEqual(yearOnYear(30, 40));
    expect(describeChange(periodOnPeriod(30, 40), 1, 'period_on_period')).toEqual({ zh: '环比下降25%', en: 'down 25% on the previous period' });
    expect(describeChange(periodOnPeriod(3, 0), 1, 'period_on_period').zh).toBe('上期为0，本期3');
  });

  it('refuses non-numbers', () => {
    expect(() => yearOnYear(Number.NaN, 1)).toThrow(RangeError);
    expect(() => yearOnYear(1, Infinity)).toThrow(RangeError);
  });
});

describe('doubleRise (双上升)', () => {
  it.each([
    [[208, 156], [255, 183], true],
    [[208, 156], [183, 183], false],
    [[150, 156], [255, 183], false],
    [[1113, 1190], [798, 857], false],
    [[1, 0], [1, 0], true],
    [[0, 0], [0, 0], false],
  ] as const)('count %j, deaths %j → %s', ([c1, c0], [d1, d0], expected) => {
    expect(doubleRise({ current: c1, previous: c0 }, yearOnYear(d1, d0))).toBe(expected);
  });
});

describe('share', () => {
  it('is null for an empty whole', () => {
    expect(share(0, 0)).toEqual({ part: 0, whole: 0, ratio: null, percent: null });
    expect(share(1, 4)).toEqual({ part: 1, whole: 4, ratio: 0.25, percent: 25 });
  });
});

describe('consumption (控制指标)', () => {
  it('compares the share used with the share of the year gone', () => {
    expect(consumption(6, 11, 0.4)).toMatchObject({ ratio: 6 / 11, ahead: true, exceeded: false });
    expect(roundHalfAwayFromZero(consumption(6, 11, 0.4).percent as number, 0)).toBe(55);
    expect(consumption(27, 100, 0.5)).toMatchObject({ percent: 27, ahead: false, exceeded: false });
    expect(consumption(50, 100, 0.5).ahead).toBe(false);
    expect(consumption(51, 100, 0.5).ahead).toBe(true);
    expect(consumption(101, 100, 1)).toMatchObject({ ahead: true, exceeded: true });
  });

  it('treats a zero cap as exceeded by anything', () => {
    expect(consumption(0, 0, 0.5)).toMatchObject({ ratio: null, percent: null, ahead: false, exceeded: false });
    expect(consumption(1, 0, 0.5)).toMatchObject({ ratio: null, ahead: true, exceeded: true });
  });

  it('refuses a negative cap and a progress outside 0…1', () => {
    expect(() => consumption(1, -1, 0.5)).toThrow(RangeError);
    expect(() => consumption(1, 10, 1.01)).toThrow(RangeError);
    expect(() => consumption(1, 10, Number.NaN)).toThrow(RangeError);
  });
});

describe('rounding and printing', () => {
  it.each([
    [1.005, 2, '1.01'],
    [-1.005, 2, '-1.01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [0.5, 0, '1'],
    [0.45, 1, '0.5'],
    [12.5, 0, '13'],
    [0.125, 2, '0.13'],
    [33.333333333333336, 2, '33.33'],
    [-6.470588235294118, 1, '-6.5'],
    [-0.04, 1, '0.0'],
    [0, 2, '0.00'],
    [1e-7, 2, '0.00'],
    [5e-7, 6, '0.000001'],
    [1e21, 1, '1000000000000000000000.0'],
    [123.456, 0, '123'],
    [99.95, 1, '100.0'],
  ])('%s to %i places → %s', (value, decimals, expected) => {
    expect(toFixedHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('rounds an exact half computed as a ratio the way a person would', () => {
    // 201 / 20000 = 1.005%: Math.round(x * 100) / 100 would give 1.
    expect(roundedPercent(share(201, 20000), 2)).toBe(1.01);
    expect(roundedPercent(yearOnYear(9, 8), 0)).toBe(13); // 12.5%
    expect(roundedPercent(yearOnYear(7, 8), 0)).toBe(-13); // −12.5%
  });

  it.each([
    [33.333, 2, {}, '+33.33%'],
    [140, 2, {}, '+140%'],
    [140, 2, { trimZeros: false }, '+140.00%'],
    [-6.47, 1, {}, '-6.5%'],
    [23.5, 2, {}, '+23.5%'],
    [0, 1, {}, '0%'],
    [-0.04, 1, {}, '0%'],
    [0.04, 1, { trimZeros: false }, '0.0%'],
    [73.404, 1, { sign: false }, '73.4%'],
    [-5, 1, { sign: false }, '-5%'],
    [100.04, 1, {}, '+100%'],
  ] as const)('formatPercent(%s, %i, %j) → %s', (value, decimals, format, expected) => {
    expect(formatPercent(value, decimals, format)).toBe(expected);
  });

  it('refuses what it cannot round', () => {
    expect(() => toFixedHalfAwayFromZero(Number.NaN, 1)).toThrow(RangeError);
    expect(() => toFixedHalfAwayFromZero(1, -1)).toThrow(RangeError);
    expect(() => toFixedHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
  });
});
