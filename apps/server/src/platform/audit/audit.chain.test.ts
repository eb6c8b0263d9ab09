import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeyring } from '../secrets/keyring.js';
import { rowHash, type ChainedFields } from './audit.chain.js';
import { checkpointFile, createAuditCheckpointer, readCheckpoints } from './audit.checkpoint.js';

const key = crypto.randomBytes(32);
const row: ChainedFields = {
  id: '41', at: new Date('2026-12-07T01:02:03.456Z'), user_id: null, username: 'zd.leader', org_id: null, region_code: '130123',
  action: 'hazard.accept', object_type: 'hazard', object_id: '7', result: 'success', status_code: 200, ip: '10.0.0.1',
  request_id: 'r1', details: '{"a":1}', algorithm: 'sm3', chain_seq: '12', key_id: 'k1', prev_hash: 'a'.repeat(64),
};

describe('a row\'s hash', () => {
  it('covers the previous row\'s hash, keyed and unkeyed', () => {
    for (const k of [key, null]) {
      expect(rowHash({ ...row, prev_hash: 'b'.repeat(64) }, k), k ? 'keyed' : 'unkeyed').not.toBe(rowHash(row, k));
    }
  });

  it('covers every field, the row\'s place and the key id', () => {
    const changes: Partial<ChainedFields>[] = [
      { id: '42' }, { at: new Date('2026-12-07T01:02:03.457Z') }, { user_id: crypto.randomUUID() }, { username: 'x' }, { org_id: crypto.randomUUID() },
      { region_code: '130124' }, { action: 'hazard.reject' }, { object_type: 'accident' }, { object_id: '8' }, { result: 'failure' }, { status_code: 409 },
      { ip: '10.0.0.2' }, { request_id: 'r2' }, { details: '{"a":2}' }, { algorithm: 'sha256' }, { chain_seq: '13' }, { key_id: 'k2' },
    ];
    for (const change of changes) expect(rowHash({ ...row, ...change }, key), JSON.stringify(change)).not.toBe(rowHash(row, key));
  });

  it('needs the key: another key, or none, gives another hash', () => {
    expect(rowHash(row, crypto.randomBytes(32))).not.toBe(rowHash(row, key));
    expect(rowHash(row, null)).not.toBe(rowHash(row, key));
    expect(rowHash(row, key)).toMatch(/^[0-9a-f]{64}$/);
    expect(rowHash({ ...row, algorithm: 'sha256' }, key)).toBe(crypto.createHmac('sha256', key).update(JSON.stringify([
      row.id, row.at.toISOString(), row.user_id, row.username, row.org_id, row.region_code, row.action, row.object_type, row.object_id,
      row.result, row.status_code, row.ip, row.request_id, row.details, 'sha256', row.key_id, row.chain_seq,
    ])).update(row.prev_hash).digest('hex'));
  });

  it('keeps the unkeyed hash of rows linked before the chain was keyed exactly as it was', () => {
    const legacy = crypto.createHash('sm3').update(JSON.stringify([
      row.id, row.at.toISOString(), row.user_id, row.username, row.org_id, row.region_code, row.action, row.object_type, row.object_id,
      row.result, row.status_code, row.ip, row.request_id, row.details, row.algorithm,
    ])).update(row.prev_hash).digest('hex');
    expect(rowHash(row, null)).toBe(legacy);
  });
});

describe('the checkpoint file', () => {
  async function setup() {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-checkpoints-'));
    const keyring = await loadKeyring(dir, 'audit', {});
    let head = { last_seq: '5', last_hash: 'c'.repeat(64), legacy_through: '2' };
    const hashes = new Map([['5', 'c'.repeat(64)]]);
    // Just the two reads the checkpointer makes: the head, and the hash at the last checkpoint's link.
    const db = {
      selectFrom: (table: string) => ({
        select: () => ({
          executeTakeFirstOrThrow: async () => head,
          // The scope marker (unscoped(…), a SQL fragment) first, then the link: only the link narrows.
          where: (_marker: unknown) => ({
            where: (_c: string, _op: string, seq: string) => ({ executeTakeFirst: async () => (table === 'audit_log' && hashes.has(seq) ? { hash: hashes.get(seq) } : undefined) }),
          }),
        }),
      }),
    } as never;
    const checkpointer = createAuditCheckpointer({ db, dataDir: dir, keys: async () => keyring, algorithm: 'sm3' });
    return { dir, keyring, checkpointer, setHead: (h: typeof head) => { head = h; hashes.set(h.last_seq, h.last_hash); }, hashes };
  }

  it('appends a signed line only when the head moved, in a 0600 file', async () => {
    const { dir, keyring, checkpointer, setHead } = await setup();
    expect(await checkpointer.checkpoint()).toBe('checkpointed link 5');
    expect(await checkpointer.checkpoint()).toBe('');
    setHead({ last_seq: '9', last_hash: 'd'.repeat(64), legacy_through: '2' });
    expect(await checkpointer.checkpoint()).toBe('checkpointed link 9');
    const log = await readCheckpoints(dir, keyring);
    expect(log.problem).toBeNull();
    expect(log.checkpoints.map((c) => [c.seq, c.legacyThrough])).toEqual([['5', '2'], ['9', '2']]);
    expect((await fs.stat(checkpointFile(dir))).mode & 0o777).toBe(0o600);
  });

  it('finds a line altered, one signed with an unknown key, and one moving the seal of the unkeyed rows', async () => {
    const { dir, keyring, checkpointer, setHead } = await setup();
    await checkpointer.checkpoint();
    setHead({ last_seq: '9', last_hash: 'd'.repeat(64), legacy_through: '2' });
    await checkpointer.checkpoint();
    const text = await fs.readFile(checkpointFile(dir), 'utf8');
    await fs.writeFile(checkpointFile(dir), text.replace('"seq":"9"', '"seq":"8"'));
    expect((await readCheckpoints(dir, keyring)).problem).toMatch(/line 2: the signature does not verify/);
    await fs.writeFile(checkpointFile(dir), text.replace(/"keyId":"k1"/g, '"keyId":"k9"'));
    expect((await readCheckpoints(dir, keyring)).problem).toMatch(/line 1 is signed with key k9/);
    // A line moving the seal, properly signed (as the key's holder could): still refused.
    const lines = text.split('\n');
    const moved = JSON.parse(lines[1]!) as Record<string, string>;
    moved.legacyThrough = '7';
    moved.sig = crypto.createHmac('sm3', keyring.current.secret).update(JSON.stringify([moved.seq, moved.hash, moved.legacyThrough, moved.at, moved.keyId, moved.alg])).digest('hex');
    await fs.writeFile(checkpointFile(dir), `${lines[0]}\n${JSON.stringify(moved)}\n`);
    expect((await readCheckpoints(dir, keyring)).problem).toMatch(/line 2 moves the seal/);
  });

  it('refuses to checkpoint a chain that no longer holds the last checkpoint', async () => {
    const { checkpointer, setHead, hashes } = await setup();
    await checkpointer.checkpoint();
    setHead({ last_seq: '9', last_hash: 'd'.repeat(64), legacy_through: '2' });
    hashes.set('5', 'e'.repeat(64));
    expect(await checkpointer.checkpoint()).toMatch(/^not checkpointed: link 5 no longer holds the hash/);
  });
});
