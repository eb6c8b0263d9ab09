import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Keyring } from '../secrets/keyring.js';
import { isAuditAlgorithm, rowHash } from './audit.chain.js';
import { unscoped } from '../access/scope.js';

/**
 * Links committed audit rows into the hash chain (migration 0007), oldest id first: each gets
 * the next chain_seq, the previous row's hash, the id of the audit key and its own keyed hash
 * (audit.chain.ts). The head row's lock serialises chainers across processes, and only the
 * chainer takes it, so writers never wait for one another. A row committed late (a long
 * transaction) is linked when it is seen: its place in the chain is when it was linked, and
 * its id says when it was written.
 *
 * `keys` is asked once per run, so a key appended by `keys:rotate audit` is used from the next
 * run on without a restart.
 */
export function createAuditChainer(db: Database, keys: () => Promise<Keyring>) {
  async function batch(limit: number, keyring: Keyring): Promise<number> {
    const key = keyring.current;
    return db.transaction().execute(async (tx) => {
      const head = await tx.selectFrom('audit_head').select(['last_seq', 'last_hash']).forUpdate().executeTakeFirstOrThrow();
      const rows = await tx.selectFrom('audit_log').where(unscoped('the chainer links every region’s rows into one chain')).selectAll().where('chain_seq', 'is', null).orderBy('id').limit(limit).execute();
      if (rows.length === 0) return 0;
      let seq = BigInt(head.last_seq);
      let prev = head.last_hash;
      const links = { id: [] as string[], seq: [] as string[], prev: [] as string[], hash: [] as string[] };
      for (const row of rows) {
        seq += 1n;
        // The table's check constraint admits no other; a row claiming one is never linked.
        if (!isAuditAlgorithm(row.algorithm)) throw new Error(`audit row ${row.id} names an unknown hash algorithm`);
        const hash = rowHash({ ...row, algorithm: row.algorithm, chain_seq: String(seq), key_id: key.id, prev_hash: prev }, key.secret);
        links.id.push(row.id);
        links.seq.push(String(seq));
        links.prev.push(prev);
        links.hash.push(hash);
        prev = hash;
      }
      await sql`
        update audit_log a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash, key_id = ${key.id}
        from unnest(${links.id}::bigint[], ${links.seq}::bigint[], ${links.prev}::text[], ${links.hash}::text[]) as v(id, seq, prev, hash)
        where a.id = v.id`.execute(tx);
      await tx.updateTable('audit_head').set({ last_seq: String(seq), last_hash: prev }).execute();
      return rows.length;
    });
  }

  return {
    /** Links every committed row not yet linked; returns how many. */
    async chain(limit = 5000): Promise<number> {
      const keyring = await keys();
      let total = 0;
      for (;;) {
        const n = await batch(limit, keyring);
        total += n;
        if (n < limit) return total;
      }
    },
  };
}

export type AuditChainer = ReturnType<typeof createAuditChainer>;
