import {
  type AccidentAccountabilityBody,
  AccidentDetail,
  type AccidentEscalationBody,
  type AccidentInvestigationBody,
  type AccidentListQuery,
  AccidentPage,
  type AccidentSupplementBody,
  type CreateAccidentBody,
} from '@anjian/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type AccidentRow = z.infer<typeof AccidentPage>['items'][number];
export type AccidentData = z.infer<typeof AccidentDetail>;
export type ClockData = AccidentData['clocks']['initialReport'];
export type FiguresData = AccidentData['figures'];
export type GradeData = AccidentData['grade'];
export type ReportInput = z.input<typeof CreateAccidentBody>;
export type SupplementInput = z.input<typeof AccidentSupplementBody>;
export type EscalationInput = z.input<typeof AccidentEscalationBody>;
export type InvestigationInput = z.input<typeof AccidentInvestigationBody>;
export type AccountabilityInput = z.input<typeof AccidentAccountabilityBody>;

/** The ledger's filters as the query string carries them. */
export type AccidentFilters = Partial<Record<Exclude<keyof z.input<typeof AccidentListQuery>, 'limit' | 'cursor'>, string>>;

export const accidentKeys = {
  all: ['accidents'] as const,
  list: (filters: AccidentFilters) => ['accidents', 'list', filters] as const,
  one: (id: string) => ['accidents', 'one', id] as const,
};

export function useAccidentList(filters: AccidentFilters) {
  return useInfiniteQuery({
    queryKey: accidentKeys.list(filters),
    queryFn: ({ pageParam }) => api.get('/accidents', { query: { ...filters, limit: 50, cursor: pageParam }, schema: AccidentPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAccident(id: string) {
  // Clocks tick: always ask again when the page opens, and refresh every minute while it is open.
  return useQuery({ queryKey: accidentKeys.one(id), queryFn: () => api.get(`/accidents/${id}`, { schema: AccidentDetail }), staleTime: 0, refetchInterval: 60_000 });
}

/**
 * Every change answers with the whole accident: it replaces the cached one, and the lists and
 * statistics (figures, grade, clocks) are refreshed.
 */
function useAccidentMutation<I>(fn: (input: I) => Promise<AccidentData>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (accident) => {
      client.setQueryData(accidentKeys.one(accident.id), accident);
      void client.invalidateQueries({ queryKey: ['accidents', 'list'] });
      void client.invalidateQueries({ queryKey: ['stats'] });
    },
  });
}

export const useReportAccident = () => useAccidentMutation((input: ReportInput) => api.post('/accidents', input, { schema: AccidentDetail }));

export const useSupplement = (id: string) =>
  useAccidentMutation((input: SupplementInput) => api.post(`/accidents/${id}/supplements`, input, { schema: AccidentDetail }));

export const useEscalate = (id: string) =>
  useAccidentMutation((input: EscalationInput) => api.post(`/accidents/${id}/escalations`, input, { schema: AccidentDetail }));

export const useUpdateInvestigation = (id: string) =>
  useAccidentMutation((input: InvestigationInput) => api.put(`/accidents/${id}/investigation`, input, { schema: AccidentDetail }));

export const useAddAccountability = (id: string) =>
  useAccidentMutation((input: AccountabilityInput) => api.post(`/accidents/${id}/accountability`, input, { schema: AccidentDetail }));

export const useCloseInvestigation = (id: string) =>
  useAccidentMutation(() => api.post(`/accidents/${id}/close-investigation`, undefined, { schema: AccidentDetail }));
