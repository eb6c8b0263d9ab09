import { EnforcementFigures } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type EnforcementData = z.infer<typeof EnforcementFigures>;
export type CoverageRow = EnforcementData['coverage']['byRegion'][number];

/** GET /api/enforcement/figures for the dashboard's region and resolved period (the accident figures' from–to). */
export function useEnforcementFigures(regionCode: string, from: string, to: string) {
  return useQuery({
    queryKey: ['stats', 'enforcement', regionCode, from, to] as const,
    queryFn: () => api.get('/enforcement/figures', { query: { regionCode, from, to }, schema: EnforcementFigures }),
  });
}

/** The inspections list filtered by type: the other end of each by-type card. */
export const inspectionsLink = (type?: string) => (type ? `/inspections?${new URLSearchParams({ type }).toString()}` : '/inspections');
