import { sha256, utf8Bytes } from './sha256.js';

/**
 * 回头看 draws (and later 双随机 draws) must be re-runnable by anyone: the same seed and the
 * same population give the same sample, on any machine, in any language. The recipe, named
 * by SAMPLING_ALGORITHM so a recorded draw says how it was made:
 *   1. the population's ids, de-duplicated, sorted by UTF-16 code units (plain `sort()`);
 *   2. state = the first 16 bytes of SHA-256(UTF-8 seed) as four big-endian uint32 words,
 *      driving xoshiro128** (Blackman & Vigna);
 *   3. an unbiased integer below m: draw uint32 values, reject those ≥ 2^32 − (2^32 mod m),
 *      answer the value mod m;
 *   4. a partial Fisher–Yates shuffle: for i = 0 … k−1 swap item i with item i + below(n − i);
 *      the sample is the first k items, in draw order.
 */
export const SAMPLING_ALGORITHM = 'sha256-xoshiro128ss-fisher-yates-v1';

export type Uint32Source = () => number;

/** xoshiro128** over a four-word state (not all zero): a stream of uint32 values. */
export function xoshiro128ss(state: readonly [number, number, number, number]): Uint32Source {
  const s = new Uint32Array(state);
  // An all-zero state would emit zeros forever.
  if (s.every((word) => word === 0)) throw new RangeError('xoshiro128** state must not be all zero');
  return () => {
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s[2] = (s[2] as number) ^ s0;
    s[3] = (s[3] as number) ^ s1;
    s[1] = s1 ^ (s[2] as number);
    s[0] = s0 ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = ((s[3] as number) << 11) | ((s[3] as number) >>> 21);
    return result;
  };
}

/** xoshiro128** seeded with the first 16 bytes of SHA-256 of a string. */
export function seededUint32(seed: string): Uint32Source {
  const view = new DataView(sha256(utf8Bytes(seed)).buffer);
  const state: [number, number, number, number] = [view.getUint32(0), view.getUint32(4), view.getUint32(8), view.getUint32(12)];
  // SHA-256 giving 128 zero bits is a 2^-128 event; nudge rather than throw, to stay total.
  if (state.every((word) => word === 0)) state[0] = 1;
  return xoshiro128ss(state);
}

/** An unbiased integer in [0, m), by rejection (no modulo bias for any m ≤ 2^32). */
export function uniformBelow(next: Uint32Source, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 2 ** 32) throw new RangeError(`bound out of range: ${m}`);
  const limit = 2 ** 32 - (2 ** 32 % m);
  for (;;) {
    const x = next();
    if (x < limit) return x % m;
  }
}

export interface SampleOptions {
  seed: string;
  /** How many to draw; capped at the population. */
  size?: number;
  /** Or a percentage of the population, rounded up (10% of 31 is 4). */
  percent?: number;
}

/**
 * How many a draw takes: `size` or `percent` (not both); neither means all of them
 * (回头看 may cover every closed hazard). Percent is taken to six decimals and the product
 * rounded up in integer arithmetic, so 7% of 100 is 7, never 8 through a float's 7.000…1.
 */
export function sampleSize(population: number, options: Omit<SampleOptions, 'seed'>): number {
  const { size, percent } = options;
  if (size !== undefined && percent !== undefined) throw new RangeError('give size or percent, not both');
  if (size !== undefined) {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`size must be a whole number ≥ 0: ${size}`);
    return Math.min(size, population);
  }
  if (percent !== undefined) {
    if (!Number.isFinite(percent) || percent <= 0 || percent > 100) throw new RangeError(`percent must be in (0, 100]: ${percent}`);
    const micro = BigInt(Math.round(percent * 1e6));
    const scale = 100_000_000n;
    const k = (BigInt(population) * micro + scale - 1n) / scale;
    return Math.min(Number(k), population);
  }
  return population;
}

export function drawSample(ids: readonly string[], options: SampleOptions): string[] {
  if (options.seed === '') throw new RangeError('a draw needs a non-empty seed');
  const population = [...new Set(ids)].sort();
  const k = sampleSize(population.length, options);
  return weightedPartialShuffle(population, null, k, seededUint32(options.seed));
}

/**
 * Step 4 of the recipe, generalised to integer weights (双随机 draws weight blacklisted
 * enterprises higher): for i = 0 … k−1, r = below(total weight of items i … n−1), and item i
 * swaps with the item j ≥ i where r falls in the running sum of weights. With every weight 1
 * this is exactly j = i + below(n − i): the unweighted draw, draw for draw, so 回头看's recorded
 * samples stay what they were. `items` is taken in the order given (the caller's canonical
 * order) and not modified.
 */
export function weightedPartialShuffle(items: readonly string[], weights: readonly number[] | null, k: number, next: Uint32Source): string[] {
  const population = [...items];
  const w = weights === null ? null : [...weights];
  if (w !== null) {
    if (w.length !== population.length) throw new RangeError('one weight per item');
    for (const x of w) if (!Number.isInteger(x) || x < 1) throw new RangeError(`a weight must be a whole number ≥ 1: ${x}`);
  }
  let total = w === null ? population.length : w.reduce((a, b) => a + b, 0);
  if (total > 2 ** 32) throw new RangeError('total weight above 2^32');
  const n = Math.min(k, population.length);
  for (let i = 0; i < n; i++) {
    let j = i;
    if (w === null) j = i + uniformBelow(next, population.length - i);
    else {
      let r = uniformBelow(next, total);
      while (r >= (w[j] as number)) {
        r -= w[j] as number;
        j++;
      }
      total -= w[j] as number;
      const wi = w[i] as number;
      w[i] = w[j] as number;
      w[j] = wi;
    }
    const picked = population[j] as string;
    population[j] = population[i] as string;
    population[i] = picked;
  }
  return population.slice(0, n);
}
