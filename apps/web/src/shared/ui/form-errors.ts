import type { FormInstance } from 'antd';
import { errorText, isApiError } from '../api/client';
import { mapServerErrors, stripFieldPath } from '../api/server-errors';

/**
 * Puts the server's per-field reasons on the form's fields. Returns the text still to show
 * above the form, or null when every reason landed on a field.
 */
export function placeServerErrors(form: Pick<FormInstance, 'getFieldsValue' | 'setFields'>, error: unknown, aliases: Record<string, string> = {}): string | null {
  if (!isApiError(error)) return errorText(error);
  if (error.details.length === 0) return stripFieldPath(error.message);
  const { fields, unplaced } = mapServerErrors(form.getFieldsValue(), error.details, aliases);
  form.setFields(fields);
  if (unplaced.length === 0) return null;
  // Nothing placed: the server's summary first, then the reasons (without paths).
  if (fields.length > 0 || error.code === 'VALIDATION_FAILED') return unplaced.join('；');
  const summary = stripFieldPath(error.message);
  return [summary, ...unplaced.filter((m) => m !== summary)].join('；');
}

