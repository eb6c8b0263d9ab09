import type { ApiErrorDetail } from '@anjian/domain';

/*
 * One way for every form that posts to show the server's refusal: each detail naming
 * `body.<path>` goes onto the form field at that path, without the path in its text (the
 * field's label already names it); whatever names no field of the form goes into the alert
 * above it, also without internal paths.
 */

export type NamePath = (string | number)[];

const isDate = (v: unknown) => typeof v === 'object' && v !== null && typeof (v as { isValid?: unknown }).isValid === 'function' && typeof (v as { format?: unknown }).format === 'function';
const isGroup = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && !isDate(v);
const isListOfGroups = (v: unknown) => Array.isArray(v) && v.some((item) => isGroup(item));

/**
 * Which form field a server path lands on, given the form's current values: the path itself
 * when it ends on a value, the list when it points inside a plain list (a multi-select's
 * `roles.1` is the roles field), a Form.List row's field when the list holds groups. Null when
 * the form has no such field (or the path ends on a group of fields).
 */
export function resolveFieldName(values: unknown, path: readonly string[]): NamePath | null {
  let node: unknown = values;
  const name: NamePath = [];
  for (const segment of path) {
    if (Array.isArray(node)) {
      // A plain list (ids of a multi-select or upload) is one field; a list of groups is a Form.List.
      if (!isListOfGroups(node)) return name.length > 0 ? name : null;
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.length) return name.length > 0 ? name : null;
      name.push(index);
      node = node[index];
      continue;
    }
    if (!isGroup(node) || !(segment in (node as object))) return null;
    name.push(segment);
    node = (node as Record<string, unknown>)[segment];
  }
  if (name.length === 0 || isGroup(node)) return null;
  return name;
}

export interface MappedErrors {
  fields: { name: NamePath; errors: string[] }[];
  /** Messages that found no field, path stripped. */
  unplaced: string[];
}

/**
 * The pure part of placeServerErrors. `aliases` maps the names a server rule uses to the
 * form's own (a guard says `supervisingDepartment`, the form holds `supervisingDepartmentId`).
 */
export function mapServerErrors(values: unknown, details: readonly ApiErrorDetail[], aliases: Record<string, string> = {}): MappedErrors {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const detail of details) {
    const message = stripFieldPath(detail.message, detail.field);
    // Only the body is the form's: a query or path parameter names no field of it.
    const raw = detail.field.startsWith('body.') ? detail.field.slice('body.'.length) : '';
    const name = raw ? resolveFieldName(values, (aliases[raw] ?? raw).split('.').filter(Boolean)) : null;
    if (!name) {
      if (!unplaced.includes(message)) unplaced.push(message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], unplaced };
}

/** An internal path anywhere in a message: body.username, query.orgId, body.items.1.deaths. */
const PATH_IN_TEXT = /\b(?:body|query|params|headers)(?:\.[A-Za-z0-9_-]+)+/g;

/**
 * The message without the raw path the schema validator puts in front
 * ("body.username：只能包含…" → "只能包含…", "body.deaths 不能小于 0" → "不能小于 0").
 * A path inside the text is dropped with the punctuation around it.
 */
export function stripFieldPath(message: string, field?: string): string {
  let text = message;
  if (field && text.startsWith(field)) text = text.slice(field.length).replace(/^[\s:：,，]+/, '');
  text = text.replace(PATH_IN_TEXT, '').replace(/^[\s:：,，]+/, '').replace(/[\s:：,，]+$/, '').replace(/([：:])[\s,，]+/g, '$1').trim();
  return text || message;
}

