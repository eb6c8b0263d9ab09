import type { FormInstance } from 'antd';
import { errorText, isApiError } from '../../shared/api/client';

/** The message without the raw path the schema validator puts in front ("body.plan.funds 不能为空"). */
function bare(message: string, field: string): string {
  if (!message.startsWith(field)) return message;
  return message.slice(field.length).replace(/^[\s:：]+/, '') || message;
}

function registered(values: unknown, path: string[]): 'leaf' | 'group' | null {
  let node: unknown = values;
  for (const segment of path) {
    if (!node || typeof node !== 'object' || !(segment in node)) return null;
    node = (node as Record<string, unknown>)[segment];
  }
  return node && typeof node === 'object' && !Array.isArray(node) ? 'group' : 'leaf';
}

/**
 * Like the shell's applyServerErrors, for forms with nested fields (the 五落实 plan):
 * `body.plan.funds` lands on ['plan', 'funds']. `aliases` maps the names a rule uses to the
 * form's own (the guard says `supervisingDepartment`, the form has `supervisingDepartmentId`).
 * Returns the messages that found no field, for an alert above the form, or null.
 */
export function placeServerErrors(form: FormInstance, error: unknown, aliases: Record<string, string> = {}): string | null {
  if (!isApiError(error)) return errorText(error);
  const values: unknown = form.getFieldsValue();
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: string[] = [];
  for (const detail of error.details) {
    const raw = detail.field.startsWith('body.') ? detail.field.slice(5) : '';
    const path = (aliases[raw] ?? raw).split('.').filter(Boolean);
    if (path.length > 0 && registered(values, path) === 'leaf') {
      const key = path.join('.');
      const entry = byField.get(key) ?? { name: path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [] };
      entry.errors.push(bare(detail.message, detail.field));
      byField.set(key, entry);
    } else {
      unplaced.push(bare(detail.message, detail.field));
    }
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  if (error.details.length === 0) return error.message;
  return unplaced.length > 0 ? (byField.size === 0 ? error.message : unplaced.join('；')) : null;
}
