import type { DrawProblem } from '@anjian/domain';
import { AppError, conflict, ruleViolation } from '../../platform/errors.js';

/** A draw that cannot be made, as a 422 naming why (and the field to fix). */
export function drawRefusal(problem: DrawProblem): AppError {
  switch (problem.code) {
    case 'pool_empty':
      return ruleViolation({ zh: '检查人员库为空：请先在计划中加入持有效执法证的检查人员', en: 'the inspectors\' pool is empty: add inspectors with valid certificates to the plan' }, 'pool');
    case 'pool_too_small':
      return ruleViolation({ zh: `持有效执法证的检查人员只有 ${problem.eligible} 名，每组至少 ${problem.teamSize} 名`, en: `only ${problem.eligible} inspector(s) with a valid certificate; a team needs ${problem.teamSize}` }, 'pool');
    case 'avoidance_blocks_team':
      return new AppError('RULE_VIOLATION', { reason: { zh: `因回避关系，${problem.enterpriseIds.length} 家企业凑不齐 ${problem.teamSize} 名检查人员`, en: `because of avoidance, ${problem.enterpriseIds.length} enterprise(s) cannot get a team of ${problem.teamSize}` } },
        problem.enterpriseIds.slice(0, 20).map((id) => ({ field: 'pool.avoid', reason: 'avoidance_blocks_team', message: { zh: `企业 ${id} 可派检查人员不足`, en: `enterprise ${id} lacks inspectors who need not avoid it` } })));
    case 'register_empty':
      return ruleViolation({ zh: '计划范围内没有在营企业，无可抽取对象', en: 'no operating enterprise in the plan\'s scope to draw from' }, 'register');
    case 'quota_invalid':
      return ruleViolation({ zh: `抽取数量 ${problem.quota} 超出${problem.stratum === 'key' ? '重点' : '一般'}监管企业数 ${problem.available}`, en: `count ${problem.quota} exceeds the ${problem.available} ${problem.stratum} enterprises` }, `body.quota.${problem.stratum}`);
    case 'nothing_to_draw':
      return ruleViolation({ zh: '按计划目标本次抽取数量为 0', en: 'the plan\'s target asks for no enterprise in this draw' }, 'body.quota');
    case 'team_size_invalid':
      return ruleViolation({ zh: '每组检查人员至少 2 名', en: 'a team needs at least two inspectors' }, 'teamSize');
    default:
      // The snapshot is built canonical by the server: these mean a bug, still refused cleanly.
      return ruleViolation({ zh: `抽取输入不合法（${problem.code}）`, en: `draw inputs refused (${problem.code})` }, 'inputs');
  }
}

export const alreadyDrawn = () =>
  new AppError('CONFLICT', { reason: { zh: '该抽取已完成：同一承诺不能再次抽取', en: 'this draw was made: the same commitment cannot be drawn again' } },
    [{ field: 'params.id', reason: 'already_drawn', message: { zh: '已抽取', en: 'already drawn' } }]);

export const pendingDraw = () =>
  conflict({ zh: '本计划有一次已固定输入、尚未抽取的抽取：请先完成抽取', en: 'this plan has fixed inputs not yet drawn: draw them first' });

export const notOwner = () =>
  new AppError('FORBIDDEN', { permission: 'inspection_plan.owner' }, [{ field: 'params.id', reason: 'not_owner', message: { zh: '只有制定计划的单位可以操作', en: 'only the organisation that keeps the plan may act on it' } }]);
