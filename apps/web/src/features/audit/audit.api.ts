import { AuditPage, type AuditQuery } from '@anjian/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type AuditRowData = z.infer<typeof AuditPage>['items'][number];
export type AuditFilters = Omit<z.input<typeof AuditQuery>, 'limit' | 'cursor'>;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api.get('/audit', { query: { ...filters, limit: 50, cursor: pageParam }, schema: AuditPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
