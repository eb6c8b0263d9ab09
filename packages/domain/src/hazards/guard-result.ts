import type { Bilingual } from '../errors/error-codes.js';

/**
 * What a rule check answers. Problems line up with the API's error details (field, reason,
 * message), so a failed guard becomes a 422 RULE_VIOLATION without translation.
 */
export interface GuardProblem {
  /** The input field at fault, dotted: 'deadline', 'plan.funds'. */
  field: string;
  /** Machine-readable: 'required', 'before_found_on', 'not_major' … */
  reason: string;
  message: Bilingual;
}

export type GuardResult = { ok: true } | { ok: false; problems: GuardProblem[] };

export function guardResult(problems: GuardProblem[]): GuardResult {
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

export function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

/** A `required` problem when the text is missing or only whitespace. */
export function requireText(field: string, text: string | null | undefined, name: Bilingual): GuardProblem[] {
  if (!isBlank(text)) return [];
  return [{ field, reason: 'required', message: { zh: `${name.zh}不能为空`, en: `${name.en} is required` } }];
}
