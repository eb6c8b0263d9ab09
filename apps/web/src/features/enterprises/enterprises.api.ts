import { type CreateEnterpriseBody, Enterprise, EnterpriseImportJob, EnterpriseImportResult, EnterprisePage, type UpdateEnterpriseBody } from '@anjian/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';
import { postFile } from '../hazards/files.api';

export type EnterpriseData = z.infer<typeof Enterprise>;
export type CreateEnterpriseInput = z.input<typeof CreateEnterpriseBody>;
export type UpdateEnterpriseInput = z.input<typeof UpdateEnterpriseBody>;

export interface EnterpriseFilters {
  regionCode?: string;
  industry?: string;
  status?: string;
  q?: string;
}

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (filters: EnterpriseFilters) => ['enterprises', 'list', filters] as const,
  one: (id: string) => ['enterprises', 'one', id] as const,
};

export function useEnterpriseList(filters: EnterpriseFilters) {
  return useInfiniteQuery({
    queryKey: enterpriseKeys.list(filters),
    queryFn: ({ pageParam }) => api.get('/enterprises', { query: { ...filters, limit: 50, cursor: pageParam }, schema: EnterprisePage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.one(id ?? ''),
    queryFn: () => api.get(`/enterprises/${id}`, { schema: Enterprise }),
    enabled: !!id,
  });
}

function useEnterpriseMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: enterpriseKeys.all });
      // Enterprises are organisations too (pickers list them).
      void client.invalidateQueries({ queryKey: ['orgs'] });
    },
  });
}

export const useCreateEnterprise = () =>
  useEnterpriseMutation((body: CreateEnterpriseInput) => api.post('/enterprises', body, { schema: Enterprise }));

export const useUpdateEnterprise = () =>
  useEnterpriseMutation((input: { id: string; patch: UpdateEnterpriseInput }) => api.patch(`/enterprises/${input.id}`, input.patch, { schema: Enterprise }));

export const useSetEnterpriseStatus = () =>
  useEnterpriseMutation((input: { id: string; status: EnterpriseData['status']; reason: string }) =>
    api.post(`/enterprises/${input.id}/status`, { status: input.status, reason: input.reason }, { schema: Enterprise }));

export const useImportEnterprises = () =>
  useEnterpriseMutation(async (file: File) => EnterpriseImportResult.parse(await postFile('/enterprises/import', file)));

export type ImportJob = z.infer<typeof EnterpriseImportJob>;

/** Starts the import as a job (answers at once); the dialog then polls it. */
export const startImportJob = async (file: File): Promise<ImportJob> => EnterpriseImportJob.parse(await postFile('/enterprises/import-jobs', file));

/**
 * The job's progress, every 700 ms until it ends. A refused import answers the poll with its
 * own error (the query's error); a finished one refreshes the lists.
 */
export function useImportJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['enterprises', 'import-job', id],
    enabled: id !== null,
    retry: false,
    queryFn: async () => {
      const job = await api.get(`/enterprises/import-jobs/${id}`, { schema: EnterpriseImportJob });
      if (job.phase === 'done') {
        void client.invalidateQueries({ queryKey: enterpriseKeys.all });
        void client.invalidateQueries({ queryKey: ['orgs'] });
      }
      return job;
    },
    refetchInterval: (q) => (q.state.error || q.state.data?.phase === 'done' ? false : 700),
  });
}
