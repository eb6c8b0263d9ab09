/**
 * The one error-code list. Every error the API returns carries one of these codes and a
 * message in the caller's language; `details` names the field(s) at fault.
 * Messages may use {placeholders} filled from the error's params.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { status: 400, zh: '请求数据不合法：{summary}', en: 'Invalid request: {summary}' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型：{type}', en: 'Unsupported content type: {type}' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大（上限 {limit}）', en: 'Request body too large (limit {limit})' },
  URI_TOO_LONG: { status: 414, zh: '请求地址过长', en: 'The request URL is too long' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求头过大', en: 'The request headers are too large' },
  MALFORMED_REQUEST: { status: 400, zh: '请求格式错误：{reason}', en: 'Malformed request: {reason}' },
  REQUEST_TIMEOUT: { status: 408, zh: '请求超时', en: 'The request timed out' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '会话已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  LOGIN_LOCKED: {
    status: 429,
    zh: '密码错误次数过多，账户已锁定，请于 {until} 后再试',
    en: 'Too many wrong passwords; the account is locked until {until}',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账户已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  PASSWORD_POLICY: { status: 422, zh: '密码不符合要求：{reasons}', en: 'The password does not meet the policy: {reasons}' },
  WRONG_PASSWORD: { status: 422, zh: '当前密码不正确', en: 'The current password is wrong' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作（需要权限 {permission}）', en: 'Not allowed (requires permission {permission})' },
  NOT_FOUND: { status: 404, zh: '{entity}不存在或不在您的管辖范围内', en: '{entity} not found or outside your scope' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  CONFLICT: { status: 409, zh: '{reason}', en: '{reason}' },
  DUPLICATE: { status: 409, zh: '{field} 已存在：{value}', en: '{field} already exists: {value}' },
  ILLEGAL_TRANSITION: {
    status: 409,
    zh: '当前状态“{from}”下不能执行“{action}”，可执行：{allowed}',
    en: 'Cannot "{action}" in state "{from}"; allowed: {allowed}',
  },
  SEPARATION_OF_DUTIES: {
    status: 422,
    zh: '三权分立：一个账户不能同时担任 {roles}',
    en: 'Separation of duties: one account cannot hold {roles}',
  },
  RULE_VIOLATION: { status: 422, zh: '{reason}', en: '{reason}' },
  ROLE_NOT_GRANTABLE: { status: 403, zh: '您不能授予角色：{roles}（{reason}）', en: 'You cannot grant: {roles} ({reason})' },
  ACCOUNT_PROTECTED: { status: 403, zh: '您不能管理此账户：{reason}', en: 'You cannot manage this account: {reason}' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '您正在使用临时密码，请先修改密码',
    en: 'You are signed in with a temporary password; change it first',
  },
  ACTIVATION_INVALID: { status: 410, zh: '激活链接无效、已使用或已过期，请联系平台运维人员重新签发', en: 'The activation link is invalid, used or expired; ask the platform operator for a new one' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请联系管理员（请求号 {requestId}）', en: 'Internal error; contact the administrator (request {requestId})' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用：{reason}', en: 'Service unavailable: {reason}' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时不可用，请稍后重试（平台正在自动恢复）',
    en: 'The database is temporarily unavailable; try again shortly (the platform is recovering by itself)',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export type Locale = 'zh-CN' | 'en-US';

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = ERROR_MESSAGES[code];
  return formatMessage(locale === 'en-US' ? entry.en : entry.zh, params);
}

/** Bilingual text pieces used inside params ({entity}, {reason}) are passed as this shape. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function pickLocale(text: Bilingual | string, locale: Locale): string {
  return typeof text === 'string' ? text : locale === 'en-US' ? text.en : text.zh;
}

/** The error body every failing request answers with. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details: ApiErrorDetail[];
  requestId: string;
}

export interface ApiErrorDetail {
  /** Where the fault is: "body.name", "query.limit", "params.code". */
  field: string;
  /** A machine-readable reason: too_big, invalid_type, unknown_key, not_found … */
  reason: string;
  message: string;
}
