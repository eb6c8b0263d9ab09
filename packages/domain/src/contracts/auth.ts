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

/** A one-time activation token (32 random bytes, base64url), carried in the link's fragment. */
export const ActivationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'not an activation token' });

export const ActivationBody = z.strictObject({ token: ActivationToken });

export const ActivateBody = z.strictObject({
  token: ActivationToken,
  newPassword: z.string().min(1).max(256),
});

/** Whose account an activation link opens, shown before its holder chooses a password. */
export const ActivationInfo = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string() }),
  org: z.object({ name: z.string(), regionCode: z.string() }),
  expiresAt: z.string(),
  passwordPolicy: z.object({ minLength: z.number(), minClasses: z.number(), forbidUsername: z.boolean() }),
});
