import type { ScopedRecord } from '../../platform/access/scope.js';

/**
 * A plan (alias `p`) and a draw (alias `d`) are seen in their region; an industry department
 * sees only those whose industries are all its own (a committee office's plan over every
 * industry, industries null, is not a department's). Enterprise accounts see none: the public
 * page is where everyone reads the published draws.
 */
export const PLAN: ScopedRecord = { region: 'p.region_code', enterprise: null, industry: { within: 'p.industries' } };
export const DRAW: ScopedRecord = { region: 'd.region_code', enterprise: null, industry: { within: 'd.industries' } };

export const PLAN_ENTITY = { zh: '检查计划', en: 'Inspection plan' };
export const DRAW_ENTITY = { zh: '双随机抽取', en: 'Draw' };
