import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/**
 * The two database roles the platform uses (issue 9):
 *
 *   anjian_owner  owns the schema; migrations run as it. Never used to serve requests.
 *   anjian_app    what the server connects as: ordinary (no superuser, createrole, createdb,
 *                 bypassrls, replication), owns nothing, so it can neither disable a trigger
 *                 nor set session_replication_role; the privileges it has are granted in one
 *                 migration (db/migrations/2026_12_07_0012a_roles.ts), the audit log's narrowly.
 *
 * The names are fixed: the grants migration names anjian_app. With the embedded server the
 * platform creates both from the superuser at every start (passwords generated once, kept
 * 0600 beside pg-password); for an external server the README gives the SQL.
 */
export const OWNER_ROLE = 'anjian_owner';
export const APP_ROLE = 'anjian_app';

const ATTRIBUTES = 'login nosuperuser nocreaterole nocreatedb nobypassrls noreplication';

export interface RolePasswords { owner: string; app: string }

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `url` with another user and password (and database, when given). */
export function roleUrl(url: string, user: string, password: string, database?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates the two roles (cluster-wide) or brings existing ones back to their attributes and
 * the given passwords. Idempotent; needs a superuser connection.
 */
export async function ensureRoles(superUrl: string, passwords: RolePasswords): Promise<void> {
  await withClient(superUrl, async (c) => {
    // Roles are cluster-wide: two processes preparing them at once take turns.
    await c.query(`select pg_advisory_lock(hashtext('anjian.roles'))`);
    for (const [role, password] of [[OWNER_ROLE, passwords.owner], [APP_ROLE, passwords.app]] as const) {
      const exists = (await c.query('select 1 from pg_roles where rolname = $1', [role])).rowCount! > 0;
      if (!exists) {
        try {
          await c.query(`create role ${role} ${ATTRIBUTES}`);
        } catch (error) {
          // Another process created it meanwhile (cluster-wide: test runs, two starts).
          if ((error as { code?: string }).code !== '42710') throw error;
        }
      }
      await c.query(`alter role ${role} ${ATTRIBUTES} password ${c.escapeLiteral(password)}`);
    }
    // The owner's one power beyond its tables: the bulk import's function (owned by it) inserts
    // as a replica, skipping the per-row foreign-key checks it has made once per value itself
    // (migration 0012a_hazards_bulk_log). PostgreSQL 15+; the application role never gets it.
    if (Number((await c.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]!.v) >= 150000) {
      await c.query(`grant set on parameter session_replication_role to ${OWNER_ROLE}`);
    }
    // Membership would hand the owner's powers to the app: none, in either direction.
    const members = await c.query(`select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member
      where (r.rolname = $1 and u.rolname = $2) or (r.rolname = $2 and u.rolname = $1)`, [OWNER_ROLE, APP_ROLE]);
    if (members.rowCount) await c.query(`revoke ${OWNER_ROLE} from ${APP_ROLE}; revoke ${APP_ROLE} from ${OWNER_ROLE}`);
  });
}

/**
 * Hands database `url` and everything in its public schema to the owner role: a database
 * created, or migrated, by the superuser (every installation before issue 9) becomes one the
 * owner can migrate. REASSIGN OWNED cannot take objects from the bootstrap superuser (it owns
 * the system catalogs too), so each object is moved by itself. Idempotent.
 */
export async function adoptDatabase(superUrl: string, database: string): Promise<void> {
  const url = new URL(superUrl);
  url.pathname = `/${database}`;
  await withClient(url.toString(), async (c) => {
    await c.query(`alter database ${c.escapeIdentifier(database)} owner to ${OWNER_ROLE}`);
    await c.query(`do $$
      declare o record;
      begin
        for o in
          select format('alter %s %s owner to ${OWNER_ROLE}', case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, c.oid::regclass) as stmt
          from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
            and c.relowner <> '${OWNER_ROLE}'::regrole
            -- A sequence owned by a column moves with its table.
            and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')))
          union all
          select format('alter %s %s owner to ${OWNER_ROLE}', case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, p.oid::regprocedure)
          from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proowner <> '${OWNER_ROLE}'::regrole
          union all
          select format('alter type %s owner to ${OWNER_ROLE}', t.oid::regtype)
          from pg_type t where t.typnamespace = 'public'::regnamespace and t.typowner <> '${OWNER_ROLE}'::regrole
            and t.typtype in ('e', 'd', 'c', 'r', 'm') and (t.typrelid = 0 or (select relkind from pg_class where oid = t.typrelid) = 'c')
        loop
          execute o.stmt;
        end loop;
      end $$`);
  });
}

/** Reads `file`, or writes a fresh password there (0600) when it does not exist yet. */
export async function passwordIn(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const password = crypto.randomBytes(24).toString('base64url');
    await fs.writeFile(file, password, { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    return (await fs.readFile(file, 'utf8')).trim();
  }
}

export const rolePasswordFiles = (dataDir: string) => ({
  owner: path.join(dataDir, 'pg-owner-password'),
  app: path.join(dataDir, 'pg-app-password'),
});

export interface RoleUrls { ownerUrl: string; appUrl: string }

/**
 * The embedded server's roles: created (or repaired) from the superuser, the database handed
 * to the owner, and the URLs of both roles on `database`.
 */
export async function prepareEmbeddedRoles(superUrl: string, dataDir: string, database: string): Promise<RoleUrls> {
  const files = rolePasswordFiles(dataDir);
  const passwords = { owner: await passwordIn(files.owner), app: await passwordIn(files.app) };
  await ensureRoles(superUrl, passwords);
  await adoptDatabase(superUrl, database);
  return { ownerUrl: roleUrl(superUrl, OWNER_ROLE, passwords.owner, database), appUrl: roleUrl(superUrl, APP_ROLE, passwords.app, database) };
}

/** The role URLs of a running embedded server (for CLI tools), from the password files. */
export async function embeddedRoleUrls(superUrl: string, dataDir: string, database: string): Promise<RoleUrls | null> {
  const files = rolePasswordFiles(dataDir);
  const read = (file: string) => fs.readFile(file, 'utf8').then((s) => s.trim(), () => null);
  const [owner, app] = [await read(files.owner), await read(files.app)];
  if (!owner || !app) return null;
  return { ownerUrl: roleUrl(superUrl, OWNER_ROLE, owner, database), appUrl: roleUrl(superUrl, APP_ROLE, app, database) };
}

/**
 * Why the server must not serve over `url`, in one sentence, or null when it may: a
 * connection that is a superuser, can create roles, can set session_replication_role, or owns
 * (is a member of the owner of) the audit log could switch the audit log's protection off.
 */
export async function unsafeAppConnection(url: string): Promise<string | null> {
  return withClient(url, async (c) => {
    const version = Number((await c.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]!.v);
    const { rows: [r] } = await c.query<{ user: string; superuser: boolean; createrole: boolean; owner: boolean; replication: boolean }>(`
      select current_user as user, r.rolsuper as superuser, r.rolcreaterole as createrole,
        coalesce((select pg_has_role(current_user, c.relowner, 'MEMBER') from pg_class c where c.oid = to_regclass('public.audit_log')), false)
          or coalesce((select pg_has_role(current_user, o.oid, 'MEMBER') from pg_roles o where o.rolname = $1), false) as owner,
        ${version >= 150000 ? `has_parameter_privilege('session_replication_role', 'SET')` : 'false'} as replication
      from pg_roles r where r.rolname = current_user`, [OWNER_ROLE]);
    const why = r!.superuser ? 'is a superuser'
      : r!.owner ? 'owns the audit log'
        : r!.createrole ? 'may create roles'
          : r!.replication ? 'may set session_replication_role'
            : null;
    return why && `the database connection's role "${r!.user}" ${why}, so the audit log could be altered through it: connect as the application role (README, "Database roles") or set ANJIAN_INSECURE_DB_ROLE=1 to run anyway`;
  });
}

/** A start the platform refuses, for a reason one sentence states (main.ts prints it without a stack). */
export class StartRefused extends Error {}
