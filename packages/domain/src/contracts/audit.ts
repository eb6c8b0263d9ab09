import { z } from 'zod';
import { page, pageQuery, regionCode } from './common.js';

export const AuditRow = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  orgId: z.string().nullable(),
  regionCode: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.string(),
  statusCode: z.number().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.string().nullable(),
  /** Null for the second or so until the chainer links the row. */
  hash: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditPage = page(AuditRow);

export const AuditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(100).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  regionCode: regionCode.optional(),
  ...pageQuery,
});
