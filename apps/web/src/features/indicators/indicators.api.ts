import { type IndicatorMetric, IndicatorTable } from '@anjian/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type IndicatorTableData = z.infer<typeof IndicatorTable>;
export type IndicatorRowData = IndicatorTableData['rows'][number];
export type IndicatorCellData = IndicatorRowData['items'][number];

export function useIndicatorTable(regionCode: string, year: number) {
  return useQuery({
    queryKey: ['indicators', regionCode, year],
    queryFn: () => api.get('/indicators', { query: { regionCode, year }, schema: IndicatorTable }),
  });
}

/** A cap is set by the level above; the tables and the dashboards' gauges show it at once. */
export function useSetIndicator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { regionCode: string; year: number; metric: IndicatorMetric; cap: number }) =>
      api.put(`/indicators/${input.regionCode}/${input.year}/${input.metric}`, { cap: input.cap }, { schema: IndicatorTable }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['indicators'] });
      void client.invalidateQueries({ queryKey: ['stats'] });
    },
  });
}
