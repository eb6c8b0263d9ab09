import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeyring, rotateKeyring } from './keyring.js';
import { createPiiCipher, loadPiiCipher, PII_FORMAT } from './pii.js';

const tmp = () => fs.mkdtemp(path.join(os.tmpdir(), 'anjian-pii-'));
const fromEnv = (keys: string) => loadPiiCipher('/nonexistent', { ANJIAN_PII_KEYS: keys });
const K1 = `k1:${'11'.repeat(32)}`;
const K2 = `k2:${'22'.repeat(32)}`;

describe('SM4 as Node provides it', () => {
  it('is the real SM4: the GB/T 32907-2016 example', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = crypto.createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('personal data cipher', () => {
  it('round-trips text, with a fresh IV each time and the key id in the clear', async () => {
    const pii = await fromEnv(K1);
    const a = pii.encrypt('13800138000', 'users.phone');
    const b = pii.encrypt('13800138000', 'users.phone');
    expect(a).not.toBe(b);
    expect(a.startsWith(`${PII_FORMAT}:k1:`)).toBe(true);
    expect(a).not.toContain('13800138000');
    expect(pii.decrypt(a, 'users.phone')).toBe('13800138000');
    expect(pii.decrypt(pii.encrypt('张伟：0311-86001234；李娜', 'x'), 'x')).toBe('张伟：0311-86001234；李娜');
    expect(pii.decrypt(pii.encrypt('', 'x'), 'x')).toBe('');
    expect(pii.keyIdOf(a)).toBe('k1');
  });

  it('refuses any changed byte of IV, ciphertext or tag, another key id, another column', async () => {
    const pii = await fromEnv(`${K1},${K2}`);
    const token = pii.encrypt('13800138000', 'users.phone');
    const parts = token.split(':');
    const flip = (i: number) => {
      const bytes = Buffer.from(parts[i]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return parts.map((p, j) => (j === i ? bytes.toString('base64url') : p)).join(':');
    };
    for (const i of [2, 3, 4]) expect(() => pii.decrypt(flip(i), 'users.phone'), `part ${i}`).toThrow(/integrity/);
    expect(() => pii.decrypt(token.replace(':k2:', ':k1:'), 'users.phone')).toThrow(/integrity/);
    expect(() => pii.decrypt(token, 'enterprises.safety_contacts')).toThrow(/integrity/);
    expect(() => pii.decrypt('13800138000', 'users.phone')).toThrow(/not an encrypted/);
    expect(() => pii.decrypt(token.replace(':k2:', ':k9:'), 'users.phone')).toThrow(/does not hold/);
  });

  it('writes under the last key and still reads the older ones', async () => {
    const old = await fromEnv(K1);
    const written = old.encrypt('13900000000', 'users.phone');
    const both = await fromEnv(`${K1},${K2}`);
    expect(both.currentKeyId).toBe('k2');
    expect(both.decrypt(written, 'users.phone')).toBe('13900000000');
    expect(both.keyIdOf(both.encrypt('x', 'c'))).toBe('k2');
  });

  it('gives one blind index per key, stable for a value and distinct per column', async () => {
    const pii = await fromEnv(`${K1},${K2}`);
    const index = pii.blindIndex('13800138000', 'users.phone');
    expect(index).toBe(pii.blindIndex('13800138000', 'users.phone'));
    expect(index.startsWith('k2:')).toBe(true);
    expect(index).not.toBe(pii.blindIndex('13800138001', 'users.phone'));
    expect(index).not.toBe(pii.blindIndex('13800138000', 'other.phone'));
    const all = pii.blindIndexes('13800138000', 'users.phone');
    expect(all).toHaveLength(2);
    expect(all).toContain(index);
    expect(all).toContain((await fromEnv(K1)).blindIndex('13800138000', 'users.phone'));
  });

  it('derives separate keys: the SM4 key is not the secret’s first bytes', async () => {
    const ring = await loadKeyring('/nonexistent', 'pii', { ANJIAN_PII_KEYS: K1 });
    const token = createPiiCipher(ring).encrypt('a'.repeat(16), 'c');
    const [, , iv, body] = token.split(':');
    const naive = crypto.createCipheriv('sm4-ctr', ring.current.secret.subarray(0, 16), Buffer.from(iv!, 'base64url'));
    expect(Buffer.concat([naive.update('a'.repeat(16)), naive.final()]).toString('base64url')).not.toBe(body);
  });

  it('follows a rotation of its key file while running: reads the new key at once, writes with it soon after', async () => {
    const dir = await tmp();
    const running = await loadPiiCipher(dir, {});
    expect(running.currentKeyId).toBe('k1');
    await rotateKeyring(dir, 'pii', {});
    const rotated = await loadPiiCipher(dir, {});
    const fresh = rotated.encrypt('13700000000', 'users.phone');
    // An unknown key id makes the running cipher reread the file.
    expect(running.decrypt(fresh, 'users.phone')).toBe('13700000000');
    expect(running.currentKeyId).toBe('k2');
  });
});
