import { isAdminRole, RoleList } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../shared/api/client';
import { useLanguage } from '../../shared/i18n';

export interface RoleOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * The roles this user may grant to an account of organisation `orgId`, as the server decides
 * (GET /api/roles?orgId: the role must suit the organisation; a security administrator's only
 * below one's own region; never the system or audit administrator, granted out of band). The
 * form offers exactly these, so it never offers what the server would refuse.
 */
export function useGrantableRoles(orgId: string | undefined) {
  const { language } = useLanguage();
  const query = useQuery({
    queryKey: ['roles', 'grantable', orgId],
    queryFn: () => api.get('/roles', { query: { orgId }, schema: RoleList }),
    enabled: !!orgId,
  });
  const options = useMemo<RoleOption[]>(
    () => (query.data?.items ?? []).filter((r) => r.grantable).map((r) => ({ value: r.key, label: language === 'en-US' ? r.nameEn : r.nameZh })),
    [query.data, language],
  );
  return { options, loading: query.isPending && !!orgId };
}

/**
 * 三权分立 in the picker: an administrator role stands alone. Once one is chosen the others are
 * disabled; once a business role is chosen the administrator roles are.
 */
export function withSeparation(options: RoleOption[], selected: readonly string[]): RoleOption[] {
  const admin = selected.find(isAdminRole);
  return options.map((o) => ({
    ...o,
    disabled: selected.includes(o.value) ? false : admin !== undefined ? true : selected.length > 0 && isAdminRole(o.value),
  }));
}
