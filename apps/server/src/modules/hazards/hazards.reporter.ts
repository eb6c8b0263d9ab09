import { sql } from 'kysely';
import { orgAudience, type OrgType } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import { countByKeyOf, isCurrent, type PiiStore } from '../../platform/secrets/pii-store.js';
import { hazardVisible } from './hazards.scope.js';

/*
 * 举报人身份保密: a citizen who reports a hazard is named only to the government units that
 * handle the report. The identity lives SM4-encrypted in hazard_reporters, out of every row,
 * list, export, event and notice; found_by_name of a public report stays empty (a database
 * check says so). It is read through one route, and every read leaves an audit row naming the
 * reader and the hazard whose reporter was read.
 */

export const REPORTER_CONTEXT = 'hazards.reporter';

export interface ReporterIdentityValue {
  name: string;
  phone: string | null;
}

export const sealIdentity = (pii: PiiCipher, identity: ReporterIdentityValue) => pii.encrypt(JSON.stringify(identity), REPORTER_CONTEXT);
const openIdentity = (pii: PiiCipher, sealed: string) => JSON.parse(pii.decrypt(sealed, REPORTER_CONTEXT)) as ReporterIdentityValue;

/** Government units handling reports hold the permission; an enterprise account never may, whatever roles say. */
export function mayReadReporter(user: SessionUser): boolean {
  return user.permissions.has('hazard.read_reporter') && orgAudience(user.orgType as OrgType) === 'government';
}

const ENTITY = { zh: '隐患', en: 'Hazard' };
const IDENTITY = { zh: '举报人信息', en: 'Reporter identity' };

export function createReporterReader(deps: { db: Database; audit: AuditWriter; pii: PiiCipher }) {
  return async function readReporter(ctx: RequestContext, user: SessionUser, hazardId: string): Promise<ReporterIdentityValue> {
    if (!mayReadReporter(user)) throw forbidden('hazard.read_reporter');
    const row = await deps.db
      .selectFrom('hazards as h')
      .leftJoin('hazard_reporters as r', 'r.hazard_id', 'h.id')
      .select(['h.id', 'h.region_code', 'r.identity_enc'])
      .where('h.id', '=', hazardId)
      .where(hazardVisible(scopeOf(user)))
      .executeTakeFirst();
    if (!row) throw notFound(ENTITY, 'params.id');
    if (!row.identity_enc) throw notFound(IDENTITY, 'params.id');
    const identity = openIdentity(deps.pii, row.identity_enc);
    // Who read whose identity: the reader is the row's user, "whose" is the hazard's reporter.
    // The identity itself stays out of the audit log.
    await deps.audit.record(deps.db, ctx, {
      action: 'hazard.read_reporter', objectType: 'hazard_reporter', objectId: row.id, result: 'success', statusCode: 200,
      details: { hazardId: row.id, hazardRegion: row.region_code },
    });
    return identity;
  };
}

/**
 * Public reports written before identities were encrypted (found_by_name held the citizen's
 * name, often with a phone) → hazard_reporters; and re-encryption of hazard_reporters.
 */
export const hazardsPii: PiiStore = {
  name: 'hazards.reporter',
  table: 'hazards',
  constraint: 'hazards_reporter_confidential',

  async encryptLegacy(db, pii, after, limit) {
    return db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ id: string; found_by_name: string }>`
        select id::text, found_by_name from hazards
        where source = 'public_report' and found_by_name <> '' and id > ${after ?? '0'}::bigint
        order by id limit ${limit} for update`.execute(tx);
      for (const row of rows) {
        await tx.insertInto('hazard_reporters').values({ hazard_id: row.id, identity_enc: sealIdentity(pii, { name: row.found_by_name, phone: null }) })
          .onConflict((oc) => oc.column('hazard_id').doNothing()).execute();
        await tx.updateTable('hazards').set({ found_by_name: '' }).where('id', '=', row.id).execute();
      }
      return { last: rows.length < limit ? null : rows[rows.length - 1]!.id, changed: rows.length };
    });
  },

  async reencrypt(db, pii, after, limit) {
    return db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ hazard_id: string; identity_enc: string }>`
        select hazard_id::text, identity_enc from hazard_reporters where hazard_id > ${after ?? '0'}::bigint order by hazard_id limit ${limit} for update`.execute(tx);
      let changed = 0;
      for (const row of rows) {
        if (isCurrent(pii, row.identity_enc)) continue;
        await tx.updateTable('hazard_reporters').set({ identity_enc: sealIdentity(pii, openIdentity(pii, row.identity_enc)) }).where('hazard_id', '=', row.hazard_id).execute();
        changed++;
      }
      return { last: rows.length < limit ? null : rows[rows.length - 1]!.hazard_id, changed };
    });
  },

  countByKey: (db) => countByKeyOf(db, 'hazard_reporters', 'identity_enc'),
};
