import type { z } from 'zod';
import { roleFitsOrg, roleGrantRefusal, type CreateUserBody, type OrgType, type PasswordPolicy, type UpdateUserBody, type User, type UserListQuery } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import { assertPolicy } from '../../platform/auth/auth.service.js';
import { generatePassword, hashPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import { duplicate, ENTITY, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import type { RegionsService } from '../regions/index.js';
import { assertMayGrant, assertMayManage, assertRolesFit, grantRefusal, userActions } from './users.policy.js';
import type { UserRow, UsersRepository } from './users.repository.js';

export interface UsersDeps {
  db: Database;
  repo: UsersRepository;
  regions: Pick<RegionsService, 'resolve'>;
  sessions: SessionStore;
  audit: AuditWriter;
  passwordPolicy: PasswordPolicy;
  pii: PiiCipher;
  now: () => Date;
}

/** The column context of a user's phone ciphertext and blind index (platform/secrets/pii.ts). */
export const PHONE_CONTEXT = 'users.phone';

function present(row: UserRow, actor: SessionUser, pii: PiiCipher): User {
  return {
    id: row.id, username: row.username, displayName: row.display_name, phone: pii.decryptOrNull(row.phone_enc, PHONE_CONTEXT),
    org: { id: row.org_id, name: row.org_name, type: row.org_type, regionCode: row.org_region },
    roles: row.roles, status: row.status, mustChangePassword: row.must_change_password,
    createdAt: row.created_at.toISOString(), actions: userActions(actor, row),
  };
}

export function createUsersService(deps: UsersDeps) {
  const { db, repo, audit, now, pii } = deps;
  const show = (row: UserRow, actor: SessionUser) => present(row, actor, pii);
  /** The phone as stored: ciphertext and blind index (null clears both). */
  const phoneColumns = (phone: string | null) => ({ phone_enc: pii.encryptOrNull(phone, PHONE_CONTEXT), phone_bidx: phone === null ? null : pii.blindIndex(phone, PHONE_CONTEXT) });

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
      return show((await repo.get(id, scopeOf(actor), tx))!, actor);
    });
    // Roles, status or password changed: the user's next request reads its session afresh.
    deps.sessions.forget(id);
    return user;
  }

  return {
    async get(actor: SessionUser, id: string): Promise<User> {
      const row = await repo.get(id, scopeOf(actor));
      if (!row) throw notFound(ENTITY.user, 'params.id');
      return show(row, actor);
    },

    async list(actor: SessionUser, query: z.infer<typeof UserListQuery>) {
      const scope = scopeOf(actor);
      const regionCode = query.regionCode === undefined ? undefined : await deps.regions.resolve(query.regionCode, 'query.regionCode', scope);
      // A phone is stored encrypted: it is found by its blind index, never by a LIKE.
      const phoneIndexes = query.q && /^1\d{10}$/.test(query.q) ? pii.blindIndexes(query.q, PHONE_CONTEXT) : undefined;
      const rows = await repo.list(scope, { regionCode, orgId: query.orgId, status: query.status, q: query.q, phoneIndexes, limit: query.limit, after: decodeCursor(query.cursor, 2) });
      const page = pageOf(rows, query.limit, (r) => [r.username.toLowerCase(), r.id]);
      return { items: page.items.map((r) => show(r, actor)), nextCursor: page.nextCursor };
    },

    async create(ctx: RequestContext, actor: SessionUser, body: z.infer<typeof CreateUserBody>) {
      const org = await repo.orgForUser(body.orgId, scopeOf(actor));
      if (!org) throw notFound(ENTITY.org, 'body.orgId');
      if (body.password !== undefined) assertPolicy(deps.passwordPolicy, body.password, body.username, 'body.password');
      const temporaryPassword = body.password === undefined ? generatePassword() : null;
      const passwordHash = await hashPassword(body.password ?? temporaryPassword!);
      return db.transaction().execute(async (tx) => {
        assertRolesFit(body.roles, await knownRoles(tx), org.type);
        assertMayGrant(actor, body.roles, org.region_code);
        if (await repo.usernameTaken(body.username, tx)) throw duplicate('body.username', body.username);
        const id = await repo.insert(tx, {
          username: body.username, display_name: body.displayName, ...phoneColumns(body.phone ?? null), org_id: org.id,
          password_hash: passwordHash, must_change_password: true,
        });
        await repo.setRoles(tx, id, [...new Set(body.roles)]);
        await audit.record(tx, ctx, { action: 'user.create', objectType: 'user', objectId: id, result: 'success', statusCode: 201, details: { username: body.username, orgId: org.id, roles: body.roles, phone: body.phone !== undefined } });
        return { user: show((await repo.get(id, scopeOf(actor), tx))!, actor), temporaryPassword };
      });
    },

    update(ctx: RequestContext, actor: SessionUser, id: string, body: z.infer<typeof UpdateUserBody>) {
      return change(ctx, actor, id, 'user.update', async (tx, row) => {
        assertMayManage(actor, row, true);
        await repo.update(tx, id, { display_name: body.displayName, ...(body.phone === undefined ? {} : phoneColumns(body.phone)) }, now());
        // The audit log says that the phone changed, never the number (it is personal data).
        return { displayName: body.displayName, phoneChanged: body.phone !== undefined };
      });
    },

    /** Disabling ends every session of the account in the same transaction. */
    setStatus(ctx: RequestContext, actor: SessionUser, id: string, status: 'active' | 'disabled') {
      return change(ctx, actor, id, status === 'disabled' ? 'user.disable' : 'user.enable', async (tx, row) => {
        assertMayManage(actor, row);
        await repo.update(tx, id, { status }, now());
        if (status === 'disabled') await deps.sessions.revokeAllFor(tx, id);
      });
    },

    async resetPassword(ctx: RequestContext, actor: SessionUser, id: string) {
      const temporaryPassword = generatePassword();
      const hash = await hashPassword(temporaryPassword);
      await change(ctx, actor, id, 'user.reset_password', async (tx, row) => {
        assertMayManage(actor, row);
        await repo.update(tx, id, { password_hash: hash, must_change_password: true, password_changed_at: now() }, now());
        await deps.sessions.revokeAllFor(tx, id);
      });
      return { temporaryPassword };
    },

    setRoles(ctx: RequestContext, actor: SessionUser, id: string, roles: string[]) {
      const unique = [...new Set(roles)];
      return change(ctx, actor, id, 'role.assign', async (tx, row) => {
        // No account changes its own roles; none touches an out-of-band administrator or a peer.
        assertMayManage(actor, row);
        assertRolesFit(unique, await knownRoles(tx), row.org_type);
        assertMayGrant(actor, unique, row.org_region);
        await repo.setRoles(tx, id, unique);
        // New permissions take effect on the next request (change() drops the cached session).
        return { from: row.roles, to: unique };
      });
    },

    /**
     * Every role, and whether the actor may grant it: to an account of `orgId` when given
     * (the role must suit the organisation, and a security administrator's must lie below the
     * actor's region), else anywhere. The account screens offer exactly the grantable ones.
     */
    async roles(actor: SessionUser, orgId?: string) {
      const org = orgId === undefined ? null : await repo.orgForUser(orgId, scopeOf(actor));
      if (orgId !== undefined && !org) throw notFound(ENTITY.org, 'query.orgId');
      return (await repo.roles()).map((r) => ({
        key: r.key, nameZh: r.name_zh, nameEn: r.name_en, permissions: r.permissions, audiences: r.audiences, builtin: r.builtin,
        grantable: org
          ? roleFitsOrg(r, org.type as OrgType) && grantRefusal(actor, [r.key], org.region_code, 'query.orgId') === null
          // With no organisation named: grantable somewhere (a security administrator's below one's own region).
          : [undefined, 'not_below'].includes(roleGrantRefusal(actor, [r.key], actor.regionCode)?.reason),
      }));
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
