import { z } from 'zod';
import { text } from './common.js';

export const Industry = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
});
export type Industry = z.infer<typeof Industry>;

export const IndustryList = z.object({ items: z.array(Industry) });

export const IndustryCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const CreateIndustryBody = z.strictObject({
  code: IndustryCode,
  nameZh: text(50),
  nameEn: text(100),
  sort: z.number().int().min(0).max(9999).default(0),
});

export const UpdateIndustryBody = z.strictObject({
  nameZh: text(50).optional(),
  nameEn: text(100).optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
});
