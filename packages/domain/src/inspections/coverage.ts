import type { DrawStratum } from '../draws/inputs.js';

/**
 * 检查覆盖率 against the annual plans (统计口径 in docs/statistics.md, "Inspection coverage").
 *
 * An enterprise in the register of one or more plans of the year carries that plan's target:
 * a key enterprise (重点监管) is due `keyTimes` inspections a year; of the others, the plan asks
 * for `othersPercent` % of them to be inspected. Under several plans the strictest holds (key
 * under any plan is key; the highest times and percent), so one enterprise counts once.
 */
export interface PlanTarget {
  stratum: DrawStratum;
  keyTimes: number;
  othersPercent: number;
}

export interface CoverageEntry extends PlanTarget {
  /** Recorded inspections of the enterprise from 1 January to the period's end. */
  inspections: number;
}

export interface CoverageCounts {
  /** Denominator: the enterprises the plans cover. */
  enterprises: number;
  /** Numerator: those inspected at least once this year. */
  inspected: number;
  /** inspected ÷ enterprises, in percent (one decimal); null without enterprises. */
  percent: number | null;
  /** The enterprises the plans ask to be inspected: every key one, and ⌈Σ others' percent⌉ of the others. */
  target: number;
  targetPercent: number | null;
  key: { enterprises: number; inspected: number; /** inspected at least the times the plan requires */ met: number };
  others: { enterprises: number; inspected: number };
}

/** The strictest of the targets several plans set for one enterprise. */
export function mergeTargets(targets: readonly PlanTarget[]): PlanTarget {
  if (targets.length === 0) throw new RangeError('an enterprise without a plan has no target');
  const keys = targets.filter((t) => t.stratum === 'key');
  if (keys.length > 0) return { stratum: 'key', keyTimes: Math.max(...keys.map((t) => t.keyTimes)), othersPercent: 0 };
  return { stratum: 'other', keyTimes: 0, othersPercent: Math.max(...targets.map((t) => t.othersPercent)) };
}

/** part ÷ whole × 100, rounded half up to one decimal in integer arithmetic; null when whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((part * 2000 + whole) / (2 * whole)) / 10;
}

/** The coverage counts of a group of enterprises (a region, an industry, the whole scope). */
export function coverageOf(entries: readonly CoverageEntry[]): CoverageCounts {
  const key = entries.filter((e) => e.stratum === 'key');
  const others = entries.filter((e) => e.stratum === 'other');
  const inspected = (list: readonly CoverageEntry[]) => list.filter((e) => e.inspections > 0).length;
  // Σ percent in micro-percent, so 10 % of 30 is exactly 3 and never 3.0000000004 → 4.
  const micro = others.reduce((sum, e) => sum + BigInt(Math.round(e.othersPercent * 1e6)), 0n);
  const othersTarget = Number((micro + 100_000_000n - 1n) / 100_000_000n);
  const target = key.length + Math.min(othersTarget, others.length);
  const all = inspected(entries);
  return {
    enterprises: entries.length, inspected: all, percent: percentOf(all, entries.length),
    target, targetPercent: percentOf(target, entries.length),
    key: { enterprises: key.length, inspected: inspected(key), met: key.filter((e) => e.inspections >= Math.max(1, e.keyTimes)).length },
    others: { enterprises: others.length, inspected: inspected(others) },
  };
}
