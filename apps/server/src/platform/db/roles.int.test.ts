import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { asApp, asOwner, dropDatabase, TEST_ROLE_PASSWORDS, withDatabase } from '../../test/databases.js';
import { createDatabase } from './database.js';
import { freePort } from './embedded-postgres.js';
import { migrateDown, migrateToLatest } from './migrate.js';
import { APP_ROLE, OWNER_ROLE, passwordIn, prepareEmbeddedRoles, rolePasswordFiles, roleUrl, unsafeAppConnection } from './roles.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

/** The two roles the platform connects as (issue 9): what the application role may and may not do. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function asRole<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('the application role', () => {
  it('is an ordinary role that owns nothing and belongs to no other', async () => {
    const { rows: [role] } = await sql<Record<string, boolean>>`
      select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication, rolcanlogin from pg_roles where rolname = ${APP_ROLE}`.execute(t.db);
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false, rolcanlogin: true });
    const { rows: [owned] } = await sql<{ n: number }>`
      select (select count(*) from pg_class where relowner = r.oid) + (select count(*) from pg_proc where proowner = r.oid)
        + (select count(*) from pg_type where typowner = r.oid) + (select count(*) from pg_namespace where nspowner = r.oid) as n
      from pg_roles r where r.rolname = ${APP_ROLE}`.execute(t.db);
    expect(Number(owned!.n)).toBe(0);
    const { rows: member } = await sql`select 1 from pg_auth_members m join pg_roles u on u.oid = m.member where u.rolname = ${APP_ROLE}`.execute(t.db);
    expect(member).toEqual([]);
    // Every table in the schema is the owner's.
    const { rows: tables } = await sql<{ owner: string }>`select distinct pg_get_userbyid(relowner) as owner from pg_class where relnamespace = 'public'::regnamespace`.execute(t.db);
    expect(tables).toEqual([{ owner: OWNER_ROLE }]);
  });

  it('creates no tables, takes no other role, and cannot touch the migrator\'s records', async () => {
    await asRole(t.databaseUrl, async (c) => {
      await expect(c.query('create table mine (id int)')).rejects.toThrow(/permission denied for schema public/);
      await expect(c.query(`set role ${OWNER_ROLE}`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`delete from kysely_migration`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`select * from kysely_migration_lock`)).rejects.toThrow(/permission denied/);
      expect((await c.query('select count(*)::int as n from kysely_migration')).rows[0].n).toBeGreaterThan(10);
      // Temporary tables (the region import's staging) are its own, and gone with the session.
      await c.query('create temp table staging (id int)');
    });
  });

  it('may use every table the owner creates later (default privileges), but not truncate it', async () => {
    await asRole(t.ownerDatabaseUrl, (c) => c.query('create table later_table (id bigint generated always as identity, note text)'));
    try {
      await asRole(t.databaseUrl, async (c) => {
        await c.query(`insert into later_table (note) values ('x')`);
        await c.query(`update later_table set note = 'y'`);
        expect((await c.query('select note from later_table')).rows).toEqual([{ note: 'y' }]);
        await c.query('delete from later_table');
        await expect(c.query('truncate later_table')).rejects.toThrow(/permission denied/);
        await expect(c.query('alter table later_table add column z int')).rejects.toThrow(/must be owner/);
      });
    } finally {
      await asRole(t.ownerDatabaseUrl, (c) => c.query('drop table later_table'));
    }
  });

  it('is the only caller of the import\'s owner functions besides the owner', async () => {
    const { rows } = await sql<{ name: string; app: boolean; public: boolean; definer: boolean; owner: string }>`
      select p.proname as name, has_function_privilege(${APP_ROLE}, p.oid, 'execute') as app,
        exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0) as public, p.prosecdef as definer, pg_get_userbyid(p.proowner) as owner
      from pg_proc p where p.proname like 'hazards_import_%' order by 1`.execute(t.db);
    expect(rows).toEqual(['hazards_import_batch', 'hazards_import_begin'].map((name) => ({ name, app: true, public: false, definer: true, owner: OWNER_ROLE })));
  });
});

describe('starting the server', () => {
  it('refuses a connection that is a superuser or the owner, and takes the application role', async () => {
    expect(await unsafeAppConnection(t.adminDatabaseUrl)).toMatch(/^the database connection's role "[^"]+" is a superuser, so the audit log could be altered through it: connect as the application role \(README, "Database roles"\) or set ANJIAN_INSECURE_DB_ROLE=1 to run anyway$/);
    expect(await unsafeAppConnection(t.ownerDatabaseUrl)).toMatch(/role "anjian_owner" owns the audit log/);
    expect(await unsafeAppConnection(t.databaseUrl)).toBeNull();
    // Nor one that was merely given the power to start a replication session, or to create roles.
    const role = `anjian_probe_${process.pid}`;
    await asRole(t.adminDatabaseUrl, (c) => c.query(`create role ${role} login password 'probe-2026'; grant set on parameter session_replication_role to ${role}`));
    try {
      const url = roleUrl(t.databaseUrl, role, 'probe-2026');
      expect(await unsafeAppConnection(url)).toMatch(/role "anjian_probe_\d+" may set session_replication_role/);
      await asRole(t.adminDatabaseUrl, (c) => c.query(`revoke set on parameter session_replication_role from ${role}; alter role ${role} createrole`));
      expect(await unsafeAppConnection(url)).toMatch(/may create roles/);
    } finally {
      await asRole(t.adminDatabaseUrl, (c) => c.query(`drop role ${role}`));
    }
  });

  it('says so in one sentence, without a stack: over a superuser, and over a schema it may not migrate', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-refuse-'));
    const start = async (env: Record<string, string>) => {
      const res = await run('node', ['--import', 'tsx', 'apps/server/src/main.ts'], { cwd: repoRoot, env: { ...process.env, ANJIAN_DATA_DIR: dir, PORT: String(await freePort()), ...env } })
        .then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
      return { ...res, lines: res.stderr.split('\n').filter((l) => l.trim() !== '') };
    };
    const empty = `anjian_empty_${process.pid}`;
    await asRole(t.adminDatabaseUrl, (c) => c.query(`create database ${empty} owner ${OWNER_ROLE}`));
    try {
      const superuser = await start({ DATABASE_URL: t.adminDatabaseUrl });
      expect(superuser.code).toBe(1);
      expect(superuser.lines).toEqual([expect.stringMatching(/^\[anjian\] refusing to start: the database connection's role "[^"]+" is a superuser/)]);
      const unmigrated = await start({ DATABASE_URL: asApp(withDatabase(t.adminDatabaseUrl, empty)) });
      expect(unmigrated.code).toBe(1);
      expect(unmigrated.lines).toEqual([expect.stringMatching(/^\[anjian\] refusing to start: the database needs \d+ migration\(s\) .* and DATABASE_OWNER_URL is not set/)]);
    } finally {
      await dropDatabase(t.adminDatabaseUrl, empty);
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('an installation from before the roles (its schema the superuser\'s)', () => {
  it('is handed to the owner at start, database and every object, and then migrates and serves as before', async () => {
    const name = `anjian_old_${process.pid}`;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-old-'));
    await asRole(t.adminDatabaseUrl, (c) => c.query(`create database ${name}`));
    const superuser = createDatabase(withDatabase(t.adminDatabaseUrl, name), { max: 1 });
    try {
      // Migrated by the superuser up to the last migration before the roles, as every installation was.
      await migrateToLatest(superuser.db);
      const applied = async () => (await sql<{ name: string }>`select name from kysely_migration`.execute(superuser.db)).rows.map((r) => r.name);
      while ((await applied()).some((m) => m.includes('_0012a_'))) await migrateDown(superuser.db);
      await superuser.close();
      // The embedded server's start: roles (their passwords from the data directory), then the hand-over.
      await fs.writeFile(rolePasswordFiles(dir).owner, TEST_ROLE_PASSWORDS.owner, { mode: 0o600 });
      await fs.writeFile(rolePasswordFiles(dir).app, TEST_ROLE_PASSWORDS.app, { mode: 0o600 });
      const urls = await prepareEmbeddedRoles(t.adminDatabaseUrl, dir, name);
      expect(urls).toEqual({ ownerUrl: asOwner(withDatabase(t.adminDatabaseUrl, name)), appUrl: asApp(withDatabase(t.adminDatabaseUrl, name)) });
      const owner = createDatabase(urls.ownerUrl, { max: 1 });
      try {
        const { rows } = await sql<{ kind: string; owner: string }>`
          select 'relation' as kind, pg_get_userbyid(relowner) as owner from pg_class where relnamespace = 'public'::regnamespace
          union select 'function', pg_get_userbyid(proowner) from pg_proc where pronamespace = 'public'::regnamespace
          union select 'database', pg_get_userbyid(datdba) from pg_database where datname = current_database()`.execute(owner.db);
        expect(rows.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
          { kind: 'database', owner: OWNER_ROLE }, { kind: 'function', owner: OWNER_ROLE }, { kind: 'relation', owner: OWNER_ROLE },
        ]);
        expect((await migrateToLatest(owner.db)).length).toBeGreaterThanOrEqual(3);
      } finally {
        await owner.close();
      }
      expect(await unsafeAppConnection(urls.appUrl)).toBeNull();
      await asRole(urls.appUrl, (c) => c.query(`insert into audit_log (at, action, result, algorithm) values (now(), 'test.after_upgrade', 'success', 'sm3')`));
      // Idempotent: a second start changes nothing.
      await prepareEmbeddedRoles(t.adminDatabaseUrl, dir, name);
    } finally {
      await superuser.close().catch(() => {});
      await dropDatabase(t.adminDatabaseUrl, name);
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps each role\'s password in a 0600 file, written once', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-pw-'));
    try {
      const file = path.join(dir, 'pg-app-password');
      const first = await passwordIn(file);
      expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      expect(await passwordIn(file)).toBe(first);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
