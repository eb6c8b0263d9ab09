import type { Database } from '../db/database.js';
import type { Keyring } from '../secrets/keyring.js';
import { GENESIS_HASH, isAuditAlgorithm, rowHash } from './audit.chain.js';
import { checkpointFile, readCheckpoints } from './audit.checkpoint.js';
import { unscoped } from '../access/scope.js';
import { createAuditChainer } from './audit.chainer.js';

export interface VerifyReport {
  ok: boolean;
  rowsChecked: number;
  /**
   * The first link that is not what it should be: its row (null when the row is missing) and
   * why. Every row before it verified.
   */
  firstBroken: { id: string | null; seq: string; reason: string } | null;
  /** Rows written but not yet linked by the chainer (it runs every second while the server runs). */
  pending: number;
  /** Checkpoints read from outside the database, and the last one's link. */
  checkpoints: number;
  checkpointedThrough: string | null;
}

/**
 * Recomputes the whole chain in chain order, in batches, and names the first broken link:
 * a row changed, moved, removed or re-linked (its keyed hash no longer matches), a row linked
 * without a key after the chain became keyed (a downgrade), a link that differs from what a
 * checkpoint recorded, or a chain that ends before the last checkpoint (its tail removed).
 */
export async function verifyAuditChain(db: Database, options: { keyring: Keyring; dataDir: string; batchSize?: number }): Promise<VerifyReport> {
  const { keyring } = options;
  const batchSize = options.batchSize ?? 5000;
  const pendingRow = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('chain_seq', 'is', null).executeTakeFirstOrThrow();
  const pending = Number(pendingRow.n);
  const head = await db.selectFrom('audit_head').selectAll().executeTakeFirst();
  const log = await readCheckpoints(options.dataDir, keyring);
  const byLink = new Map(log.checkpoints.map((c) => [c.seq, c]));
  const last = log.checkpoints.at(-1) ?? null;
  // The first checkpoint seals how many rows were linked unkeyed; without one, the database says.
  const legacyThrough = BigInt(log.checkpoints[0]?.legacyThrough ?? head?.legacy_through ?? 0);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let rowsChecked = 0;
  const report = (firstBroken: VerifyReport['firstBroken']): VerifyReport =>
    ({ ok: firstBroken === null, rowsChecked, firstBroken, pending, checkpoints: log.checkpoints.length, checkpointedThrough: last?.seq ?? null });
  if (log.problem) return report({ id: null, seq: '0', reason: `the checkpoint file does not verify: ${log.problem}` });

  for (;;) {
    const rows = await db.selectFrom('audit_log').where(unscoped('the verifier walks the whole chain')).selectAll().where('chain_seq', '>=', String(expectedSeq)).orderBy('chain_seq').limit(batchSize).execute();
    for (const row of rows) {
      const seq = BigInt(row.chain_seq!);
      const broken = (reason: string) => report({ id: row.id, seq: String(seq), reason });
      if (seq !== expectedSeq) return report({ id: null, seq: String(expectedSeq), reason: `link ${expectedSeq} of the chain is missing (the next is ${seq}, row ${row.id})` });
      if (row.prev_hash !== prevHash) return broken('prev_hash does not link to the previous row');
      if (!isAuditAlgorithm(row.algorithm)) return broken(`unknown hash algorithm "${row.algorithm}"`);
      let key: Buffer | null = null;
      if (row.key_id === null) {
        if (seq > legacyThrough) return broken(`linked without the audit key, but only links up to ${legacyThrough} (before the chain was keyed) may be`);
      } else {
        const found = keyring.get(row.key_id);
        if (!found) return broken(`linked with audit key ${row.key_id}, which the keyring (${keyring.source}) does not hold`);
        key = found.secret;
      }
      const recomputed = rowHash({ ...row, algorithm: row.algorithm, chain_seq: String(seq), key_id: row.key_id, prev_hash: prevHash }, key);
      if (recomputed !== row.hash) return broken('contents do not match the stored hash');
      const checkpoint = byLink.get(String(seq));
      if (checkpoint && checkpoint.hash !== row.hash) return broken(`differs from the checkpoint of ${checkpoint.at}`);
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      rowsChecked++;
    }
    if (rows.length < batchSize) break;
  }
  const lastSeq = expectedSeq - 1n;
  if (last && BigInt(last.seq) > lastSeq) {
    return report({ id: null, seq: String(expectedSeq), reason: `the checkpoint of ${last.at} records link ${last.seq}, but the chain ends at link ${lastSeq}: links from ${expectedSeq} on were removed` });
  }
  if (head && (String(head.last_seq) !== String(lastSeq) || head.last_hash !== prevHash)) {
    return report({ id: null, seq: String(expectedSeq), reason: `the chain's head is link ${head.last_seq}: links from ${expectedSeq} on were removed` });
  }
  if (!last && lastSeq > 0n) {
    return report({ id: null, seq: String(lastSeq), reason: `no checkpoint of the chain in ${checkpointFile(options.dataDir)}: a removed tail or a chain re-hashed as unkeyed could not be told from an intact one (restore the data directory's audit/ from a backup)` });
  }
  return report(null);
}

/**
 * What `cli audit:verify` and the audit page's 校验哈希链 both run: link the rows committed since
 * the chainer last ran, then verify the whole chain.
 */
export async function chainAndVerify(db: Database, options: { keyring: Keyring; dataDir: string }): Promise<VerifyReport & { linkedNow: number }> {
  const linkedNow = await createAuditChainer(db, async () => options.keyring).chain();
  return { ...(await verifyAuditChain(db, options)), linkedNow };
}
