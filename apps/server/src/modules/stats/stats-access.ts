import { subtreePrefix, type Region } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import { forbidden } from '../../platform/errors.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { RegionsService } from '../regions/index.js';

export type StatsRegions = Pick<RegionsService, 'resolve' | 'get' | 'children'>;

/** Code length of a region's children, by the region's level (0 = the country). */
const CHILD_LENGTH = [2, 4, 6, 9, 12] as const;

export interface StatsTarget {
  region: Region;
  prefix: string;
  /** Code length of the sub-regions; null for a village. */
  childLength: number | null;
}

/**
 * The region figures are asked for: the caller's own by default. A region above one's own is
 * visible (the breadcrumb) but its figures are not one's to see — counted within one's scope
 * they would pass off a part as the whole — so it is a 403; a region outside is a 404.
 */
export async function statsTarget(regions: StatsRegions, user: SessionUser, scope: Scope, input: string | undefined, permission: string): Promise<StatsTarget> {
  const code = input === undefined ? user.regionCode : await regions.resolve(input, 'query.regionCode', scope);
  if (!scope.coversRegion(code)) throw forbidden(permission);
  const region = await regions.get(code, scope);
  return { region, prefix: subtreePrefix(region.code), childLength: CHILD_LENGTH[region.level] ?? null };
}
