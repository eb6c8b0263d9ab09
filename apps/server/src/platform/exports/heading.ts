import type { SessionUser } from '../http/context.js';
import type { ExportHeading } from './xlsx-export.js';

/** The region path the platform shows everywhere: names from the province down, "/"-joined. */
export type RegionPath = (code: string) => Promise<{ code: string; name: string; level: number }[]>;

/**
 * The heading of an export by `user` over `regionCode` (their own region when none was
 * chosen): the unit is the user's organisation, the scope the region's full path.
 */
export async function exportHeading(path: RegionPath, user: SessionUser, input: {
  title: string; regionCode?: string | null; period: { from?: string | null; to?: string | null } | null; periodBasis?: string; filters?: string[]; now: Date;
}): Promise<ExportHeading & { regionName: string }> {
  // The country (level 0) heads every path and says nothing.
  const regions = (await path(input.regionCode ?? user.regionCode)).filter((r) => r.level > 0);
  const p = input.period;
  return {
    title: input.title,
    unit: user.orgName,
    scope: regions.map((r) => r.name).join('/') || (input.regionCode ?? user.regionCode),
    regionName: regions[regions.length - 1]?.name ?? (input.regionCode ?? user.regionCode),
    period: p && (p.from || p.to) ? `${p.from ?? '起始'} 至 ${p.to ?? '今'}${input.periodBasis ? `（${input.periodBasis}）` : ''}` : null,
    filters: input.filters,
    exportedAt: input.now,
  };
}
