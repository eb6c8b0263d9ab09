import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { planProblems } from './assign-plan';

const major = { level: 'major' as const, foundOn: '2026-06-01' };
const full = { responsibility: '厂长张三', measures: '更换储罐', funds: '企业自筹 50 万元', deadline: dayjs('2026-06-20'), contingencyPlan: '停产撤人' };
const form = (plan: Partial<typeof full> | Record<string, unknown>, deadline = dayjs('2026-06-30')) => ({ deadline, plan });

describe('planProblems: the form checks the 五落实 with the server’s own rule', () => {
  it('finds nothing wrong with a complete plan inside the deadline', () => {
    for (const key of ['responsibility', 'measures', 'funds', 'deadline', 'contingencyPlan'] as const) expect(planProblems(major, form(full), key)).toEqual([]);
  });

  it.each(['responsibility', 'measures', 'funds', 'contingencyPlan'] as const)('names a missing or blank %s, on that field only', (key) => {
    for (const value of [undefined, '', '   ']) {
      const values = form({ ...full, [key]: value });
      expect(planProblems(major, values, key)).toEqual([expect.objectContaining({ field: `plan.${key}`, reason: 'required' })]);
      expect(planProblems(major, values, key === 'funds' ? 'measures' : 'funds')).toEqual([]);
    }
  });

  it('refuses a 时限 after the 整改期限 or before the hazard was found, and takes the 整改期限 itself', () => {
    expect(planProblems(major, form({ ...full, deadline: dayjs('2026-07-01') }), 'deadline')).toEqual([expect.objectContaining({ reason: 'after_deadline' })]);
    expect(planProblems(major, form({ ...full, deadline: dayjs('2026-05-31') }), 'deadline')).toEqual([expect.objectContaining({ reason: 'before_found_on' })]);
    expect(planProblems(major, form({ ...full, deadline: dayjs('2026-06-30') }), 'deadline')).toEqual([]);
    expect(planProblems(major, form({ ...full, deadline: dayjs('2026-06-01') }), 'deadline')).toEqual([]);
  });
});
