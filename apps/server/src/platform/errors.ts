import type { Bilingual, ErrorCode, Permission } from '@anjian/domain';

export interface ErrorDetail {
  field: string;
  reason: string;
  message: Bilingual;
}

/**
 * The one error type services throw. `params` fill the code's message template; a param
 * may itself be bilingual ({ zh, en }) and is resolved in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number | Bilingual> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (entity: Bilingual, field?: string) =>
  new AppError('NOT_FOUND', { entity }, field ? [{ field, reason: 'not_found', message: { zh: `${entity.zh}不存在或不在管辖范围内`, en: `${entity.en} not found or out of scope` } }] : []);

export const forbidden = (permission: Permission | string) => new AppError('FORBIDDEN', { permission });

export const conflict = (reason: Bilingual) => new AppError('CONFLICT', { reason });

/** A business rule refused the request; `field` names what to fix. */
export const ruleViolation = (reason: Bilingual, field?: string) =>
  new AppError('RULE_VIOLATION', { reason }, field ? [{ field, reason: 'rule', message: reason }] : []);

export const duplicate = (field: string, value: string) =>
  new AppError('DUPLICATE', { field, value }, [{ field, reason: 'duplicate', message: { zh: `${value} 已存在`, en: `${value} already exists` } }]);

export const ENTITY = {
  region: { zh: '行政区划', en: 'Region' },
  org: { zh: '组织机构', en: 'Organisation' },
  user: { zh: '用户', en: 'User' },
  industry: { zh: '行业', en: 'Industry' },
  role: { zh: '角色', en: 'Role' },
  department: { zh: '行业主管部门', en: 'Department' },
} satisfies Record<string, Bilingual>;
