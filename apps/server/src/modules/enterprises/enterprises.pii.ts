import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import { countByKeyOf, isCurrent, type PiiStore } from '../../platform/secrets/pii-store.js';
import type { SafetyContactValue } from './enterprises.tables.js';
import { unscoped } from '../../platform/access/scope.js';

/** The ciphertext's column context (platform/secrets/pii.ts). */
export const CONTACTS_CONTEXT = 'enterprises.safety_contacts';

/** An enterprise's safety contacts (names and phones) as stored: one SM4 ciphertext of the list, or null for none. */
export function sealContacts(pii: PiiCipher, contacts: readonly SafetyContactValue[]): string | null {
  return contacts.length === 0 ? null : pii.encrypt(JSON.stringify(contacts), CONTACTS_CONTEXT);
}

export function openContacts(pii: PiiCipher, sealed: string | null): SafetyContactValue[] {
  return sealed === null ? [] : (JSON.parse(pii.decrypt(sealed, CONTACTS_CONTEXT)) as SafetyContactValue[]);
}

/** enterprises.safety_contacts → safety_contacts_enc. */
export const enterprisesPii: PiiStore = {
  name: 'enterprises.safety_contacts',
  table: 'enterprises',
  constraint: 'enterprises_contacts_encrypted',

  async encryptLegacy(db: Database, pii: PiiCipher, after, limit) {
    return db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('enterprises').where(unscoped('start-up: encrypting every enterprise’s plaintext contacts')).select(['org_id', sql<SafetyContactValue[]>`safety_contacts`.as('plain')]).orderBy('org_id').limit(limit).forUpdate();
      if (after !== null) q = q.where('org_id', '>', after);
      const rows = await q.execute();
      let changed = 0;
      for (const row of rows) {
        if (row.plain.length === 0) continue;
        await sql`update enterprises set safety_contacts = '[]'::jsonb, safety_contacts_enc = ${sealContacts(pii, row.plain)} where org_id = ${row.org_id}`.execute(tx);
        changed++;
      }
      return { last: rows.length < limit ? null : rows[rows.length - 1]!.org_id, changed };
    });
  },

  async reencrypt(db: Database, pii: PiiCipher, after, limit) {
    return db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('enterprises').where(unscoped('key rotation: re-encrypting every enterprise’s contacts')).select(['org_id', 'safety_contacts_enc']).where('safety_contacts_enc', 'is not', null).orderBy('org_id').limit(limit).forUpdate();
      if (after !== null) q = q.where('org_id', '>', after);
      const rows = await q.execute();
      let changed = 0;
      for (const row of rows) {
        if (isCurrent(pii, row.safety_contacts_enc)) continue;
        await tx.updateTable('enterprises').set({ safety_contacts_enc: sealContacts(pii, openContacts(pii, row.safety_contacts_enc)) }).where('org_id', '=', row.org_id).execute();
        changed++;
      }
      return { last: rows.length < limit ? null : rows[rows.length - 1]!.org_id, changed };
    });
  },

  countByKey: (db) => countByKeyOf(db, 'enterprises', 'safety_contacts_enc'),
};
