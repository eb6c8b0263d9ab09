import { z } from 'zod';
import { AUDIT_FAMILY_KEYS, type AuditFamily } from '../audit/actions.js';
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
  /** The actor's display name, and the object's (a user's, a hazard's title, an enterprise's), when the reader's scope holds them. */
  actorName: z.string().nullable(),
  objectName: z.string().nullable(),
  /** Why it failed: the message the user was shown, or (a refused sign-in) the reason recorded. */
  reason: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditPage = page(AuditRow);

const AuditFilter = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(100).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  regionCode: regionCode.optional(),
  /** An operation family (AUDIT_FAMILIES): all the action prefixes it covers. */
  family: z.enum(AUDIT_FAMILY_KEYS as [AuditFamily, ...AuditFamily[]]).optional(),
};

export const AuditQuery = z.strictObject({ ...AuditFilter, ...pageQuery });
export const AuditExportQuery = z.strictObject(AuditFilter);

/** The answer of 校验哈希链: the verifier's report (the same code as `cli audit:verify`). */
export const AuditVerifyReport = z.object({
  ok: z.boolean(),
  rowsChecked: z.number(),
  firstBroken: z.object({ id: z.string().nullable(), seq: z.string(), reason: z.string() }).nullable(),
  pending: z.number(),
  linkedNow: z.number(),
  checkpoints: z.number(),
  checkpointedThrough: z.string().nullable(),
  checkedAt: z.string(),
});
