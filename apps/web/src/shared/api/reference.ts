import { IndustryList, ORG_TYPE_NAMES, REGION_LEVEL_NAMES, ROLES, RoleList, type OrgType, type RegionLevel } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { hasPermission, useMe } from '../auth/session';
import { useLanguage } from '../i18n';
import { api } from './client';

export type Industry = z.infer<typeof IndustryList>['items'][number];
export type RoleInfo = z.infer<typeof RoleList>['items'][number];

/** Reference data changes rarely; one fetch per session is enough. */
const REFERENCE_STALE_MS = 10 * 60_000;

export function useIndustries() {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => api.get('/industries', { schema: IndustryList }),
    staleTime: REFERENCE_STALE_MS,
    select: (data) => [...data.items].sort((a, b) => a.sort - b.sort),
  });
}

/** Roles as the server defines them (custom roles included); needs role.read. */
export function useRoles() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get('/roles', { schema: RoleList }),
    staleTime: REFERENCE_STALE_MS,
    enabled: hasPermission(me, 'role.read'),
    select: (data) => data.items,
  });
}

/**
 * Display names for codes. Built-in vocabularies come from the domain package; roles and
 * industries prefer the server's list (it may hold custom entries) and fall back to the key.
 */
export function useLabels() {
  const { pick, language } = useLanguage();
  const roles = useRoles().data;
  const industries = useIndustries().data;
  return {
    orgType: (type: string) => (type in ORG_TYPE_NAMES ? pick(ORG_TYPE_NAMES[type as OrgType]) : type),
    regionLevel: (level: number) => (level in REGION_LEVEL_NAMES ? pick(REGION_LEVEL_NAMES[level as RegionLevel]) : String(level)),
    role: (key: string) => {
      const fromServer = roles?.find((r) => r.key === key);
      if (fromServer) return language === 'en-US' ? fromServer.nameEn : fromServer.nameZh;
      return key in ROLES ? pick(ROLES[key as keyof typeof ROLES].name) : key;
    },
    industry: (code: string) => {
      const found = industries?.find((i) => i.code === code);
      if (!found) return code;
      return language === 'en-US' ? found.nameEn : found.nameZh;
    },
  };
}
