import { canonicalJson } from '../hazards/acceptance-hash.js';
import { sha256Hex } from '../hazards/sha256.js';
import { DrawInputError, runDraw, type DrawResult } from './draw.js';
import { fixedInputs, poolHash, registerHash, seedCommitment, type DrawInputs, type DrawStratum } from './inputs.js';

/** What the public page publishes about a drawn draw: enough to re-run it with nothing else. */
export interface PublishedDraw extends DrawInputs {
  registerHash: string;
  registerCount: number;
  poolHash: string;
  poolCount: number;
  commitment: string;
  inputsHash: string;
  seed: string;
  result: DrawResult;
  resultHash: string;
}

export interface VerificationCheck {
  name: 'register_hash' | 'register_count' | 'pool_hash' | 'pool_count' | 'inputs_hash' | 'commitment' | 'result' | 'result_hash';
  ok: boolean;
  expected: string;
  actual: string;
}

export interface Verification {
  ok: boolean;
  checks: VerificationCheck[];
  /** Why the draw could not be re-run at all (inputs that cannot be drawn). */
  error: string | null;
}

export const resultHash = (result: DrawResult): string => sha256Hex(canonicalJson(result));

/**
 * Re-verifies a published draw from its published data alone: the lists hash to the hashes
 * fixed before the draw, the revealed seed hashes to the commitment, every fixed input hashes
 * to the inputs hash, and re-running the draw gives the published result bit for bit. Any
 * changed id, reordered list, other seed or edited result fails at least one check.
 */
export function verifyDraw(published: PublishedDraw): Verification {
  const checks: VerificationCheck[] = [];
  const check = (name: VerificationCheck['name'], expected: string, actual: string) => checks.push({ name, ok: expected === actual, expected, actual });
  // Only the hashed fields, in the published order (a page may add names for its readers).
  const register = published.register.map((e) => ({ id: e.id, stratum: e.stratum, weight: e.weight }));
  const pool = published.pool.map((p) => ({ id: p.id, name: p.name, avoid: p.avoid }));
  const inputs: DrawInputs = { algorithm: published.algorithm, register, pool, quota: { key: published.quota.key, other: published.quota.other } as Record<DrawStratum, number>, teamSize: published.teamSize };
  check('register_hash', published.registerHash, registerHash(inputs.register));
  check('register_count', String(published.registerCount), String(inputs.register.length));
  check('pool_hash', published.poolHash, poolHash(inputs.pool));
  check('pool_count', String(published.poolCount), String(inputs.pool.length));
  check('inputs_hash', published.inputsHash, fixedInputs(inputs, published.commitment).inputsHash);
  check('commitment', published.commitment, seedCommitment(published.seed));
  check('result_hash', published.resultHash, resultHash(published.result));
  let error: string | null = null;
  try {
    check('result', canonicalJson(published.result), canonicalJson(runDraw(inputs, published.seed)));
  } catch (e) {
    error = e instanceof DrawInputError ? e.problem.code : e instanceof Error ? e.message : String(e);
    checks.push({ name: 'result', ok: false, expected: canonicalJson(published.result), actual: error });
  }
  return { ok: checks.every((c) => c.ok), checks, error };
}
