import {
  ChecklistDetail, ChecklistSummary, InspectionDetail, InspectionPage, type CreateInspectionBody, type RecordInspectionBody, type SaveResultsBody,
} from '@anjian/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api/client';

export type InspectionData = z.infer<typeof InspectionDetail>;
export type InspectionItem = InspectionData['items'][number];
export type InspectionRow = z.infer<typeof InspectionPage>['items'][number];

const keys = { all: ['inspections'] as const, one: (id: string) => ['inspections', 'one', id] as const };

export function useInspections(filters: Record<string, string | undefined>) {
  return useInfiniteQuery({
    queryKey: ['inspections', 'list', filters],
    queryFn: ({ pageParam }) => api.get('/inspections', { query: { ...filters, limit: 50, cursor: pageParam }, schema: InspectionPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useInspection(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => api.get(`/inspections/${id}`, { schema: InspectionDetail }), staleTime: 0 });
}

export function useChecklists(industryCode?: string) {
  return useQuery({
    queryKey: ['inspection-checklists', industryCode ?? ''],
    queryFn: () => api.get('/inspection-checklists', { query: { industryCode }, schema: z.object({ items: z.array(ChecklistSummary) }) }),
    staleTime: 60_000,
  });
}

export function useChecklist(id: string | undefined) {
  return useQuery({ queryKey: ['inspection-checklists', 'one', id], queryFn: () => api.get(`/inspection-checklists/${id}`, { schema: ChecklistDetail }), enabled: !!id });
}

export function useTeamCandidates() {
  return useQuery({
    queryKey: ['inspection-team-candidates'],
    queryFn: () => api.get('/inspection-team-candidates', { schema: z.object({ items: z.array(z.object({ userId: z.string(), name: z.string() })) }) }),
    staleTime: 60_000,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: keys.all });
    void client.invalidateQueries({ queryKey: ['hazards'] });
  };
}

export function useCreateInspection() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: z.input<typeof CreateInspectionBody>) => api.post('/inspections', body, { schema: InspectionDetail }), onSuccess: refresh });
}

export function useInspectionMutations(id: string) {
  const client = useQueryClient();
  const refresh = useRefresh();
  const done = (data: InspectionData) => {
    client.setQueryData(keys.one(id), data);
    refresh();
  };
  return {
    save: useMutation({ mutationFn: (body: z.input<typeof SaveResultsBody>) => api.put(`/inspections/${id}/results`, body, { schema: InspectionDetail }), onSuccess: done }),
    record: useMutation({ mutationFn: (body: z.input<typeof RecordInspectionBody>) => api.post(`/inspections/${id}/record`, body, { schema: InspectionDetail }), onSuccess: done }),
    archive: useMutation({ mutationFn: () => api.post(`/inspections/${id}/archive`, {}, { schema: InspectionDetail }), onSuccess: done }),
  };
}
