import type { Database } from '../db/database.js';
import type { AuditHashAlgorithm } from '../config.js';
import { GENESIS_HASH, rowHash } from './audit.chain.js';

export interface VerifyReport {
  ok: boolean;
  rowsChecked: number;
  /** The first row whose stored hash or link does not match what it should be. */
  firstBroken: { id: string; reason: string } | null;
  /** Rows written but not yet linked by the chainer (it runs every second while the server runs). */
  pending: number;
}

/** Recomputes the whole chain in chain order, in batches, and names the first broken row. */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<VerifyReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let rowsChecked = 0;
  const pendingRow = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('chain_seq', 'is', null).executeTakeFirstOrThrow();
  const pending = Number(pendingRow.n);
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain_seq', '>=', String(expectedSeq))
      .orderBy('chain_seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const seq = BigInt(row.chain_seq!);
      const broken = (reason: string): VerifyReport => ({ ok: false, rowsChecked, firstBroken: { id: row.id, reason }, pending });
      if (seq !== expectedSeq) return broken(`link ${expectedSeq} of the chain is missing (the next is ${seq})`);
      if (row.prev_hash !== prevHash) return broken('prev_hash does not link to the previous row');
      const recomputed = rowHash({ ...row, algorithm: row.algorithm as AuditHashAlgorithm, prev_hash: prevHash });
      if (recomputed !== row.hash) return broken('contents do not match the stored hash');
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      rowsChecked++;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().executeTakeFirst();
  const lastSeq = String(expectedSeq - 1n);
  if (head && (String(head.last_seq) !== lastSeq || head.last_hash !== prevHash)) {
    const id = String(expectedSeq);
    return { ok: false, rowsChecked, firstBroken: { id, reason: `the chain's head is link ${head.last_seq}: links from ${id} on were removed` }, pending };
  }
  return { ok: true, rowsChecked, firstBroken: null, pending };
}
