import {
  type HazardAction, HazardDetail, type HazardSummary, LedgerPage, type LedgerQuery, type ReportHazardBody, RoutingTable,
} from '@anjian/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type HazardData = z.infer<typeof HazardDetail>;
export type HazardRow = HazardSummary;
export type HazardEventData = HazardData['timeline'][number];
export type HazardFileData = HazardData['files'][number];
export type ReportInput = z.input<typeof ReportHazardBody>;

/** The ledger's filters as the query string carries them (flags as 'true' / 'false'). */
export type LedgerFilters = Partial<Omit<Record<keyof LedgerQuery, string>, 'limit' | 'cursor'>>;

export const hazardKeys = {
  all: ['hazards'] as const,
  ledger: (filters: LedgerFilters) => ['hazards', 'ledger', filters] as const,
  one: (id: string) => ['hazards', 'one', id] as const,
};

export function useLedger(filters: LedgerFilters) {
  return useInfiniteQuery({
    queryKey: hazardKeys.ledger(filters),
    queryFn: ({ pageParam }) => api.get('/hazards', { query: { ...filters, limit: 50, cursor: pageParam }, schema: LedgerPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The counts stay on screen while a chip's filter loads.
    placeholderData: keepPreviousData,
  });
}

export function useHazard(id: string) {
  return useQuery({ queryKey: hazardKeys.one(id), queryFn: () => api.get(`/hazards/${id}`, { schema: HazardDetail }), staleTime: 0 });
}

/** Anything done to a hazard changes the ledger, the lists and the inbox. */
export function useRefreshAfterAct() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: hazardKeys.all });
    void client.invalidateQueries({ queryKey: ['hazard-lists'] });
    void client.invalidateQueries({ queryKey: ['inbox'] });
  };
}

export function useReportHazard() {
  const refresh = useRefreshAfterAct();
  return useMutation({
    mutationFn: (body: ReportInput) => api.post('/hazards', body, { schema: HazardDetail }),
    onSuccess: refresh,
  });
}

/** POST /api/hazards/{id}/<act>: the route is the action name with hyphens. */
export function useHazardAct(id: string) {
  const client = useQueryClient();
  const refresh = useRefreshAfterAct();
  return useMutation({
    mutationFn: ({ action, body }: { action: HazardAction; body: unknown }) =>
      api.post(`/hazards/${id}/${action.replaceAll('_', '-')}`, body, { schema: HazardDetail }),
    onSuccess: (detail) => {
      client.setQueryData(hazardKeys.one(id), detail);
      refresh();
    },
  });
}

export type RoutingTableData = z.infer<typeof RoutingTable>;

/** 三管三必须 for a region: which department supervises each industry there. */
export function useRouting(regionCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['routing', regionCode ?? ''],
    queryFn: () => api.get('/routing', { query: { regionCode }, schema: RoutingTable }),
    enabled: enabled && !!regionCode,
    staleTime: 5 * 60_000,
  });
}
