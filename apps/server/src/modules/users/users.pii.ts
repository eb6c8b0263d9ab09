import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import { countByKeyOf, isCurrent, type PiiStore } from '../../platform/secrets/pii-store.js';
import { PHONE_CONTEXT } from './users.service.js';
import { unscoped } from '../../platform/access/scope.js';

/** users.phone: SM4 ciphertext in phone_enc and a blind index in phone_bidx (see users.service.ts). */
export const usersPii: PiiStore = {
  name: 'users.phone',
  table: 'users',
  constraint: 'users_phone_encrypted',

  async encryptLegacy(db: Database, pii: PiiCipher, after, limit) {
    return db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('users').where(unscoped('start-up: encrypting every account’s plaintext phone')).select(['id', sql<string | null>`phone`.as('phone')]).orderBy('id').limit(limit).forUpdate();
      if (after !== null) q = q.where('id', '>', after);
      const rows = await q.execute();
      let changed = 0;
      for (const row of rows) {
        if (row.phone === null) continue;
        const phone = row.phone.trim();
        await tx.updateTable('users').set(phone === ''
          ? { phone: null }
          : { phone: null, phone_enc: pii.encrypt(phone, PHONE_CONTEXT), phone_bidx: pii.blindIndex(phone, PHONE_CONTEXT) }).where('id', '=', row.id).execute();
        changed++;
      }
      return { last: rows.length < limit ? null : rows[rows.length - 1]!.id, changed };
    });
  },

  async reencrypt(db: Database, pii: PiiCipher, after, limit) {
    return db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('users').where(unscoped('key rotation: re-encrypting every account’s phone')).select(['id', 'phone_enc', 'phone_bidx']).where('phone_enc', 'is not', null).orderBy('id').limit(limit).forUpdate();
      if (after !== null) q = q.where('id', '>', after);
      const rows = await q.execute();
      let changed = 0;
      for (const row of rows) {
        if (isCurrent(pii, row.phone_enc, row.phone_bidx)) continue;
        const phone = pii.decrypt(row.phone_enc!, PHONE_CONTEXT);
        await tx.updateTable('users').set({ phone_enc: pii.encrypt(phone, PHONE_CONTEXT), phone_bidx: pii.blindIndex(phone, PHONE_CONTEXT) }).where('id', '=', row.id).execute();
        changed++;
      }
      return { last: rows.length < limit ? null : rows[rows.length - 1]!.id, changed };
    });
  },

  countByKey: (db) => countByKeyOf(db, 'users', 'phone_enc'),
};
