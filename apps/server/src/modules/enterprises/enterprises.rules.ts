import {
  ENTERPRISE_STATUS_CHANGES, ENTERPRISE_STATUS_LABELS, MANUAL_STATUS_CHANGES, canChangeEnterpriseStatus, isManualStatusChange, regionLevel,
  type Bilingual, type EnterpriseStatus,
} from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import { AppError, forbidden, ruleViolation } from '../../platform/errors.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { RegionsService } from '../regions/index.js';

export const ENTERPRISE_ENTITY: Bilingual = { zh: '企业', en: 'Enterprise' };

/**
 * The region an enterprise is registered in: one the caller can see (else 404, as
 * orgs do), inside the caller's own subtree (a region above is visible but not theirs: 403),
 * and an actual administrative level (not the platform root).
 */
export async function ownRegion(regions: Pick<RegionsService, 'resolve'>, user: SessionUser, scope: Scope, input: string, field: string, permission: string): Promise<string> {
  const code = await regions.resolve(input, field, scope);
  if (scope.isEnterprise || !scope.coversRegion(code)) throw forbidden(permission);
  if (regionLevel(code) < 1) throw ruleViolation({ zh: '企业须登记在省及以下的行政区划', en: 'an enterprise is registered in a province or below' }, field);
  return code;
}

/**
 * Department staff see only enterprises sharing one of their industries; a record they
 * create or edit must keep one, or it would vanish from their own view.
 */
export function departmentShares(scope: Scope, industries: string[]): boolean {
  return scope.coversAnyIndustry(industries);
}

export function assertDepartmentShares(scope: Scope, industries: string[], field: string): void {
  if (!departmentShares(scope, industries)) {
    throw ruleViolation({ zh: '行业中须至少包含一个本部门监管的行业', en: 'the industries must include one your department supervises' }, field);
  }
}

/** Keeps the order (the first is the primary industry) and drops repeats. */
export const uniqueIndustries = (codes: string[]) => [...new Set(codes)];

/** Each status change named as the act that causes it (the target status alone reads oddly). */
const STATUS_CHANGE_NAMES: Record<EnterpriseStatus, Bilingual> = {
  operating: { zh: '恢复生产', en: 'resume operation' },
  suspended: { zh: '停产整顿', en: 'suspend for rectification' },
  closed: { zh: '关闭', en: 'close' },
};

export function assertStatusChange(from: EnterpriseStatus, to: EnterpriseStatus): void {
  if (canChangeEnterpriseStatus(from, to)) return;
  const allowed = ENTERPRISE_STATUS_CHANGES[from].map((s) => STATUS_CHANGE_NAMES[s]);
  throw new AppError('ILLEGAL_TRANSITION', {
    from: ENTERPRISE_STATUS_LABELS[from],
    action: STATUS_CHANGE_NAMES[to],
    allowed: allowed.length ? { zh: allowed.map((l) => l.zh).join('、'), en: allowed.map((l) => l.en).join(', ') } : { zh: '无', en: 'none' },
  }, [{ field: 'body.status', reason: 'illegal_transition', message: { zh: `企业当前为“${ENTERPRISE_STATUS_LABELS[from].zh}”，不能${STATUS_CHANGE_NAMES[to].zh}`, en: `the enterprise is ${ENTERPRISE_STATUS_LABELS[from].en.toLowerCase()}; cannot ${STATUS_CHANGE_NAMES[to].en}` } }]);
}

/**
 * A change made by hand on the enterprise page: one the domain allows at all (assertStatusChange),
 * and not the lifting of 停产整顿, which only a 复产验收 does (MANUAL_STATUS_CHANGES).
 */
export function assertManualStatusChange(from: EnterpriseStatus, to: EnterpriseStatus): void {
  assertStatusChange(from, to);
  if (isManualStatusChange(from, to)) return;
  const allowed = MANUAL_STATUS_CHANGES[from].map((s) => STATUS_CHANGE_NAMES[s]);
  throw new AppError('ILLEGAL_TRANSITION', {
    from: ENTERPRISE_STATUS_LABELS[from],
    action: STATUS_CHANGE_NAMES[to],
    allowed: allowed.length ? { zh: allowed.map((l) => l.zh).join('、'), en: allowed.map((l) => l.en).join(', ') } : { zh: '无', en: 'none' },
  }, [{ field: 'body.status', reason: 'resumption_required', message: { zh: '停产整顿的企业须经复产验收合格方可恢复生产（企业申请，监管部门复查，验收人签字）', en: 'a suspended enterprise operates again only after a resumption acceptance (the enterprise applies, the department re-inspects, the acceptor signs)' } }]);
}

/** A unique index refused a row another request inserted between our check and our write. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
