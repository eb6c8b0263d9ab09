import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawSample, weightedPartialShuffle, seededUint32 } from '../hazards/sampling.js';
import { drawProblem, DrawInputError, runDraw } from './draw.js';
import { publish, sampleInputs } from './draws.fixture.js';
import { canonicalPool, canonicalRegister, drawQuota, fixedInputs, poolHash, registerHash, seedCommitment } from './inputs.js';
import { verifyDraw } from './verify.js';

const SEED = '9f2c1e7a5b3d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a';

describe('drawQuota', () => {
  it.each([
    [{ key: 10, other: 40 }, { keyTimesPerYear: 2, othersPercent: 10, roundsPerYear: 4 }, { key: 5, other: 1 }],
    [{ key: 10, other: 41 }, { keyTimesPerYear: 2, othersPercent: 10, roundsPerYear: 4 }, { key: 5, other: 2 }],
    [{ key: 3, other: 0 }, { keyTimesPerYear: 1, othersPercent: 10, roundsPerYear: 4 }, { key: 1, other: 0 }],
    // Twice a year in one round would need each key enterprise twice: capped at the stratum.
    [{ key: 7, other: 100 }, { keyTimesPerYear: 2, othersPercent: 7, roundsPerYear: 1 }, { key: 7, other: 7 }],
    [{ key: 0, other: 100 }, { keyTimesPerYear: 2, othersPercent: 100, roundsPerYear: 1 }, { key: 0, other: 100 }],
    [{ key: 5, other: 30 }, { keyTimesPerYear: 0, othersPercent: 0, roundsPerYear: 2 }, { key: 0, other: 0 }],
    [{ key: 9, other: 300 }, { keyTimesPerYear: 1, othersPercent: 12.5, roundsPerYear: 3 }, { key: 3, other: 13 }],
  ])('%o with %o gives %o', (counts, target, expected) => {
    expect(drawQuota(counts, target)).toEqual(expected);
  });

  it('refuses a target that makes no sense', () => {
    expect(() => drawQuota({ key: 1, other: 1 }, { keyTimesPerYear: 1, othersPercent: 10, roundsPerYear: 0 })).toThrow(RangeError);
    expect(() => drawQuota({ key: 1, other: 1 }, { keyTimesPerYear: -1, othersPercent: 10, roundsPerYear: 1 })).toThrow(RangeError);
    expect(() => drawQuota({ key: 1, other: 1 }, { keyTimesPerYear: 1, othersPercent: 101, roundsPerYear: 1 })).toThrow(RangeError);
  });
});

describe('canonical inputs and their hashes', () => {
  it('sorts the register and the pool by id and defaults weights', () => {
    expect(canonicalRegister([{ id: 'b', stratum: 'other' }, { id: 'a', stratum: 'key', weight: 3 }])).toEqual([{ id: 'a', stratum: 'key', weight: 3 }, { id: 'b', stratum: 'other', weight: 1 }]);
    expect(canonicalPool([{ id: 'u2', name: '乙', avoid: ['y', 'x', 'y'] }, { id: 'u1', name: '甲' }])).toEqual([{ id: 'u1', name: '甲', avoid: [] }, { id: 'u2', name: '乙', avoid: ['x', 'y'] }]);
  });

  it('hashes the canonical JSON with SHA-256, and the seed alone for the commitment', () => {
    const register = canonicalRegister([{ id: 'a', stratum: 'key' }]);
    expect(registerHash(register)).toBe(createHash('sha256').update('[{"id":"a","stratum":"key","weight":1}]').digest('hex'));
    expect(poolHash(canonicalPool([{ id: 'u', name: '甲' }]))).toBe(createHash('sha256').update('[{"avoid":[],"id":"u","name":"甲"}]', 'utf8').digest('hex'));
    expect(seedCommitment(SEED)).toBe(createHash('sha256').update(SEED).digest('hex'));
  });

  it('binds every fixed input into the inputs hash', () => {
    const inputs = sampleInputs();
    const base = fixedInputs(inputs, 'c').inputsHash;
    expect(fixedInputs(inputs, 'c').inputsHash).toBe(base);
    expect(fixedInputs(inputs, 'd').inputsHash).not.toBe(base);
    expect(fixedInputs({ ...inputs, teamSize: 3 }, 'c').inputsHash).not.toBe(base);
    expect(fixedInputs({ ...inputs, quota: { key: 5, other: 4 } }, 'c').inputsHash).not.toBe(base);
  });
});

describe('drawProblem: inputs that cannot be drawn are named', () => {
  const inputs = sampleInputs();
  it.each([
    ['algorithm_unknown', { algorithm: 'other' }],
    ['register_empty', { register: [], quota: { key: 0, other: 0 } }],
    ['register_not_canonical', { register: [...inputs.register].reverse() }],
    ['register_not_canonical', { register: [inputs.register[0]!, inputs.register[0]!, ...inputs.register.slice(1)] }],
    ['weight_invalid', { register: inputs.register.map((e, i) => (i === 4 ? { ...e, weight: 0 } : e)) }],
    ['weight_invalid', { register: inputs.register.map((e, i) => (i === 4 ? { ...e, weight: 1.5 } : e)) }],
    ['pool_empty', { pool: [] }],
    ['pool_not_canonical', { pool: [inputs.pool[1]!, inputs.pool[0]!, ...inputs.pool.slice(2)] }],
    ['pool_not_canonical', { pool: inputs.pool.map((p) => (p.id === 'u-2' ? { ...p, avoid: ['e-11', 'e-03'] } : p)) }],
    ['team_size_invalid', { teamSize: 1 }],
    ['team_size_invalid', { teamSize: 2.5 }],
    ['pool_too_small', { pool: inputs.pool.slice(0, 1) }],
    ['pool_too_small', { teamSize: 7 }],
    ['quota_invalid', { quota: { key: 11, other: 0 } }],
    ['quota_invalid', { quota: { key: 1, other: -1 } }],
    ['nothing_to_draw', { quota: { key: 0, other: 0 } }],
  ] as const)('%s', (code, overrides) => {
    expect(drawProblem({ ...inputs, ...overrides } as never)?.code).toBe(code);
    expect(() => runDraw({ ...inputs, ...overrides } as never, SEED)).toThrow(DrawInputError);
  });

  it('names every enterprise for which avoidance leaves fewer than a team', () => {
    // Two inspectors, one of whom avoids e-03 and e-11: those two cannot get a team of two.
    const pool = canonicalPool([{ id: 'u-1', name: '甲' }, { id: 'u-2', name: '乙', avoid: ['e-03', 'e-11'] }]);
    expect(drawProblem({ ...inputs, pool })).toEqual({ code: 'avoidance_blocks_team', enterpriseIds: ['e-03', 'e-11'], teamSize: 2 });
    // Whatever the seed would have picked: the check covers the whole register.
    expect(drawProblem({ ...inputs, pool, quota: { key: 0, other: 1 } })?.code).toBe('avoidance_blocks_team');
  });

  it('accepts exactly enough inspectors', () => {
    expect(drawProblem({ ...inputs, pool: inputs.pool.filter((p) => p.id !== 'u-2').slice(0, 2) })).toBeNull();
    expect(drawProblem({ ...inputs, teamSize: 6, pool: inputs.pool.map((p) => ({ ...p, avoid: [] })) })).toBeNull();
    expect(drawProblem(inputs)).toBeNull();
  });
});

describe('runDraw', () => {
  const inputs = sampleInputs();

  it('is a pure function of inputs and seed (pinned vector)', () => {
    const result = runDraw(inputs, SEED);
    expect(runDraw(sampleInputs(), SEED)).toEqual(result);
    // Pinned when the algorithm was written: a change here changes every published draw.
    expect(result.pairs.map((p) => `${p.enterpriseId}:${p.inspectorIds.join('+')}`)).toMatchInlineSnapshot(`
      [
        "e-09:u-1+u-2",
        "e-01:u-6+u-4",
        "e-02:u-5+u-3",
        "e-05:u-5+u-2",
        "e-06:u-4+u-1",
        "e-31:u-3+u-6",
        "e-22:u-3+u-6",
        "e-30:u-1+u-4",
      ]
    `);
  });

  it('takes the quota from each stratum, key first, distinct, with positions', () => {
    const { pairs } = runDraw(inputs, SEED);
    expect(pairs.map((p) => p.stratum)).toEqual(['key', 'key', 'key', 'key', 'key', 'other', 'other', 'other']);
    expect(new Set(pairs.map((p) => p.enterpriseId)).size).toBe(8);
    expect(pairs.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const p of pairs) expect(Number(p.enterpriseId.slice(2)) <= 10).toBe(p.stratum === 'key');
  });

  it('samples each stratum exactly as 回头看 would with that stream (unit weights)', () => {
    const { pairs } = runDraw(inputs, SEED);
    const keys = inputs.register.filter((e) => e.stratum === 'key').map((e) => e.id);
    expect(pairs.filter((p) => p.stratum === 'key').map((p) => p.enterpriseId)).toEqual(drawSample(keys, { seed: `${SEED}|key`, size: 5 }));
  });

  it('differs with the seed', () => {
    expect(runDraw(inputs, 'another seed')).not.toEqual(runDraw(inputs, SEED));
  });

  it('never pairs an inspector with an enterprise they must avoid, over many seeds', () => {
    const all = { ...inputs, quota: { key: 10, other: 30 } };
    for (let i = 0; i < 200; i++) {
      for (const pair of runDraw(all, `s${i}`).pairs) {
        expect(new Set(pair.inspectorIds).size).toBe(2);
        if (pair.enterpriseId === 'e-03' || pair.enterpriseId === 'e-11') expect(pair.inspectorIds).not.toContain('u-2');
      }
    }
  });

  it('spreads the work: assignments differ by at most one without avoidance', () => {
    const free = { ...inputs, pool: inputs.pool.map((p) => ({ ...p, avoid: [] })), quota: { key: 10, other: 30 }, teamSize: 3 };
    for (let i = 0; i < 20; i++) {
      const load = new Map<string, number>();
      for (const pair of runDraw(free, `load-${i}`).pairs) for (const u of pair.inspectorIds) load.set(u, (load.get(u) ?? 0) + 1);
      const counts = [...load.values()];
      expect(counts.reduce((a, b) => a + b, 0)).toBe(120);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('draws heavier enterprises more often (the blacklist weight)', () => {
    const weighted = { ...inputs, register: inputs.register.map((e) => (e.id === 'e-20' ? { ...e, weight: 5 } : e)), quota: { key: 0, other: 1 } };
    let heavy = 0;
    let light = 0;
    for (let i = 0; i < 3000; i++) {
      const id = runDraw(weighted, `w${i}`).pairs[0]!.enterpriseId;
      if (id === 'e-20') heavy++;
      if (id === 'e-21') light++;
    }
    // Expected 3000 × 5/34 ≈ 441 and 3000 × 1/34 ≈ 88.
    expect(heavy).toBeGreaterThan(350);
    expect(heavy).toBeLessThan(540);
    expect(light).toBeGreaterThan(45);
    expect(light).toBeLessThan(140);
  });

  it('refuses an empty seed', () => {
    expect(() => runDraw(inputs, '')).toThrow(RangeError);
  });
});

describe('weightedPartialShuffle', () => {
  it('with unit weights is the unweighted shuffle, draw for draw', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `x${String(i).padStart(2, '0')}`);
    for (const seed of ['a', 'b', 'c']) {
      expect(weightedPartialShuffle(ids, ids.map(() => 1), 12, seededUint32(seed))).toEqual(weightedPartialShuffle(ids, null, 12, seededUint32(seed)));
      expect(weightedPartialShuffle(ids, null, 12, seededUint32(seed))).toEqual(drawSample(ids, { seed, size: 12 }));
    }
  });

  it('refuses bad weights and does not modify its input', () => {
    const ids = ['a', 'b'];
    expect(() => weightedPartialShuffle(ids, [1], 1, seededUint32('s'))).toThrow(RangeError);
    expect(() => weightedPartialShuffle(ids, [1, 0], 1, seededUint32('s'))).toThrow(RangeError);
    weightedPartialShuffle(ids, [3, 1], 2, seededUint32('s'));
    expect(ids).toEqual(['a', 'b']);
  });
});

describe('verifyDraw', () => {
  const published = publish(sampleInputs(), SEED);

  it('reproduces a published draw bit for bit', () => {
    const v = verifyDraw(JSON.parse(JSON.stringify(published)));
    expect(v.error).toBeNull();
    expect(v.checks.map((c) => [c.name, c.ok])).toEqual([['register_hash', true], ['register_count', true], ['pool_hash', true], ['pool_count', true], ['inputs_hash', true], ['commitment', true], ['result_hash', true], ['result', true]]);
    expect(v.ok).toBe(true);
  });

  const failing = (mutate: (p: typeof published) => void) => {
    const copy = JSON.parse(JSON.stringify(published)) as typeof published;
    mutate(copy);
    const v = verifyDraw(copy);
    expect(v.ok).toBe(false);
    return v.checks.filter((c) => !c.ok).map((c) => c.name);
  };

  it('fails when one enterprise id of the register is changed', () => {
    expect(failing((p) => { p.register[7]!.id = 'e-07x'; })).toContain('register_hash');
  });

  it('fails when the seed is changed', () => {
    expect(failing((p) => { p.seed = `${p.seed.slice(0, -1)}b`; })).toEqual(expect.arrayContaining(['commitment', 'result']));
  });

  it('fails when the pool is reordered', () => {
    expect(failing((p) => { p.pool.reverse(); })).toEqual(expect.arrayContaining(['pool_hash', 'result']));
  });

  it('fails when an inspector is swapped in the result or the quota edited', () => {
    expect(failing((p) => { p.result.pairs[0]!.inspectorIds[0] = 'u-9'; })).toEqual(expect.arrayContaining(['result_hash', 'result']));
    expect(failing((p) => { p.quota.other = 4; })).toEqual(expect.arrayContaining(['inputs_hash', 'result']));
  });

  it('fails when someone re-hashes a changed register consistently (the inputs hash binds it)', () => {
    expect(failing((p) => {
      p.register = p.register.filter((e) => e.id !== 'e-40');
      p.registerHash = registerHash(p.register);
      p.registerCount = p.register.length;
    })).toContain('inputs_hash');
  });
});
