import { canonicalJson } from '../hazards/acceptance-hash.js';
import { sha256Hex } from '../hazards/sha256.js';

/**
 * 双随机 draws are commit–reveal: step 1 fixes and publishes the inputs (the register of
 * in-scope enterprises, the inspectors' pool with their 回避, the counts) as hashes together
 * with H(seed); step 2 reveals the seed, and the result is a pure function of (inputs, seed)
 * that anyone can re-run from the published lists (runDraw, verifyDraw).
 */
export const DRAW_ALGORITHM = 'anjian-draw-v1:sha256-xoshiro128ss-weighted-fisher-yates';

/** 重点监管 (key) enterprises are visited N times a year; the others a percentage. */
export const DRAW_STRATA = ['key', 'other'] as const;
export type DrawStratum = (typeof DRAW_STRATA)[number];

/** One enterprise of the register snapshot. `weight` ≥ 1 (blacklisted enterprises weigh more). */
export interface RegisterEntry {
  id: string;
  stratum: DrawStratum;
  weight: number;
}

/** One inspector of the pool snapshot, with the enterprises they must avoid (回避). */
export interface PoolEntry {
  id: string;
  name: string;
  avoid: string[];
}

export interface DrawInputs {
  algorithm: string;
  /** Sorted by id, no duplicates. */
  register: RegisterEntry[];
  /** Sorted by id, no duplicates; each `avoid` sorted. */
  pool: PoolEntry[];
  /** How many enterprises to draw from each stratum. */
  quota: Record<DrawStratum, number>;
  /** Inspectors per team (at least two: 执法人员不得少于两人). */
  teamSize: number;
}

/** Plain code-unit order, the same on every machine and in every language. */
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The canonical register: sorted by id, weights defaulted to 1. */
export function canonicalRegister(entries: readonly { id: string; stratum: DrawStratum; weight?: number }[]): RegisterEntry[] {
  return entries.map((e) => ({ id: e.id, stratum: e.stratum, weight: e.weight ?? 1 })).sort(byId);
}

/** The canonical pool: sorted by id, each avoidance list sorted and de-duplicated. */
export function canonicalPool(entries: readonly { id: string; name: string; avoid?: readonly string[] }[]): PoolEntry[] {
  return entries.map((e) => ({ id: e.id, name: e.name, avoid: [...new Set(e.avoid ?? [])].sort() })).sort(byId);
}

export const registerHash = (register: readonly RegisterEntry[]): string => sha256Hex(canonicalJson(register));
export const poolHash = (pool: readonly PoolEntry[]): string => sha256Hex(canonicalJson(pool));
/** The commitment to the seed, published before the draw. */
export const seedCommitment = (seed: string): string => sha256Hex(seed);

/** What step 1 publishes: every input bound into one hash with the commitment. */
export interface FixedInputs {
  algorithm: string;
  registerHash: string;
  registerCount: number;
  poolHash: string;
  poolCount: number;
  quota: Record<DrawStratum, number>;
  teamSize: number;
  commitment: string;
}

export function fixedInputs(inputs: DrawInputs, commitment: string): FixedInputs & { inputsHash: string } {
  const fixed: FixedInputs = {
    algorithm: inputs.algorithm,
    registerHash: registerHash(inputs.register),
    registerCount: inputs.register.length,
    poolHash: poolHash(inputs.pool),
    poolCount: inputs.pool.length,
    quota: { key: inputs.quota.key, other: inputs.quota.other },
    teamSize: inputs.teamSize,
    commitment,
  };
  return { ...fixed, inputsHash: sha256Hex(canonicalJson(fixed)) };
}

export interface CoverageTarget {
  /** Every key enterprise this many times a year. */
  keyTimesPerYear: number;
  /** This share of the other enterprises a year, in percent. */
  othersPercent: number;
  /** Draws a year the target is spread over (4: quarterly). */
  roundsPerYear: number;
}

/**
 * The counts one draw takes from each stratum so that the year's draws meet the target:
 * key: ⌈keys × N ÷ rounds⌉, others: ⌈others × x% ÷ rounds⌉, each capped at the stratum (an
 * enterprise is drawn at most once per draw). Integer arithmetic on micro-percent, so 10% of
 * 40 over 4 rounds is exactly 1, never 2 through a float.
 */
export function drawQuota(counts: Record<DrawStratum, number>, target: CoverageTarget): Record<DrawStratum, number> {
  const { keyTimesPerYear, othersPercent, roundsPerYear } = target;
  if (!Number.isInteger(roundsPerYear) || roundsPerYear < 1) throw new RangeError(`roundsPerYear must be a whole number ≥ 1: ${roundsPerYear}`);
  if (!Number.isInteger(keyTimesPerYear) || keyTimesPerYear < 0) throw new RangeError(`keyTimesPerYear must be a whole number ≥ 0: ${keyTimesPerYear}`);
  if (!Number.isFinite(othersPercent) || othersPercent < 0 || othersPercent > 100) throw new RangeError(`othersPercent must be in [0, 100]: ${othersPercent}`);
  const rounds = BigInt(roundsPerYear);
  const key = (BigInt(counts.key) * BigInt(keyTimesPerYear) + rounds - 1n) / rounds;
  const scale = 100_000_000n * rounds;
  const other = (BigInt(counts.other) * BigInt(Math.round(othersPercent * 1e6)) + scale - 1n) / scale;
  return { key: Math.min(Number(key), counts.key), other: Math.min(Number(other), counts.other) };
}
