import { BILINGUAL_MARK, type Bilingual } from '@anjian/domain';
import type { ErrorDetail } from '../errors.js';

/** What fastify-type-provider-zod hands over for each zod issue. */
export interface ZodValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

function fieldPath(part: string, instancePath: string): string {
  const segments = instancePath.split('/').filter(Boolean);
  return [PART_NAMES[part] ?? part, ...segments].join('.');
}

function describe(issue: ZodValidationIssue, field: string): Bilingual {
  const p = issue.params;
  if (issue.message.startsWith(BILINGUAL_MARK)) {
    const custom = JSON.parse(issue.message.slice(BILINGUAL_MARK.length)) as Bilingual;
    return { zh: `${field}：${custom.zh}`, en: `${field}: ${custom.en}` };
  }
  switch (issue.keyword) {
    case 'invalid_type':
      // zod does not hand over the input; its message ends "received undefined" for a missing field.
      if (/received undefined/.test(issue.message)) return { zh: `${field} 为必填项`, en: `${field} is required` };
      return { zh: `${field} 类型错误，应为 ${String(p.expected)}`, en: `${field} must be of type ${String(p.expected)}` };
    case 'too_big':
      return p.origin === 'string'
        ? { zh: `${field} 过长（最多 ${String(p.maximum)} 个字符）`, en: `${field} is too long (at most ${String(p.maximum)} characters)` }
        : p.origin === 'array'
          ? { zh: `${field} 项数过多（最多 ${String(p.maximum)} 项）`, en: `${field} has too many items (at most ${String(p.maximum)})` }
          : { zh: `${field} 不能大于 ${String(p.maximum)}`, en: `${field} must be at most ${String(p.maximum)}` };
    case 'too_small':
      return p.origin === 'string'
        ? Number(p.minimum) === 1
          ? { zh: `${field} 不能为空`, en: `${field} must not be empty` }
          : { zh: `${field} 过短（至少 ${String(p.minimum)} 个字符）`, en: `${field} is too short (at least ${String(p.minimum)} characters)` }
        : p.origin === 'array'
          ? { zh: `${field} 至少需要 ${String(p.minimum)} 项`, en: `${field} needs at least ${String(p.minimum)} items` }
          : { zh: `${field} 不能小于 ${String(p.minimum)}`, en: `${field} must be at least ${String(p.minimum)}` };
    case 'invalid_format':
      return { zh: `${field} 格式不正确（${String(p.format)}）`, en: `${field} has an invalid format (${String(p.format)})` };
    case 'invalid_value': {
      const values = Array.isArray(p.values) ? p.values.map(String).join(', ') : '';
      return { zh: `${field} 取值无效，可选：${values}`, en: `${field} must be one of: ${values}` };
    }
    case 'unrecognized_keys':
      return { zh: `不允许的字段：${field}`, en: `Unknown field: ${field}` };
    default:
      return { zh: `${field} 无效：${issue.message}`, en: `${field} is invalid: ${issue.message}` };
  }
}

/** One detail per offending field; an unknown-keys issue names each unknown key. */
export function validationDetails(part: string, issues: ZodValidationIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const base = fieldPath(part, issue.instancePath);
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      return issue.params.keys.map((key) => {
        const field = `${base}.${String(key)}`;
        return { field, reason: 'unknown_key', message: describe(issue, field) };
      });
    }
    return [{ field: base, reason: issue.keyword, message: describe(issue, base) }];
  });
}
