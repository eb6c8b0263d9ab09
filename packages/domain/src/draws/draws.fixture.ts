import { canonicalPool, canonicalRegister, DRAW_ALGORITHM, fixedInputs, seedCommitment, type DrawInputs } from './inputs.js';
import { runDraw } from './draw.js';
import { resultHash, type PublishedDraw } from './verify.js';

/** Ten key and thirty other enterprises, six inspectors; 李 must avoid e-03 and e-11. */
export function sampleInputs(overrides: Partial<DrawInputs> = {}): DrawInputs {
  const register = canonicalRegister(Array.from({ length: 40 }, (_, i) => ({ id: `e-${String(i + 1).padStart(2, '0')}`, stratum: i < 10 ? 'key' as const : 'other' as const })));
  const pool = canonicalPool([
    { id: 'u-1', name: '张伟' }, { id: 'u-2', name: '李娜', avoid: ['e-11', 'e-03'] }, { id: 'u-3', name: '王磊' },
    { id: 'u-4', name: '赵敏' }, { id: 'u-5', name: '刘洋' }, { id: 'u-6', name: '陈静' },
  ]);
  return { algorithm: DRAW_ALGORITHM, register, pool, quota: { key: 5, other: 3 }, teamSize: 2, ...overrides };
}

export function publish(inputs: DrawInputs, seed: string): PublishedDraw {
  const result = runDraw(inputs, seed);
  const fixed = fixedInputs(inputs, seedCommitment(seed));
  return { ...inputs, ...fixed, seed, result, resultHash: resultHash(result) };
}
