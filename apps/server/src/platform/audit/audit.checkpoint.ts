import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AuditHashAlgorithm } from '../config.js';
import type { Database } from '../db/database.js';
import { keyringEnvName, keyringFile, loadKeyring, type Keyring } from '../secrets/keyring.js';
import { isAuditAlgorithm } from './audit.chain.js';
import { unscoped } from '../access/scope.js';

/**
 * Checkpoints of the chain's head, kept outside the database: `<dataDir>/audit/checkpoints`,
 * one JSON line per checkpoint, appended (never rewritten) and signed with the audit key, so
 * that whoever can change the database but not this file cannot cut the chain's tail off, nor
 * re-hash the chain, without the verifier noticing (audit.verify.ts). The server appends one
 * when the head has moved, every ten minutes (a job), at start and at shutdown (main.ts).
 *
 * Signed with an HMAC rather than a private key: a key that could sign would sit beside the
 * one that verifies, in the same data directory, and protect nothing more.
 *
 * The first line also seals the rows linked before the chain was keyed (legacyThrough: every
 * line repeats it, and the first one is authoritative).
 */
export interface Checkpoint {
  /** The head's place in the chain and its hash. */
  seq: string;
  hash: string;
  /** Links 1..legacyThrough were linked unkeyed (before issue 9); every later one is keyed. */
  legacyThrough: string;
  at: string;
  keyId: string;
  alg: AuditHashAlgorithm;
  sig: string;
}

export const checkpointFile = (dataDir: string) => path.join(dataDir, 'audit', 'checkpoints');

function signature(c: Omit<Checkpoint, 'sig'>, secret: Buffer): string {
  return crypto.createHmac(c.alg, secret).update(JSON.stringify([c.seq, c.hash, c.legacyThrough, c.at, c.keyId, c.alg])).digest('hex');
}

/**
 * The audit keyring. The server creates it on first use; a verifier (`create: false`) must not,
 * since a fresh key would only make every row look forged.
 */
export async function auditKeyring(dataDir: string, options: { create?: boolean } = {}): Promise<Keyring> {
  if (options.create === false && !process.env[keyringEnvName('audit')]) {
    const file = keyringFile(dataDir, 'audit');
    const exists = await fs.access(file).then(() => true, () => false);
    if (!exists) throw new Error(`no audit key: neither ${file} nor ${keyringEnvName('audit')} exists (restore the data directory's keys/ from a backup)`);
  }
  return loadKeyring(dataDir, 'audit');
}

export interface CheckpointLog {
  checkpoints: Checkpoint[];
  /** The first line that does not verify, and why; null when every line does. */
  problem: string | null;
}

/** Reads and checks every line: each signed by a key of the keyring, in chain order, one legacy seal. */
export async function readCheckpoints(dataDir: string, keyring: Keyring): Promise<CheckpointLog> {
  const file = checkpointFile(dataDir);
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const checkpoints: Checkpoint[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const where = `${file} line ${i + 1}`;
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      return { checkpoints, problem: `${where} is not a checkpoint` };
    }
    const key = typeof c.keyId === 'string' ? keyring.get(c.keyId) : undefined;
    if (!key) return { checkpoints, problem: `${where} is signed with key ${String(c.keyId)}, which the audit keyring does not hold` };
    if (!isAuditAlgorithm(c.alg) || typeof c.sig !== 'string' || !/^[0-9a-f]{64}$/.test(c.sig)) return { checkpoints, problem: `${where} is not a checkpoint` };
    const expected = signature(c, key.secret);
    if (!crypto.timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(c.sig, 'hex'))) return { checkpoints, problem: `${where}: the signature does not verify (the line was altered)` };
    const before = checkpoints.at(-1);
    if (before && BigInt(c.seq) < BigInt(before.seq)) return { checkpoints, problem: `${where} records link ${c.seq}, behind the line before it (${before.seq})` };
    if (before && c.legacyThrough !== checkpoints[0]!.legacyThrough) return { checkpoints, problem: `${where} moves the seal of the unkeyed rows` };
    checkpoints.push(c);
  }
  return { checkpoints, problem: null };
}

async function append(dataDir: string, line: string): Promise<void> {
  const file = checkpointFile(dataDir);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // One write() of a short line with O_APPEND: two processes never interleave inside a line.
  const handle = await fs.open(file, 'a', 0o600);
  try {
    await handle.write(line);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Appends the chain's current head when it moved since the last checkpoint. Refuses (and says
 * why) when the chain no longer holds what the last checkpoint recorded: that is tampering,
 * and a new line must not paper over it.
 */
export function createAuditCheckpointer(deps: { db: Database; dataDir: string; keys: () => Promise<Keyring>; algorithm: AuditHashAlgorithm; now?: () => Date }) {
  let last: Checkpoint | null | undefined;
  return {
    async checkpoint(): Promise<string> {
      const keyring = await deps.keys();
      if (last === undefined) {
        const log = await readCheckpoints(deps.dataDir, keyring);
        if (log.problem) return `not checkpointed: ${log.problem}`;
        last = log.checkpoints.at(-1) ?? null;
      }
      const head = await deps.db.selectFrom('audit_head').select(['last_seq', 'last_hash', 'legacy_through']).executeTakeFirstOrThrow();
      const seq = String(head.last_seq);
      if (last && last.seq === seq && last.hash === head.last_hash) return '';
      if (last && last.seq !== '0') {
        const row = await deps.db.selectFrom('audit_log').select('hash').where(unscoped('the checkpoint reads the one chain’s head')).where('chain_seq', '=', last.seq).executeTakeFirst();
        if (row?.hash !== last.hash) return `not checkpointed: link ${last.seq} no longer holds the hash checkpointed at ${last.at}; run audit:verify`;
      }
      const key = keyring.current;
      const body = { seq, hash: head.last_hash, legacyThrough: last?.legacyThrough ?? String(head.legacy_through), at: (deps.now?.() ?? new Date()).toISOString(), keyId: key.id, alg: deps.algorithm };
      const checkpoint: Checkpoint = { ...body, sig: signature(body, key.secret) };
      await append(deps.dataDir, `${JSON.stringify(checkpoint)}\n`);
      last = checkpoint;
      return `checkpointed link ${seq}`;
    },
  };
}

export type AuditCheckpointer = ReturnType<typeof createAuditCheckpointer>;
