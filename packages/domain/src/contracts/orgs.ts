import { z } from 'zod';
import { ORG_TYPES } from '../access/org-types.js';
import { actions, page, pageQuery, regionCode, text } from './common.js';
import { IndustryCode } from './industries.js';

export const OrgTypeSchema = z.enum(ORG_TYPES);

export const Org = z.object({
  id: z.string(),
  type: OrgTypeSchema,
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industries: z.array(z.string()),
  status: z.enum(['active', 'inactive']),
  userCount: z.number().int(),
  actions,
});
export type Org = z.infer<typeof Org>;

export const OrgPage = page(Org);

export const OrgListQuery = z.strictObject({
  regionCode: regionCode.optional(),
  /** true: the region's whole subtree; false: organisations sitting on that region only. */
  subtree: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  type: OrgTypeSchema.optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});

export const OrgParams = z.strictObject({ id: z.uuid() });

export const CreateOrgBody = z.strictObject({
  type: OrgTypeSchema,
  name: text(100),
  regionCode,
  industries: z.array(IndustryCode).max(50).default([]),
});

export const UpdateOrgBody = z.strictObject({
  name: text(100).optional(),
  industries: z.array(IndustryCode).max(50).optional(),
  status: z.enum(['active', 'inactive']).optional(),
});
