import { OrgPage, RoutingTable } from '@anjian/domain';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type RoutingData = z.infer<typeof RoutingTable>;
export type RoutingRow = RoutingData['items'][number];

const key = (regionCode: string) => ['routing', regionCode] as const;

export function useRoutingTable(regionCode: string) {
  return useQuery({ queryKey: key(regionCode), queryFn: () => api.get('/routing', { query: { regionCode }, schema: RoutingTable }) });
}

export function useRouteChange(regionCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { industryCode: string; departmentId: string | null }) => {
      const path = `/routing/${regionCode}/${input.industryCode}`;
      return input.departmentId
        ? api.put(path, { departmentId: input.departmentId }, { schema: RoutingTable })
        : api.delete(path, { schema: RoutingTable });
    },
    // The server answers with the table, but (as of this writing) reads it before its own
    // transaction commits, so the answer shows the state before the change. Refetch instead;
    // descendants may inherit the change, so every cached table goes stale anyway.
    onSuccess: () => client.invalidateQueries({ queryKey: ['routing'] }),
  });
}

/** Industry departments sitting exactly on each of the given regions (the region and its ancestors). */
export function useDepartmentsOn(regionCodes: string[], enabled: boolean) {
  return useQueries({
    queries: regionCodes.map((regionCode) => ({
      queryKey: ['orgs', 'departments-on', regionCode],
      queryFn: () => api.get('/orgs', { query: { regionCode, subtree: 'false', type: 'department', limit: 200 }, schema: OrgPage }),
      enabled,
    })),
  });
}
