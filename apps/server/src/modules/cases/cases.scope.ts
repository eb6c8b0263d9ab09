import type { ScopedRecord } from '../../platform/access/scope.js';

/**
 * The cases module's records to the scope mechanism. A case, a resumption, a re-check and a
 * 约谈 belong to the enterprise's region and the industry the case is about: an industry
 * department sees those of its industries, an enterprise account its own.
 *
 * A blacklist entry names no industry on purpose: 联合惩戒 (joint punishment) means every
 * department and level whose region contains the enterprise sees it, whatever it supervises.
 */
export const CASE: ScopedRecord = { region: 'c.region_code', enterprise: 'c.enterprise_id', industry: 'c.industry_code' };
export const RESUMPTION: ScopedRecord = { region: 'r.region_code', enterprise: 'r.enterprise_id', industry: 'r.industry_code' };
export const RECHECK: ScopedRecord = { region: 'k.region_code', enterprise: null, industry: 'k.industry_code' };
export const BLACKLIST: ScopedRecord = { region: 'b.region_code', enterprise: 'b.enterprise_id', industry: null };
export const INTERVIEW: ScopedRecord = { region: 'i.region_code', enterprise: 'i.enterprise_id', industry: 'i.industry_code' };
