import crypto from 'node:crypto';
import { isOutOfBandRole, orgAudience, OUT_OF_BAND_ROLES, ROLES, Username, type OrgType, type RoleKey } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { systemContext } from '../../platform/http/context.js';
import type { Activations } from './users.activation.js';
import { OperatorError } from '../../platform/ops/operator-error.js';
import { unscoped } from '../../platform/access/scope.js';

/**
 * The operator's side of 三权分立 (`cli admin:*`, run on the server): the system and audit
 * administrators are granted, re-activated and disabled here and nowhere else — no API route
 * can, so no account inside the platform can make or take over one. Each act writes an audit
 * row naming the operator's OS account; a grant or re-activation yields a one-time link that
 * the operator hands over, and the holder sets its own password (users.activation.ts).
 */
export { OperatorError };

export interface OperatorDeps {
  db: Database;
  audit: AuditWriter;
  activations: Pick<Activations, 'issue'>;
  sessions: Pick<SessionStore, 'revokeAllFor'>;
  /** The operator, as the audit log names them (e.g. "cli:root"). */
  operator: string;
}

/** A password nobody knows: the account cannot sign in until its holder activates it. */
const unusablePassword = () => hashPassword(crypto.randomBytes(32).toString('base64url'));

async function outOfBandAccount(tx: Tx, username: string) {
  const row = await tx
    .selectFrom('users as u')
    .where(unscoped('the operator on the server acts on any account by name'))
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.status', 'o.id as org_id', 'o.region_code'])
    .select((eb) => eb.fn<string[]>('array', [eb.selectFrom('user_roles as r').select('r.role_key').whereRef('r.user_id', '=', 'u.id')]).as('roles'))
    .where((eb) => eb(eb.fn('lower', ['u.username']), '=', username.trim().toLowerCase()))
    .forUpdate('u')
    .executeTakeFirst();
  if (!row) throw new OperatorError(`no account named ${username}`);
  const role = row.roles.find(isOutOfBandRole);
  if (!role) throw new OperatorError(`${row.username} is not a system or audit administrator; the security administrator manages it in the web app`);
  return { ...row, role };
}

export function createOperator(deps: OperatorDeps) {
  const { db, audit } = deps;
  const ctx = systemContext(`cli-${process.pid}`);
  const record = (tx: Tx, action: string, target: { id: string; username: string; org_id: string; region_code: string }, details: Record<string, unknown>) =>
    audit.record(tx, ctx, {
      action, objectType: 'user', objectId: target.id, result: 'success', statusCode: null,
      username: deps.operator, userId: null, orgId: target.org_id, regionCode: target.region_code,
      details: { ...details, account: target.username, via: 'cli' },
    });

  return {
    /** A new account holding one out-of-band role, in an organisation, with an activation link. */
    async grant(input: { username: string; role: string; orgId: string; displayName?: string }) {
      if (!isOutOfBandRole(input.role)) throw new OperatorError(`the operator grants only ${OUT_OF_BAND_ROLES.join(' or ')}; other roles are granted by a security administrator in the web app`);
      const parsed = Username.safeParse(input.username);
      if (!parsed.success) throw new OperatorError(`"${input.username}" is not a valid username (3–32 letters, digits, ".", "_" or "-")`);
      const username = parsed.data;
      const role = ROLES[input.role as RoleKey];
      const hash = await unusablePassword();
      return db.transaction().execute(async (tx) => {
        const org = await tx.selectFrom('orgs').select(['id', 'type', 'name', 'region_code', 'status']).where('id', '=', input.orgId).executeTakeFirst();
        if (!org) throw new OperatorError(`no organisation with id ${input.orgId}`);
        if (org.status !== 'active') throw new OperatorError(`organisation ${org.name} is not active`);
        if (!(role.audiences as readonly string[]).includes(orgAudience(org.type as OrgType))) throw new OperatorError(`a ${role.name.en} cannot belong to a ${org.type} organisation`);
        const taken = await tx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase())).executeTakeFirst();
        // An administrator holds no other role (三权分立): always a new account, never an existing one.
        if (taken) throw new OperatorError(`the username ${username} is taken; an administrator account is always a new one (to re-activate one: admin:activate)`);
        const { id } = await tx.insertInto('users').values({
          username, display_name: input.displayName?.trim() || role.name.zh, org_id: org.id, password_hash: hash, must_change_password: false,
        }).returning('id').executeTakeFirstOrThrow();
        await tx.insertInto('user_roles').values({ user_id: id, role_key: input.role }).execute();
        const link = await deps.activations.issue(tx, id, input.role, deps.operator);
        await record(tx, 'admin.grant', { id, username, org_id: org.id, region_code: org.region_code }, { role: input.role, orgId: org.id });
        return { userId: id, username, org: org.name, ...link };
      });
    },

    /** Voids the account's password and sessions and issues a new link (the out-of-band reset). */
    async reactivate(username: string) {
      const hash = await unusablePassword();
      return db.transaction().execute(async (tx) => {
        const target = await outOfBandAccount(tx, username);
        if (target.status !== 'active') throw new OperatorError(`${target.username} is disabled; admin:enable it first`);
        await tx.updateTable('users').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', target.id).execute();
        await deps.sessions.revokeAllFor(tx, target.id);
        const link = await deps.activations.issue(tx, target.id, target.role, deps.operator);
        await record(tx, 'admin.reactivate', target, { role: target.role });
        return { userId: target.id, username: target.username, ...link };
      });
    },

    async setStatus(username: string, status: 'active' | 'disabled') {
      return db.transaction().execute(async (tx) => {
        const target = await outOfBandAccount(tx, username);
        await tx.updateTable('users').set({ status, updated_at: new Date() }).where('id', '=', target.id).execute();
        if (status === 'disabled') await deps.sessions.revokeAllFor(tx, target.id);
        await record(tx, status === 'disabled' ? 'admin.disable' : 'admin.enable', target, { role: target.role });
        return { userId: target.id, username: target.username };
      });
    },
  };
}
