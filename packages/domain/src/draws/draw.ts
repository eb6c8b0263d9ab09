import { seededUint32, uniformBelow, weightedPartialShuffle } from '../hazards/sampling.js';
import { DRAW_ALGORITHM, DRAW_STRATA, type DrawInputs, type DrawStratum } from './inputs.js';

/** Why a draw cannot be made from these inputs; the server answers each as a 4xx naming it. */
export type DrawProblem =
  | { code: 'algorithm_unknown'; algorithm: string }
  | { code: 'register_empty' }
  | { code: 'register_not_canonical'; at: number }
  | { code: 'weight_invalid'; enterpriseId: string }
  | { code: 'pool_empty' }
  | { code: 'pool_not_canonical'; at: number }
  | { code: 'team_size_invalid'; teamSize: number }
  | { code: 'pool_too_small'; eligible: number; teamSize: number }
  | { code: 'quota_invalid'; stratum: DrawStratum; quota: number; available: number }
  | { code: 'nothing_to_draw' }
  | { code: 'avoidance_blocks_team'; enterpriseIds: string[]; teamSize: number };

export class DrawInputError extends Error {
  constructor(readonly problem: DrawProblem) {
    super(`draw inputs refused: ${problem.code}`);
    this.name = 'DrawInputError';
  }
}

export interface DrawPair {
  /** 1, 2, … in draw order. */
  position: number;
  enterpriseId: string;
  stratum: DrawStratum;
  /** The team, in the order drawn; the first leads. */
  inspectorIds: string[];
}

export interface DrawResult {
  pairs: DrawPair[];
}

const strictlyAscending = (ids: readonly string[]): number => {
  for (let i = 1; i < ids.length; i++) if (!((ids[i - 1] as string) < (ids[i] as string))) return i;
  return -1;
};

/**
 * Every reason the inputs cannot be drawn, the first one found. Checked when the inputs are
 * fixed (so a commitment is only ever published for inputs that can be drawn, whatever the
 * seed) and again by runDraw. Avoidance is checked for the whole register, not just what a
 * seed happens to pick: otherwise a refused draw could be retried for another seed.
 */
export function drawProblem(inputs: DrawInputs): DrawProblem | null {
  if (inputs.algorithm !== DRAW_ALGORITHM) return { code: 'algorithm_unknown', algorithm: inputs.algorithm };
  if (inputs.register.length === 0) return { code: 'register_empty' };
  const badRegister = strictlyAscending(inputs.register.map((e) => e.id));
  if (badRegister >= 0) return { code: 'register_not_canonical', at: badRegister };
  for (const e of inputs.register) if (!Number.isInteger(e.weight) || e.weight < 1 || e.weight > 1000) return { code: 'weight_invalid', enterpriseId: e.id };
  if (inputs.pool.length === 0) return { code: 'pool_empty' };
  const badPool = strictlyAscending(inputs.pool.map((p) => p.id));
  if (badPool >= 0) return { code: 'pool_not_canonical', at: badPool };
  for (let i = 0; i < inputs.pool.length; i++) if (strictlyAscending(inputs.pool[i]!.avoid) >= 0) return { code: 'pool_not_canonical', at: i };
  if (!Number.isInteger(inputs.teamSize) || inputs.teamSize < 2 || inputs.teamSize > 10) return { code: 'team_size_invalid', teamSize: inputs.teamSize };
  if (inputs.pool.length < inputs.teamSize) return { code: 'pool_too_small', eligible: inputs.pool.length, teamSize: inputs.teamSize };
  for (const stratum of DRAW_STRATA) {
    const available = inputs.register.filter((e) => e.stratum === stratum).length;
    const quota = inputs.quota[stratum];
    if (!Number.isInteger(quota) || quota < 0 || quota > available) return { code: 'quota_invalid', stratum, quota, available };
  }
  if (inputs.quota.key + inputs.quota.other === 0) return { code: 'nothing_to_draw' };
  const blocked = inputs.register.filter((e) => eligibleFor(inputs, e.id).length < inputs.teamSize).map((e) => e.id);
  if (blocked.length) return { code: 'avoidance_blocks_team', enterpriseIds: blocked, teamSize: inputs.teamSize };
  return null;
}

function eligibleFor(inputs: DrawInputs, enterpriseId: string): string[] {
  return inputs.pool.filter((p) => !p.avoid.includes(enterpriseId)).map((p) => p.id);
}

/**
 * The draw: a pure function of the inputs and the revealed seed.
 *   1. Each stratum is sampled on its own stream, seeded `${seed}|key` and `${seed}|other`,
 *      by the weighted partial Fisher–Yates of 回头看 (unit weights: exactly 回头看's draw);
 *      key enterprises come first in the result.
 *   2. Teams on the stream `${seed}|teams`: for each drawn enterprise in order, teamSize
 *      times: among the pool members not avoiding it and not yet on this team, those with
 *      the fewest assignments so far (in pool order) are the tier; one is picked uniformly
 *      from the tier. Work is spread evenly, and nobody meets an enterprise they must avoid.
 */
export function runDraw(inputs: DrawInputs, seed: string): DrawResult {
  if (seed === '') throw new RangeError('a draw needs a non-empty seed');
  const problem = drawProblem(inputs);
  if (problem) throw new DrawInputError(problem);
  const picked: { id: string; stratum: DrawStratum }[] = [];
  for (const stratum of DRAW_STRATA) {
    const members = inputs.register.filter((e) => e.stratum === stratum);
    const weights = members.every((e) => e.weight === 1) ? null : members.map((e) => e.weight);
    const ids = weightedPartialShuffle(members.map((e) => e.id), weights, inputs.quota[stratum], seededUint32(`${seed}|${stratum}`));
    for (const id of ids) picked.push({ id, stratum });
  }
  const next = seededUint32(`${seed}|teams`);
  const load = new Map(inputs.pool.map((p) => [p.id, 0]));
  const pairs = picked.map(({ id, stratum }, index): DrawPair => {
    let candidates = eligibleFor(inputs, id);
    const team: string[] = [];
    for (let t = 0; t < inputs.teamSize; t++) {
      const least = Math.min(...candidates.map((c) => load.get(c)!));
      const tier = candidates.filter((c) => load.get(c) === least);
      const chosen = tier[uniformBelow(next, tier.length)] as string;
      team.push(chosen);
      candidates = candidates.filter((c) => c !== chosen);
    }
    for (const member of team) load.set(member, load.get(member)! + 1);
    return { position: index + 1, enterpriseId: id, stratum, inspectorIds: team };
  });
  return { pairs };
}
