import { CaseDetail, CaseSummary, type CaseAction, type CaseStatus, type DocumentKind } from '@anjian/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api/client';

export type CaseData = z.infer<typeof CaseDetail>;
export type CaseRow = z.infer<typeof CaseSummary>;
export interface CaseFilters { status?: CaseStatus; overdue?: 'true'; q?: string }

const CaseList = z.object({ items: z.array(CaseSummary) });

export function useCases(filters: CaseFilters) {
  return useQuery({ queryKey: ['cases', 'list', filters], queryFn: () => api.get('/cases', { query: { ...filters, limit: 200 }, schema: CaseList }), placeholderData: keepPreviousData });
}

export interface Figures { opened: number; decided: number; overdue: number; finesDecidedFen: number; finesCollectedFen: number; suspended: number; resumed: number; closed: number; blacklisted: number }
export function useFigures() {
  return useQuery({ queryKey: ['cases', 'figures'], queryFn: () => api.get<Figures>('/cases/figures') });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['cases', 'one', id], queryFn: () => api.get(`/cases/${id}`, { schema: CaseDetail }), staleTime: 0 });
}

export function useCaseAct(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: CaseAction; body: object }) => api.post(`/cases/${id}/${action.replaceAll('_', '-')}`, body, { schema: CaseDetail }),
    onSuccess: (c) => {
      client.setQueryData(['cases', 'one', id], c);
      void client.invalidateQueries({ queryKey: ['cases', 'list'] });
      void client.invalidateQueries({ queryKey: ['cases', 'figures'] });
    },
  });
}

export function useGenerateDocument(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: DocumentKind) => api.post(`/cases/${id}/documents`, { kind }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['cases', 'one', id] }),
  });
}

export const documentUrl = (caseId: string, documentId: string) => `/api/cases/${caseId}/documents/${documentId}`;

export interface Resumption { id: string; enterpriseId: string; enterpriseName: string; caseId: string | null; caseNumber: string | null; status: 'applied' | 'accepted' | 'refused'; statement: string; appliedAt: string; items: { item: string; passed: boolean; note?: string }[]; summary: string | null; decidedByName: string | null; decidedAt: string | null; reason: string | null }
export interface Recheck { id: string; enterpriseName: string; caseId: string | null; dueOn: string; due: boolean; checkedOn: string | null; result: string | null; resultLabel: string | null; note: string | null; checkedByName: string | null }
export interface Interview { id: string; enterpriseName: string; orgName: string; heldOn: string; principal: string; attendees: string[]; reasons: string; commitments: string; followUpOn: string; followUpResult: string | null }
export interface BlacklistEntry { id: string; enterpriseId: string; enterpriseName: string; caseId: string; reason: string; legalBasis: string; fromOn: string; toOn: string; issuingLevel: number; issuingOrgName: string; inForce: boolean; removedAt: string | null; removedReason: string | null }

const listOf = <T,>(path: string) => () => api.get<{ items: T[] }>(path).then((r) => r.items);
export const useResumptions = () => useQuery({ queryKey: ['resumptions'], queryFn: listOf<Resumption>('/resumptions') });
export const useRechecks = () => useQuery({ queryKey: ['rechecks'], queryFn: listOf<Recheck>('/closure-rechecks') });
export const useInterviews = () => useQuery({ queryKey: ['interviews'], queryFn: listOf<Interview>('/interviews') });
export const useBlacklist = (active: boolean, enabled = true) => useQuery({ queryKey: ['blacklist', active], queryFn: listOf<BlacklistEntry>(`/blacklist${active ? '?active=true' : ''}`), enabled, staleTime: 60_000 });

/** A POST that refreshes the given lists afterwards. */
export function usePost(keys: string[][]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: object }) => api.post<unknown>(path, body),
    onSuccess: () => { for (const key of keys) void client.invalidateQueries({ queryKey: key }); },
  });
}
