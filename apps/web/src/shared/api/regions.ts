import { Region, RegionList, RegionSearchResult } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import { queryClient } from './query-client';

export type RegionData = z.infer<typeof Region>;
export type RegionHit = z.infer<typeof RegionSearchResult>['items'][number];

/** Region data is effectively static, so it is cached for the whole session. */
const STATIC = { staleTime: Infinity, gcTime: 60 * 60_000 };

export const regionKeys = {
  one: (code: string) => ['regions', 'one', code] as const,
  children: (code: string) => ['regions', 'children', code] as const,
  ancestors: (code: string) => ['regions', 'ancestors', code] as const,
  search: (code: string, q: string) => ['regions', 'search', code, q] as const,
};

const loadChildren = async (code: string) => (await api.get(`/regions/${code}/children`, { schema: RegionList })).items;
const loadAncestors = async (code: string) => (await api.get(`/regions/${code}/ancestors`, { schema: RegionList })).items;

/** Through the query cache, so the tree, the pickers and the detail panel share one request. */
export function fetchChildren(code: string): Promise<RegionData[]> {
  return queryClient.fetchQuery({ queryKey: regionKeys.children(code), queryFn: () => loadChildren(code), ...STATIC });
}

export function fetchAncestors(code: string): Promise<RegionData[]> {
  return queryClient.fetchQuery({ queryKey: regionKeys.ancestors(code), queryFn: () => loadAncestors(code), ...STATIC });
}

export function useRegion(code: string | undefined) {
  return useQuery({
    queryKey: regionKeys.one(code ?? ''),
    queryFn: () => api.get(`/regions/${code}`, { schema: Region }),
    enabled: !!code,
    ...STATIC,
  });
}

export function useChildren(code: string | undefined) {
  return useQuery({ queryKey: regionKeys.children(code ?? ''), queryFn: () => loadChildren(code!), enabled: !!code, ...STATIC });
}

/** Root first, the region itself last. */
export function useAncestors(code: string | undefined) {
  return useQuery({ queryKey: regionKeys.ancestors(code ?? ''), queryFn: () => loadAncestors(code!), enabled: !!code, ...STATIC });
}

export function useRegionSearch(within: string, q: string, limit = 20) {
  const term = q.trim();
  return useQuery({
    queryKey: regionKeys.search(within, term),
    queryFn: async () => (await api.get(`/regions/${within}/search`, { query: { q: term, limit }, schema: RegionSearchResult })).items,
    enabled: term.length > 0,
    staleTime: 5 * 60_000,
  });
}
