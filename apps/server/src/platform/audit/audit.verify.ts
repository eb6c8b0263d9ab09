import type { Database } from '../db/database.js';
import { GENESIS_HASH, rowHash } from './audit.chain.js';

export interface VerifyReport {
  ok: boolean;
  rowsChecked: number;
  /** The first row whose stored hash or link does not match what it should be. */
  firstBroken: { id: string; reason: string } | null;
}

/** Recomputes the whole chain in id order, in batches, and names the first broken row. */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<VerifyReport> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1n;
  let rowsChecked = 0;
  let lastId = '0';
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const id = BigInt(row.id);
      const broken = (reason: string): VerifyReport => ({ ok: false, rowsChecked, firstBroken: { id: row.id, reason } });
      if (id !== expectedId) return broken(`row ${expectedId} is missing (next row is ${row.id})`);
      if (row.prev_hash !== prevHash) return broken('prev_hash does not link to the previous row');
      const recomputed = rowHash({ ...row, id: row.id });
      if (recomputed !== row.hash) return broken('contents do not match the stored hash');
      prevHash = row.hash;
      expectedId = id + 1n;
      rowsChecked++;
      lastId = row.id;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().executeTakeFirst();
  if (head && (String(head.last_id) !== lastId || head.last_hash !== prevHash)) {
    const id = String(expectedId);
    return { ok: false, rowsChecked, firstBroken: { id, reason: `the chain's head is row ${head.last_id}: rows from ${id} on were removed` } };
  }
  return { ok: true, rowsChecked, firstBroken: null };
}
