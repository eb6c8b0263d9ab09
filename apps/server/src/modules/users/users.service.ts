import type { z } from 'zod';
import type { CreateUserBody, PasswordPolicy, UpdateUserBody, User, UserListQuery } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import { assertPolicy } from '../../platform/auth/auth.service.js';
import { generatePassword, hashPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import { duplicate, ENTITY, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { RegionsService } from '../regions/index.js';
import { assertRolesFit, userActions } from './users.policy.js';
import type { UserRow, UsersRepository } from './users.repository.js';

export interface UsersDeps {
  db: Database;
  repo: UsersRepository;
  regions: Pick<RegionsService, 'resolve'>;
  sessions: SessionStore;
  audit: AuditWriter;
  passwordPolicy: PasswordPolicy;
  now: () => Date;
}

function present(row: UserRow, actor: SessionUser): User {
  return {
    id: row.id, username: row.username, displayName: row.display_name, phone: row.phone,
    org: { id: row.org_id, name: row.org_name, type: row.org_type, regionCode: row.org_region },
    roles: row.roles, status: row.status, mustChangePassword: row.must_change_password,
    createdAt: row.created_at.toISOString(), actions: userActions(actor, row),
  };
}

export function createUsersService(deps: UsersDeps) {
  const { db, repo, audit, now } = deps;

  async function knownRoles(tx: Tx) {
    return new Map((await repo.roles(tx)).map((r) => [r.key, r]));
  }

  /** Loads a visible user inside the transaction, locked against concurrent changes. */
  async function lockVisible(tx: Tx, actor: SessionUser, id: string): Promise<UserRow> {
    await repo.lock(tx, id);
    const row = await repo.get(id, scopeOf(actor), tx);
    if (!row) throw notFound(ENTITY.user, 'params.id');
    return row;
  }

  async function change(ctx: RequestContext, actor: SessionUser, id: string, action: string, apply: (tx: Tx, row: UserRow) => Promise<Record<string, unknown> | void>) {
    const user = await db.transaction().execute(async (tx) => {
      const row = await lockVisible(tx, actor, id);
      const details = await apply(tx, row);
      await audit.record(tx, ctx, { action, objectType: 'user', objectId: id, result: 'success', statusCode: 200, details: details ?? null });
      return present((await repo.get(id, scopeOf(actor), tx))!, actor);
    });
    // Roles, status or password changed: the user's next request reads its session afresh.
    deps.sessions.forget(id);
    return user;
  }

  function refuseSelf(actor: SessionUser, id: string) {
    if (actor.id === id) throw ruleViolation({ zh: '不能对自己的账户执行此操作', en: 'you cannot do this to your own account' }, 'params.id');
  }

  return {
    async get(actor: SessionUser, id: string): Promise<User> {
      const row = await repo.get(id, scopeOf(actor));
      if (!row) throw notFound(ENTITY.user, 'params.id');
      return present(row, actor);
    },

    async list(actor: SessionUser, query: z.infer<typeof UserListQuery>) {
      const scope = scopeOf(actor);
      const regionCode = query.regionCode === undefined ? undefined : await deps.regions.resolve(query.regionCode, 'query.regionCode', scope);
      const rows = await repo.list(scope, { regionCode, orgId: query.orgId, status: query.status, q: query.q, limit: query.limit, after: decodeCursor(query.cursor, 2) });
      const page = pageOf(rows, query.limit, (r) => [r.username.toLowerCase(), r.id]);
      return { items: page.items.map((r) => present(r, actor)), nextCursor: page.nextCursor };
    },

    async create(ctx: RequestContext, actor: SessionUser, body: z.infer<typeof CreateUserBody>) {
      const org = await repo.orgForUser(body.orgId, scopeOf(actor));
      if (!org) throw notFound(ENTITY.org, 'body.orgId');
      if (body.password !== undefined) assertPolicy(deps.passwordPolicy, body.password, body.username, 'body.password');
      const temporaryPassword = body.password === undefined ? generatePassword() : null;
      const passwordHash = await hashPassword(body.password ?? temporaryPassword!);
      return db.transaction().execute(async (tx) => {
        assertRolesFit(body.roles, await knownRoles(tx), org.type);
        if (await repo.usernameTaken(body.username, tx)) throw duplicate('body.username', body.username);
        const id = await repo.insert(tx, {
          username: body.username, display_name: body.displayName, phone: body.phone ?? null, org_id: org.id,
          password_hash: passwordHash, must_change_password: true,
        });
        await repo.setRoles(tx, id, [...new Set(body.roles)]);
        await audit.record(tx, ctx, { action: 'user.create', objectType: 'user', objectId: id, result: 'success', statusCode: 201, details: { username: body.username, orgId: org.id, roles: body.roles } });
        return { user: present((await repo.get(id, scopeOf(actor), tx))!, actor), temporaryPassword };
      });
    },

    update(ctx: RequestContext, actor: SessionUser, id: string, body: z.infer<typeof UpdateUserBody>) {
      return change(ctx, actor, id, 'user.update', async (tx) => {
        await repo.update(tx, id, { display_name: body.displayName, phone: body.phone }, now());
        return body;
      });
    },

    /** Disabling ends every session of the account in the same transaction. */
    setStatus(ctx: RequestContext, actor: SessionUser, id: string, status: 'active' | 'disabled') {
      refuseSelf(actor, id);
      return change(ctx, actor, id, status === 'disabled' ? 'user.disable' : 'user.enable', async (tx) => {
        await repo.update(tx, id, { status }, now());
        if (status === 'disabled') await deps.sessions.revokeAllFor(tx, id);
      });
    },

    async resetPassword(ctx: RequestContext, actor: SessionUser, id: string) {
      refuseSelf(actor, id);
      const temporaryPassword = generatePassword();
      const hash = await hashPassword(temporaryPassword);
      await change(ctx, actor, id, 'user.reset_password', async (tx) => {
        await repo.update(tx, id, { password_hash: hash, must_change_password: true, password_changed_at: now() }, now());
        await deps.sessions.revokeAllFor(tx, id);
      });
      return { temporaryPassword };
    },

    setRoles(ctx: RequestContext, actor: SessionUser, id: string, roles: string[]) {
      const unique = [...new Set(roles)];
      return change(ctx, actor, id, 'role.assign', async (tx, row) => {
        assertRolesFit(unique, await knownRoles(tx), row.org_type);
        if (actor.id === id && row.roles.includes('security_admin') && !unique.includes('security_admin')) {
          throw ruleViolation({ zh: '不能撤销自己的安全管理员角色', en: 'you cannot remove your own security administrator role' }, 'body.roles');
        }
        await repo.setRoles(tx, id, unique);
        // New permissions take effect on the next request (change() drops the cached session).
        return { from: row.roles, to: unique };
      });
    },

    async roles() {
      return (await repo.roles()).map((r) => ({ key: r.key, nameZh: r.name_zh, nameEn: r.name_en, permissions: r.permissions, audiences: r.audiences, builtin: r.builtin }));
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
