import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { regionFilter, type Scope } from '../../platform/access/scope.js';
import { ORG } from '../orgs/index.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  /** SM4 ciphertext; the service decrypts it for those who may read the account. */
  phone_enc: string | null;
  status: 'active' | 'disabled';
  must_change_password: boolean;
  created_at: Date;
  org_id: string;
  org_name: string;
  org_type: string;
  org_region: string;
  roles: string[];
}

export interface UserFilter {
  regionCode?: string;
  orgId?: string;
  status?: 'active' | 'disabled';
  q?: string;
  /** The blind indexes of `q` when it is a phone number: the search then matches the account's phone too. */
  phoneIndexes?: string[];
  after: (string | number | null)[] | null;
  limit: number;
}

export function createUsersRepository(db: Executor) {
  // An account is seen where its organisation is.
  const visible = (scope: Scope) => scope.where(ORG);

  const base = (ex: Executor) =>
    ex
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select([
        'u.id', 'u.username', 'u.display_name', 'u.phone_enc', 'u.status', 'u.must_change_password', 'u.created_at',
        'o.id as org_id', 'o.name as org_name', 'o.type as org_type', 'o.region_code as org_region',
        sql<string[]>`array(select ur.role_key from user_roles ur where ur.user_id = u.id order by ur.role_key)`.as('roles'),
      ]);

  return {
    async get(id: string, scope: Scope, ex: Executor = db): Promise<UserRow | null> {
      return (await base(ex).where('u.id', '=', id).where(visible(scope)).executeTakeFirst()) ?? null;
    },

    async list(scope: Scope, f: UserFilter): Promise<UserRow[]> {
      let q = base(db).where(visible(scope));
      if (f.regionCode !== undefined) q = q.where(regionFilter('o.region_code', f.regionCode));
      if (f.orgId) q = q.where('o.id', '=', f.orgId);
      if (f.status) q = q.where('u.status', '=', f.status);
      if (f.q) {
        const pattern = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        const phones = f.phoneIndexes ?? [];
        q = q.where((eb) => eb.or([
          eb('u.username', 'ilike', pattern), eb('u.display_name', 'like', pattern),
          ...(phones.length ? [eb('u.phone_bidx', 'in', phones)] : []),
        ]));
      }
      if (f.after) {
        const [username, id] = f.after as [string, string];
        q = q.where(sql<boolean>`(lower(u.username), u.id) > (${username}, ${id}::uuid)`);
      }
      return q.orderBy(sql`lower(u.username)`).orderBy('u.id').limit(f.limit + 1).execute();
    },

    async orgForUser(orgId: string, scope: Scope, ex: Executor = db): Promise<{ id: string; type: string; region_code: string } | undefined> {
      return ex.selectFrom('orgs as o').select(['o.id', 'o.type', 'o.region_code']).where('o.id', '=', orgId).where(visible(scope)).executeTakeFirst();
    },

    async usernameTaken(username: string, ex: Executor = db): Promise<boolean> {
      const row = await ex.selectFrom('users').select('id').where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
      return row !== undefined;
    },

    async insert(tx: Executor, row: { username: string; display_name: string; phone_enc: string | null; phone_bidx: string | null; org_id: string; password_hash: string; must_change_password: boolean }): Promise<string> {
      const { id } = await tx.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    async update(tx: Executor, id: string, patch: { display_name?: string; phone_enc?: string | null; phone_bidx?: string | null; status?: 'active' | 'disabled'; password_hash?: string; must_change_password?: boolean; password_changed_at?: Date }, now: Date) {
      await tx.updateTable('users').set({ ...patch, updated_at: now }).where('id', '=', id).execute();
    },

    async setRoles(tx: Executor, userId: string, roles: string[]): Promise<void> {
      await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
      if (roles.length) await tx.insertInto('user_roles').values(roles.map((role_key) => ({ user_id: userId, role_key }))).execute();
    },

    async lock(tx: Executor, id: string): Promise<void> {
      await tx.selectFrom('users').select('id').where('id', '=', id).forUpdate().execute();
    },

    async roles(ex: Executor = db) {
      return ex.selectFrom('roles').selectAll().orderBy('key').execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
