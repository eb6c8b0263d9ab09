import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acceptanceStateHash, canonicalJson } from './acceptance-hash.js';
import { drawSample, sampleSize, seededUint32, uniformBelow, xoshiro128ss } from './sampling.js';
import { sha256Hex } from './sha256.js';

const ids = Array.from({ length: 20 }, (_, i) => `h-${String(i + 1).padStart(2, '0')}`);

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('FIPS 180-4 vector %j', (input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });

  it('agrees with node:crypto across padding boundaries and multi-byte text', () => {
    for (let n = 0; n < 200; n++) {
      const text = '隐'.repeat(n % 7) + 'x'.repeat(n);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('seeded generator', () => {
  it('is xoshiro128** (reference output for state 1, 2, 3, 4)', () => {
    const next = xoshiro128ss([1, 2, 3, 4]);
    expect(Array.from({ length: 8 }, next)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
    expect(() => xoshiro128ss([0, 0, 0, 0])).toThrow(RangeError);
  });

  it('gives the same stream for the same seed and another for another seed', () => {
    const a = seededUint32('seed');
    const b = seededUint32('seed');
    const c = seededUint32('seed ');
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('draws integers below the bound, rejecting the biased tail', () => {
    const values = [0xffffffff, 0xfffffffe, 7];
    const next = () => values.shift() as number;
    // 2^32 mod 3 = 1, so 0xffffffff (the one biased value) is rejected; 0xfffffffe mod 3 = 2.
    expect(uniformBelow(next, 3)).toBe(2);
    expect(uniformBelow(next, 1)).toBe(0);
    expect(() => uniformBelow(next, 0)).toThrow(RangeError);
  });
});

describe('drawSample', () => {
  it('matches an independent implementation of the published recipe', () => {
    // Computed with a separate Python script (hashlib + the xoshiro128** reference code).
    expect(drawSample(ids, { seed: '回头看-2026Q1', size: 5 })).toEqual(['h-17', 'h-01', 'h-07', 'h-03', 'h-02']);
    expect(drawSample(['b', 'a', 'c'], { seed: 'x' })).toEqual(['c', 'b', 'a']);
  });

  it('does not depend on the order or repetition of the population', () => {
    const shuffled = [...ids].reverse().concat(ids.slice(0, 5));
    expect(drawSample(shuffled, { seed: 's1', size: 6 })).toEqual(drawSample(ids, { seed: 's1', size: 6 }));
  });

  it('differs between seeds and yields distinct members of the population', () => {
    const a = drawSample(ids, { seed: 'a', size: 10 });
    const b = drawSample(ids, { seed: 'b', size: 10 });
    expect(a).not.toEqual(b);
    expect(new Set(a).size).toBe(10);
    for (const id of a) expect(ids).toContain(id);
  });

  it('extends a smaller draw: the first k of a larger draw with the same seed', () => {
    expect(drawSample(ids, { seed: 'z', size: 12 }).slice(0, 4)).toEqual(drawSample(ids, { seed: 'z', size: 4 }));
  });

  it('caps at the population and handles empty ones', () => {
    expect(drawSample(ids, { seed: 'z', size: 50 })).toHaveLength(20);
    expect(drawSample([], { seed: 'z', size: 3 })).toEqual([]);
    expect(drawSample([], { seed: 'z', percent: 10 })).toEqual([]);
    expect(drawSample(ids, { seed: 'z', size: 0 })).toEqual([]);
  });

  it('draws everything when neither size nor percent is given', () => {
    expect([...drawSample(ids, { seed: 'z' })].sort()).toEqual(ids);
  });

  it('refuses an empty seed and contradictory options', () => {
    expect(() => drawSample(ids, { seed: '' })).toThrow(RangeError);
    expect(() => drawSample(ids, { seed: 'z', size: 2, percent: 10 })).toThrow(RangeError);
    expect(() => drawSample(ids, { seed: 'z', size: -1 })).toThrow(RangeError);
    expect(() => drawSample(ids, { seed: 'z', size: 1.5 })).toThrow(RangeError);
    expect(() => drawSample(ids, { seed: 'z', percent: 0 })).toThrow(RangeError);
    expect(() => drawSample(ids, { seed: 'z', percent: 101 })).toThrow(RangeError);
  });

  it.each([
    [31, 10, 4],
    [30, 10, 3],
    [100, 7, 7],
    [100, 0.5, 1],
    [1, 0.001, 1],
    [20, 100, 20],
    [3, 33.3, 1],
    [3, 33.4, 2],
    [1000, 12.5, 125],
    [999, 12.5, 125],
    [0, 50, 0],
  ])('%i × %s%% rounds up to %i', (population, percent, expected) => {
    expect(sampleSize(population, { percent })).toBe(expected);
  });

  it('draws the percentage', () => {
    expect(drawSample(ids, { seed: 'p', percent: 15 })).toHaveLength(3);
  });

  it('spreads draws roughly evenly (no member favoured)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const id of drawSample(ids, { seed: `run-${i}`, size: 5 })) counts.set(id, (counts.get(id) ?? 0) + 1);
    // Expectation 500 each (2000 × 5 / 20); binomial σ ≈ 19, so ±100 is > 5σ.
    for (const id of ids) expect(Math.abs((counts.get(id) ?? 0) - 500)).toBeLessThan(100);
  });
});

describe('acceptanceStateHash', () => {
  const snapshot = {
    id: 'h-1',
    status: 'pending_acceptance',
    level: 'major',
    deadline: '2026-04-15',
    afterPhotos: ['sha256:aa', 'sha256:bb'],
    plan: { funds: '50万元', measures: '更换管道' },
    note: undefined,
  };

  it('does not depend on key order or undefined members', () => {
    const reordered = { plan: { measures: '更换管道', funds: '50万元' }, afterPhotos: ['sha256:aa', 'sha256:bb'], deadline: '2026-04-15', level: 'major', status: 'pending_acceptance', id: 'h-1' };
    expect(acceptanceStateHash(reordered)).toBe(acceptanceStateHash(snapshot));
  });

  it('is the SHA-256 of the canonical JSON', () => {
    const json = canonicalJson(snapshot);
    expect(json).toBe('{"afterPhotos":["sha256:aa","sha256:bb"],"deadline":"2026-04-15","id":"h-1","level":"major","plan":{"funds":"50万元","measures":"更换管道"},"status":"pending_acceptance"}');
    expect(acceptanceStateHash(snapshot)).toBe(createHash('sha256').update(json, 'utf8').digest('hex'));
  });

  it('changes with any value and with array order', () => {
    const base = acceptanceStateHash(snapshot);
    expect(acceptanceStateHash({ ...snapshot, deadline: '2026-04-16' })).not.toBe(base);
    expect(acceptanceStateHash({ ...snapshot, afterPhotos: ['sha256:bb', 'sha256:aa'] })).not.toBe(base);
    expect(acceptanceStateHash({ ...snapshot, note: null })).not.toBe(base);
  });

  it('writes dates as ISO instants and -0 as 0', () => {
    expect(canonicalJson({ at: new Date('2026-04-01T00:00:00+08:00'), n: -0, b: false })).toBe('{"at":"2026-03-31T16:00:00.000Z","b":false,"n":0}');
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ m: new Map() })).toThrow(TypeError);
    expect(() => canonicalJson({ d: new Date('x') })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
  });
});
