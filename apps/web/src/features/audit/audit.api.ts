import { AuditPage, AuditVerifyReport, type AuditQuery } from '@anjian/domain';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';
import { downloadFromApi } from '../dashboard/download';

export type AuditRowData = z.infer<typeof AuditPage>['items'][number];
export type AuditFilters = Omit<z.input<typeof AuditQuery>, 'limit' | 'cursor'>;
export type VerifyReportData = z.infer<typeof AuditVerifyReport>;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api.get('/audit', { query: { ...filters, limit: 50, cursor: pageParam }, schema: AuditPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The filtered log as .xlsx, named by the server (审计日志_<unit>_<date>.xlsx). */
export const exportAuditLog = (filters: AuditFilters) => downloadFromApi('/audit/export', { ...filters }, 'audit.xlsx');

/** 校验哈希链: the server links what is pending and recomputes the whole chain. */
export function useVerifyChain() {
  const client = useQueryClient();
  // The check is itself audited: the list shows its row once it is done.
  return useMutation({ mutationFn: () => api.post('/audit/verify', undefined, { schema: AuditVerifyReport }), onSuccess: () => void client.invalidateQueries({ queryKey: ['audit'] }) });
}
