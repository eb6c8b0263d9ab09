import { checkPassword, DENGBAO_POLICY } from '@anjian/domain';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';

/** The policy the server announces (GET /api/auth/me, the activation preview). */
export interface AnnouncedPolicy {
  minLength: number;
  minClasses: number;
  forbidUsername: boolean;
}

/**
 * The password policy the form states, checked in the form with the server's own function
 * (checkPassword) so that a password is refused before it is sent, for the same reasons.
 * `username` is read when the rule runs (in the create dialog it is typed alongside).
 */
export function usePasswordRules(policy: AnnouncedPolicy, username: () => string, field: string): { hint: string; rule: FormRule } {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const hint = t('auth.passwordPolicyHint', { minLength: String(policy.minLength), minClasses: String(policy.minClasses) }) + (policy.forbidUsername ? t('auth.passwordPolicyNoUsername') : '');
  const rule: FormRule = {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const reasons = checkPassword(value, username(), { ...policy, maxLength: DENGBAO_POLICY.maxLength });
      if (reasons.length > 0) throw new Error(t('auth.passwordPolicyFailed', { field, reasons: reasons.map(pick).join(pick({ zh: '；', en: '; ' })) }));
    },
  };
  return { hint, rule };
}
