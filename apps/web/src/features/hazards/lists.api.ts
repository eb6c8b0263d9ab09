import { HazardListPage, ReviewDraw, ReviewDrawList, type DrawReviewBody } from '@anjian/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type ListName = z.infer<typeof HazardListPage>['list'];
export type ListRow = z.infer<typeof HazardListPage>['rows'][number];
export type DrawData = z.infer<typeof ReviewDraw>;
export type DrawInput = z.input<typeof DrawReviewBody>;

export interface ListFilters {
  regionCode?: string;
  from?: string;
  to?: string;
}

export function useHazardList(list: ListName, filters: ListFilters) {
  return useInfiniteQuery({
    queryKey: ['hazard-lists', list, filters],
    queryFn: ({ pageParam }) => api.get(`/hazard-lists/${list}`, { query: { ...filters, limit: 100, cursor: pageParam }, schema: HazardListPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDraws() {
  return useQuery({ queryKey: ['hazard-reviews'], queryFn: () => api.get('/hazard-reviews', { schema: ReviewDrawList }) });
}

export function useDraw(id: string | undefined) {
  return useQuery({ queryKey: ['hazard-reviews', id], queryFn: () => api.get(`/hazard-reviews/${id}`, { schema: ReviewDraw }), enabled: !!id });
}

export function useDrawSample() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DrawInput) => api.post('/hazard-reviews', body, { schema: ReviewDraw }),
    onSuccess: (draw) => {
      client.setQueryData(['hazard-reviews', draw.id], draw);
      void client.invalidateQueries({ queryKey: ['hazard-reviews'], exact: true });
    },
  });
}
