import crypto from 'node:crypto';
import fs from 'node:fs';
import { loadKeyring, parseKeys, type Key, type Keyring } from './keyring.js';

/**
 * Personal data at rest (等保 / 个人信息保护法): phones, a citizen reporter's identity, an
 * enterprise's safety contacts. Encrypted with SM4 (国密) under the `pii` keyring, which lives
 * outside the database, so a dump or a backup of the database alone reveals none of it.
 *
 * Node's OpenSSL has SM4 but not SM4-GCM, so this is SM4-CTR with a random 16-byte IV, then
 * an HMAC-SM3 tag over everything before it (encrypt-then-MAC), compared in constant time. The
 * two keys are derived from the keyring's 32-byte secret with HKDF, so the cipher and the MAC
 * never share a key. The MAC also covers a context string — the column, e.g. 'users.phone' —
 * so a ciphertext copied into another column does not decrypt there.
 *
 *   sm4ctr1:<key id>:<iv, base64url>:<ciphertext, base64url>:<tag, base64url>
 *
 * The key id travels with the ciphertext: after a rotation (`cli keys:rotate pii`) old rows
 * still decrypt until the rotation has re-encrypted them under the new key.
 *
 * Equality search (an account by its phone) uses a blind index: HMAC-SHA256 under a third
 * derived key, as `<key id>:<hex>`; a search computes it under every key in the keyring.
 */
export const PII_FORMAT = 'sm4ctr1';

export interface PiiCipher {
  /** The key new ciphertexts are written under. */
  readonly currentKeyId: string;
  encrypt(plain: string, context: string): string;
  /** Throws on a tampered or foreign ciphertext, a wrong context or an unknown key. */
  decrypt(token: string, context: string): string;
  encryptOrNull(plain: string | null | undefined, context: string): string | null;
  decryptOrNull(token: string | null, context: string): string | null;
  /** The key id a ciphertext or a blind index was written under. */
  keyIdOf(token: string): string;
  blindIndex(value: string, context: string): string;
  /** The value's blind index under every key held, for a search that must also find rows not yet rotated. */
  blindIndexes(value: string, context: string): string[];
}

interface DerivedKey {
  id: string;
  sm4: Buffer;
  mac: Buffer;
  index: Buffer;
}

function derive(key: Key): DerivedKey {
  const sub = (info: string, length: number) => Buffer.from(crypto.hkdfSync('sha256', key.secret, Buffer.alloc(0), `anjian/pii/${info}`, length));
  return { id: key.id, sm4: sub('sm4-ctr', 16), mac: sub('hmac-sm3', 32), index: sub('blind-index', 32) };
}

const b64 = (b: Buffer) => b.toString('base64url');

/** How often a running server looks whether the key file gained a key (a rotation by the CLI). */
export const PII_RELOAD_MS = 5_000;

/**
 * A cipher over a keyring. When the keys come from a file, a decrypt that meets an unknown key
 * id rereads the file at once, and writes look for a new current key every PII_RELOAD_MS: a
 * server that keeps running while the operator rotates keeps up by itself.
 */
export function createPiiCipher(initial: Keyring): PiiCipher {
  let keys = new Map<string, DerivedKey>();
  let current!: DerivedKey;
  let checkedAt = Date.now();
  let fileMtime = 0;
  const fromFile = initial.source.endsWith('.keys');

  function install(ring: readonly Key[]) {
    keys = new Map(ring.map((k) => [k.id, keys.get(k.id) ?? derive(k)]));
    current = keys.get(ring[ring.length - 1]!.id)!;
  }
  install(initial.all);
  if (fromFile) fileMtime = fs.statSync(initial.source, { throwIfNoEntry: false })?.mtimeMs ?? 0;

  function reload(force: boolean) {
    if (!fromFile) return;
    const mtime = fs.statSync(initial.source, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (!force && mtime === fileMtime) return;
    fileMtime = mtime;
    install(parseKeys(fs.readFileSync(initial.source, 'utf8'), initial.source));
  }

  function keyFor(id: string): DerivedKey {
    let key = keys.get(id);
    if (!key) {
      reload(true);
      key = keys.get(id);
    }
    if (!key) throw new Error(`personal data encrypted under key "${id}", which the pii keyring (${initial.source}) does not hold`);
    return key;
  }

  function tag(key: DerivedKey, context: string, iv: Buffer, body: Buffer): Buffer {
    return crypto.createHmac('sm3', key.mac).update(`${PII_FORMAT}:${key.id}:${context}:`).update(iv).update(body).digest();
  }

  function encrypt(plain: string, context: string): string {
    if (fromFile && Date.now() - checkedAt > PII_RELOAD_MS) {
      checkedAt = Date.now();
      reload(false);
    }
    const key = current;
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('sm4-ctr', key.sm4, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PII_FORMAT, key.id, b64(iv), b64(body), b64(tag(key, context, iv, body))].join(':');
  }

  function decrypt(token: string, context: string): string {
    const parts = token.split(':');
    if (parts.length !== 5 || parts[0] !== PII_FORMAT) throw new Error('not an encrypted personal-data value');
    const key = keyFor(parts[1]!);
    const iv = Buffer.from(parts[2]!, 'base64url');
    const body = Buffer.from(parts[3]!, 'base64url');
    const given = Buffer.from(parts[4]!, 'base64url');
    const expected = tag(key, context, iv, body);
    if (iv.length !== 16 || given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      throw new Error(`personal data failed its integrity check (${context})`);
    }
    const decipher = crypto.createDecipheriv('sm4-ctr', key.sm4, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }

  const indexUnder = (key: DerivedKey, value: string, context: string) =>
    `${key.id}:${crypto.createHmac('sha256', key.index).update(`${context}\u0000${value}`).digest('hex')}`;

  return {
    get currentKeyId() {
      return current.id;
    },
    encrypt,
    decrypt,
    encryptOrNull: (plain, context) => (plain === null || plain === undefined ? null : encrypt(plain, context)),
    decryptOrNull: (token, context) => (token === null ? null : decrypt(token, context)),
    keyIdOf(token) {
      const parts = token.split(':');
      return parts[0] === PII_FORMAT ? parts[1]! : parts[0]!;
    },
    blindIndex: (value, context) => indexUnder(current, value, context),
    blindIndexes: (value, context) => [...keys.values()].map((k) => indexUnder(k, value, context)),
  };
}

/** The platform's cipher: the `pii` keyring from ANJIAN_PII_KEYS or <dataDir>/keys/pii.keys. */
export async function loadPiiCipher(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<PiiCipher> {
  return createPiiCipher(await loadKeyring(dataDir, 'pii', env));
}
