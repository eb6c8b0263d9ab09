import { ROLE_KEYS, ROLES, orgAudience, type OrgType } from '@anjian/domain';
import { useMemo } from 'react';
import { useRoles } from '../../shared/api/reference';
import { useLanguage } from '../../shared/i18n';

export interface RoleOption {
  value: string;
  label: string;
}

/**
 * The roles an organisation of this type may hold (a role's audiences against the org's
 * audience). The server's role list is used when readable, so custom roles appear; the
 * built-in table is the fallback.
 */
export function useRoleOptions(orgType: string | undefined): RoleOption[] {
  const { language, pick } = useLanguage();
  const server = useRoles().data;
  return useMemo(() => {
    if (!orgType) return [];
    const audience = orgAudience(orgType as OrgType);
    const roles = server
      ? server.map((r) => ({ key: r.key, audiences: r.audiences, label: language === 'en-US' ? r.nameEn : r.nameZh }))
      : ROLE_KEYS.map((key) => ({ key, audiences: ROLES[key].audiences as readonly string[], label: pick(ROLES[key].name) }));
    return roles.filter((r) => r.audiences.includes(audience)).map((r) => ({ value: r.key, label: r.label }));
    // `pick` depends only on the language, which is a dependency.
  }, [orgType, server, language]);
}
