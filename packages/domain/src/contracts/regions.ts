import { z } from 'zod';
import { regionCode } from './common.js';

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
});
export type Region = z.infer<typeof Region>;

export const RegionParams = z.strictObject({ code: regionCode });

export const RegionList = z.object({ items: z.array(Region) });

export const RegionSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const RegionSearchHit = Region.extend({ path: z.string() });
export const RegionSearchResult = z.object({ items: z.array(RegionSearchHit) });

export const ImportVillagesBody = z.strictObject({ provinceCode: regionCode });
export const ImportVillagesResult = z.object({ provinceCode: z.string(), villages: z.number().int(), millis: z.number() });
