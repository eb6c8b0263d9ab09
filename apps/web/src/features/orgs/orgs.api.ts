import { type CreateOrgBody, Org, OrgPage, type UpdateOrgBody, type OrgType } from '@anjian/domain';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type OrgData = z.infer<typeof Org>;
export type CreateOrgInput = z.input<typeof CreateOrgBody>;
export type UpdateOrgInput = z.input<typeof UpdateOrgBody>;

export interface OrgFilters {
  regionCode?: string;
  subtree: boolean;
  type?: OrgType;
  q?: string;
}

const PAGE_SIZE = 50;

export function useOrgList(filters: OrgFilters) {
  return useInfiniteQuery({
    queryKey: ['orgs', 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get('/orgs', {
        query: { regionCode: filters.regionCode, subtree: String(filters.subtree), type: filters.type, q: filters.q, limit: PAGE_SIZE, cursor: pageParam },
        schema: OrgPage,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSaveOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; patch: UpdateOrgInput } | { create: CreateOrgInput }) =>
      'create' in input ? api.post('/orgs', input.create, { schema: Org }) : api.patch(`/orgs/${input.id}`, input.patch, { schema: Org }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['orgs'] }),
  });
}
