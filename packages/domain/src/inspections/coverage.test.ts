import { describe, expect, it } from 'vitest';
import { coverageOf, mergeTargets, percentOf, type CoverageEntry } from './coverage.js';

const key = (inspections: number, keyTimes = 2): CoverageEntry => ({ stratum: 'key', keyTimes, othersPercent: 0, inspections });
const other = (inspections: number, othersPercent = 10): CoverageEntry => ({ stratum: 'other', keyTimes: 0, othersPercent, inspections });

describe('inspection coverage against the plan', () => {
  it('counts enterprises, inspected ones and the plan target', () => {
    const c = coverageOf([key(2), key(1), key(0), ...Array.from({ length: 30 }, (_, i) => other(i < 4 ? 1 : 0))]);
    expect(c).toEqual({
      enterprises: 33, inspected: 6, percent: 18.2, target: 6, targetPercent: 18.2,
      key: { enterprises: 3, inspected: 2, met: 1 }, others: { enterprises: 30, inspected: 4 },
    });
  });

  it('rounds the others\' target up, exactly: 10 % of 30 is 3, of 31 is 4', () => {
    expect(coverageOf(Array.from({ length: 30 }, () => other(0))).target).toBe(3);
    expect(coverageOf(Array.from({ length: 31 }, () => other(0))).target).toBe(4);
    // 0.1 + 0.2 style float drift would make this 4.
    expect(coverageOf([other(0, 33.3), other(0, 33.3), other(0, 33.4)]).target).toBe(1);
    expect(coverageOf([other(0, 100), other(0, 100)]).target).toBe(2);
  });

  it('a key enterprise meets its target only with the required times', () => {
    expect(coverageOf([key(1, 2)]).key.met).toBe(0);
    expect(coverageOf([key(2, 2)]).key.met).toBe(1);
    expect(coverageOf([key(3, 2)]).key.met).toBe(1);
  });

  it('has no percentage without enterprises', () => {
    expect(coverageOf([])).toMatchObject({ enterprises: 0, inspected: 0, percent: null, target: 0, targetPercent: null });
  });

  it('rounds half up to one decimal', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 5)).toBe(0);
  });

  it('takes the strictest of several plans', () => {
    expect(mergeTargets([{ stratum: 'other', keyTimes: 0, othersPercent: 10 }, { stratum: 'other', keyTimes: 0, othersPercent: 20 }])).toEqual({ stratum: 'other', keyTimes: 0, othersPercent: 20 });
    expect(mergeTargets([{ stratum: 'other', keyTimes: 0, othersPercent: 50 }, { stratum: 'key', keyTimes: 2, othersPercent: 0 }, { stratum: 'key', keyTimes: 4, othersPercent: 0 }])).toEqual({ stratum: 'key', keyTimes: 4, othersPercent: 0 });
    expect(() => mergeTargets([])).toThrow(RangeError);
  });
});
