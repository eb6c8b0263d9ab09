import type { Bilingual } from '../errors/index.js';

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) must appear. */
  minClasses: number;
  forbidUsername: boolean;
  maxLength: number;
}

/** 等保 (GB/T 22239) profile: the default. */
export const DENGBAO_POLICY: PasswordPolicy = { minLength: 10, minClasses: 3, forbidUsername: true, maxLength: 128 };
/** A laxer profile for local development and demos; never the default. */
export const BASIC_POLICY: PasswordPolicy = { minLength: 8, minClasses: 2, forbidUsername: true, maxLength: 128 };

export const PASSWORD_POLICIES = { dengbao: DENGBAO_POLICY, basic: BASIC_POLICY } as const;
export type PasswordPolicyName = keyof typeof PASSWORD_POLICIES;

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** Returns the reasons a password fails the policy; empty when it passes. */
export function checkPassword(password: string, username: string, policy: PasswordPolicy): Bilingual[] {
  const reasons: Bilingual[] = [];
  if (password.length < policy.minLength) {
    reasons.push({ zh: `长度至少 ${policy.minLength} 位`, en: `at least ${policy.minLength} characters` });
  }
  if (password.length > policy.maxLength) {
    reasons.push({ zh: `长度至多 ${policy.maxLength} 位`, en: `at most ${policy.maxLength} characters` });
  }
  if (characterClasses(password) < policy.minClasses) {
    reasons.push({
      zh: `须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`,
      en: `at least ${policy.minClasses} of: lower case, upper case, digits, symbols`,
    });
  }
  const name = username.trim().toLowerCase();
  if (policy.forbidUsername && name.length > 0 && password.toLowerCase().includes(name)) {
    reasons.push({ zh: '不得包含用户名', en: 'must not contain the username' });
  }
  return reasons;
}
