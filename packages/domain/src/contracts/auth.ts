import { z } from 'zod';
import { text } from './common.js';

export const LoginBody = z.strictObject({
  username: text(64),
  password: z.string().min(1).max(256),
});

export const RegionRef = z.object({ code: z.string(), name: z.string(), level: z.number().int() });

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  org: z.object({ id: z.string(), name: z.string(), type: z.string(), regionCode: z.string() }),
  /** Root first, the organisation's region last: the breadcrumb in the header. */
  regionPath: z.array(RegionRef),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  session: z.object({ idleMinutes: z.number(), expiresAt: z.string().nullable() }),
  /** The policy a new password must meet, so forms can say so before the server refuses. */
  passwordPolicy: z.object({ minLength: z.number(), minClasses: z.number(), forbidUsername: z.boolean() }),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
