import type { FormInstance } from 'antd';
import { errorText, isApiError } from '../api/client';

/**
 * Puts the server's per-field reasons (details with field "body.<name>") on the matching
 * form fields. Returns the message still to show above the form, or null when every
 * reason landed on a field.
 */
export function applyServerErrors(form: FormInstance, error: unknown): string | null {
  if (!isApiError(error)) return errorText(error);
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  let unplaced = error.details.length === 0;
  for (const detail of error.details) {
    const name = detail.field.startsWith('body.') ? detail.field.slice(5).split('.')[0] ?? '' : '';
    if (name && known.has(name)) byField.set(name, [...(byField.get(name) ?? []), detail.message]);
    else unplaced = true;
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced ? error.message : null;
}
