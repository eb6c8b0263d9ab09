import { checkAssignment, type FIVE_IMPLEMENTATIONS } from '@anjian/domain';
import dayjs from 'dayjs';
import type { HazardData } from './hazards.api';

export type PlanKey = (typeof FIVE_IMPLEMENTATIONS)[number];

/** A picked date as the API's YYYY-MM-DD; empty when none. */
export const day = (v: unknown) => (dayjs.isDayjs(v) && v.isValid() ? v.format('YYYY-MM-DD') : '');

/**
 * What the domain's 交办 rule (checkAssignment, the one the server applies) says about one
 * plan field, given the form as it stands. Unit, person and department are checked by their
 * own fields (or resolved by the server), so they are given as present here.
 */
export function planProblems(hazard: Pick<HazardData, 'level' | 'foundOn'>, values: { deadline?: unknown; plan?: Partial<Record<PlanKey, unknown>> }, key: PlanKey) {
  const plan = values.plan ?? {};
  const text = (k: PlanKey) => (typeof plan[k] === 'string' ? (plan[k] as string) : '');
  const result = checkAssignment({
    level: hazard.level,
    foundOn: hazard.foundOn,
    deadline: day(values.deadline),
    responsibleUnit: '-', responsiblePerson: '-', supervisingDepartment: '-',
    plan: { responsibility: text('responsibility'), measures: text('measures'), funds: text('funds'), deadline: day(plan.deadline), contingencyPlan: text('contingencyPlan') },
  });
  return result.ok ? [] : result.problems.filter((p) => p.field === `plan.${key}`);
}

