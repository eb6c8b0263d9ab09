import { z } from 'zod';
import { actions, bilingual, page, pageQuery, regionCode, text } from './common.js';

export const RoleKeyParam = z.string().max(40);

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  org: z.object({ id: z.string(), name: z.string(), type: z.string(), regionCode: z.string() }),
  roles: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  actions,
});
export type User = z.infer<typeof User>;

export const UserPage = page(User);

export const UserListQuery = z.strictObject({
  regionCode: regionCode.optional(),
  orgId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});

export const UserParams = z.strictObject({ id: z.uuid() });

/** What a username may hold; the account form checks the same pattern before sending. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(USERNAME_PATTERN, bilingual('只能包含字母、数字、点、下划线和连字符，且以字母或数字开头', 'may contain only letters, digits, ".", "_" and "-", starting with a letter or digit'));

export const Phone = z.string().trim().regex(/^1\d{10}$/, bilingual('应为 11 位手机号', 'must be an 11-digit mobile number'));

export const CreateUserBody = z.strictObject({
  username: Username,
  displayName: text(50),
  phone: Phone.optional(),
  orgId: z.uuid(),
  roles: z.array(RoleKeyParam).min(1).max(10),
  /** When absent a temporary password is generated and returned once. */
  password: z.string().min(1).max(128).optional(),
});

export const CreateUserResult = z.object({ user: User, temporaryPassword: z.string().nullable() });

export const UpdateUserBody = z.strictObject({
  displayName: text(50).optional(),
  phone: Phone.nullable().optional(),
});

export const SetRolesBody = z.strictObject({ roles: z.array(RoleKeyParam).min(1).max(10) });

export const ResetPasswordResult = z.object({ temporaryPassword: z.string() });

export const Role = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.string()),
  audiences: z.array(z.string()),
  builtin: z.boolean(),
  /** Whether the viewer may grant it (to an account of the organisation asked about, when one is). */
  grantable: z.boolean(),
});
export const RoleList = z.object({ items: z.array(Role) });

export const RoleListQuery = z.strictObject({ orgId: z.uuid().optional() });
