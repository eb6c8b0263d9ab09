import type { Generated } from 'kysely';

export interface RolesTable {
  key: string;
  name_zh: string;
  name_en: string;
  permissions: string[];
  audiences: string[];
  builtin: Generated<boolean>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  phone: string | null;
  org_id: string;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  must_change_password: Generated<boolean>;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserRolesTable {
  user_id: string;
  role_key: string;
}
