import { z } from 'zod';
import { regionCode } from './common.js';
import { IndustryCode } from './industries.js';

/** One row of the 三管三必须 table as seen from a region. */
export const RoutingEntry = z.object({
  industryCode: z.string(),
  industryName: z.string(),
  department: z.object({ id: z.string(), name: z.string(), regionCode: z.string() }).nullable(),
  /** Where the route is set: this region (an override) or an ancestor (inherited). */
  definedAt: z.string().nullable(),
  inherited: z.boolean(),
  actions: z.array(z.string()),
});
export type RoutingEntry = z.infer<typeof RoutingEntry>;

export const RoutingTable = z.object({ regionCode: z.string(), items: z.array(RoutingEntry) });

export const RoutingQuery = z.strictObject({ regionCode });

export const RoutingParams = z.strictObject({ regionCode, industryCode: IndustryCode });

export const SetRouteBody = z.strictObject({ departmentId: z.uuid() });
