import type { Bilingual } from '../errors/error-codes.js';
import { formatPercent, roundHalfAwayFromZero } from './percent.js';

/**
 * 同比 (against the same period last year) and 环比 (against the previous period) share one
 * formula: (current − previous) / previous. With nothing to compare against (previous = 0)
 * there is no percentage — the seeds' "no percentage" — only the difference.
 */
export interface Comparison {
  current: number;
  previous: number;
  difference: number;
  /** Unrounded percentage; null when previous is 0. Round with roundedPercent. */
  percent: number | null;
}

function finite(name: string, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number: ${value}`);
  return value;
}

function compare(current: number, previous: number): Comparison {
  const difference = finite('current', current) - finite('previous', previous);
  // One division of exact integers: the float is the nearest to the true ratio.
  return { current, previous, difference, percent: previous === 0 ? null : (difference * 100) / Math.abs(previous) };
}

/** 同比. */
export function yearOnYear(current: number, previous: number): Comparison {
  return compare(current, previous);
}

/** 环比: the same arithmetic against the period just before. */
export function periodOnPeriod(current: number, previousPeriod: number): Comparison {
  return compare(current, previousPeriod);
}

export function roundedPercent(comparison: Pick<Comparison, 'percent'>, decimals: number): number | null {
  return comparison.percent === null ? null : roundHalfAwayFromZero(comparison.percent, decimals);
}

/** 双上升: both the number of accidents and the deaths are up year on year. */
export function doubleRise(count: Pick<Comparison, 'current' | 'previous'>, deaths: Pick<Comparison, 'current' | 'previous'>): boolean {
  return count.current > count.previous && deaths.current > deaths.previous;
}

export interface Share {
  part: number;
  whole: number;
  /** 0…1; null when the whole is 0. */
  ratio: number | null;
  percent: number | null;
}

/** 占比: "占该类事故的73.4%". */
export function share(part: number, whole: number): Share {
  finite('part', part);
  finite('whole', whole);
  if (whole === 0) return { part, whole, ratio: null, percent: null };
  return { part, whole, ratio: part / whole, percent: (part * 100) / whole };
}

export interface Consumption {
  actual: number;
  cap: number;
  /** actual / cap; null for a zero cap ("零死亡" targets), where any death exceeds it. */
  ratio: number | null;
  percent: number | null;
  yearProgress: number;
  /** Used faster than the year is passing ("时间过半、指标未过半" is the goal). */
  ahead: boolean;
  exceeded: boolean;
}

/** 控制指标 consumption: "占全年控制指标54%", against the share of the year elapsed. */
export function consumption(actual: number, cap: number, yearProgress: number): Consumption {
  finite('actual', actual);
  if (!Number.isFinite(cap) || cap < 0) throw new RangeError(`a cap must be a finite number ≥ 0: ${cap}`);
  if (!(yearProgress >= 0 && yearProgress <= 1)) throw new RangeError(`year progress must be within 0…1: ${yearProgress}`);
  if (cap === 0) return { actual, cap, ratio: null, percent: null, yearProgress, ahead: actual > 0, exceeded: actual > 0 };
  const ratio = actual / cap;
  return { actual, cap, ratio, percent: (actual * 100) / cap, yearProgress, ahead: ratio > yearProgress, exceeded: actual > cap };
}

/**
 * The sentence a report uses: "同比上升33.33%" / "同比下降6.5%" / "同比持平"; with nothing last
 * year, "上年同期为0". The word carries the direction, so the number has no sign.
 */
export function describeChange(comparison: Comparison, decimals = 1, kind: 'year_on_year' | 'period_on_period' = 'year_on_year'): Bilingual {
  const yoy = kind === 'year_on_year';
  const zhLead = yoy ? '同比' : '环比';
  const enTail = yoy ? 'year on year' : 'on the previous period';
  if (comparison.difference === 0) return { zh: `${zhLead}持平`, en: `unchanged ${enTail}` };
  if (comparison.percent === null) {
    return yoy
      ? { zh: `上年同期为0，本期${comparison.current}`, en: `${comparison.current}, against none in the same period last year` }
      : { zh: `上期为0，本期${comparison.current}`, en: `${comparison.current}, against none in the previous period` };
  }
  const magnitude = formatPercent(Math.abs(comparison.percent), decimals, { sign: false });
  return comparison.difference > 0
    ? { zh: `${zhLead}上升${magnitude}`, en: `up ${magnitude} ${enTail}` }
    : { zh: `${zhLead}下降${magnitude}`, en: `down ${magnitude} ${enTail}` };
}
