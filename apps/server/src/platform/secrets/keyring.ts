import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Secret keys that must live outside the database (等保: a database dump alone must not let
 * anyone forge the audit chain or read personal data). One keyring per purpose:
 *
 *   audit  — the HMAC key of the audit chain (platform/audit)
 *   pii    — the SM4 key for personal data encrypted at rest, and its blind indexes
 *
 * Source, first match wins:
 *   1. the environment: ANJIAN_AUDIT_KEYS / ANJIAN_PII_KEYS = "k1:<64 hex>,k2:<64 hex>"
 *   2. the file <dataDir>/keys/<purpose>.keys, mode 0600 in a 0700 directory, one key per
 *      line "<id> <64 hex>"; created with one fresh key the first time it is needed.
 *
 * The last key listed is the current one (new writes use it); older keys stay so that what
 * they protected still verifies or decrypts. Rotation appends a key (`rotateKeyring`); the
 * purpose's owner decides what rotation means for old data (re-encrypt, or keep verifying).
 */
export type KeyPurpose = 'audit' | 'pii';

export interface Key {
  id: string;
  /** 32 random bytes. SM4 takes the first 16; HMAC takes all 32. */
  secret: Buffer;
}

export interface Keyring {
  purpose: KeyPurpose;
  /** The key new writes use (the last one listed). */
  current: Key;
  /** A key by id, or undefined when the keyring does not hold it. */
  get(id: string): Key | undefined;
  all: readonly Key[];
  /** Where the keys came from: a file path, or the environment variable's name. */
  source: string;
}

const ENV: Record<KeyPurpose, string> = { audit: 'ANJIAN_AUDIT_KEYS', pii: 'ANJIAN_PII_KEYS' };
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HEX_KEY = /^[0-9a-f]{64}$/i;

export function keyringEnvName(purpose: KeyPurpose): string {
  return ENV[purpose];
}

export function keyringFile(dataDir: string, purpose: KeyPurpose): string {
  return path.join(dataDir, 'keys', `${purpose}.keys`);
}

/** Parses "id hex" lines (file) or "id:hex" items separated by commas or newlines (env). */
export function parseKeys(text: string, origin: string): Key[] {
  const keys: Key[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const item = raw.trim();
    if (item === '' || item.startsWith('#')) continue;
    const [id, hex, extra] = item.split(/[\s:]+/);
    if (!id || !hex || extra !== undefined || !KEY_ID.test(id) || !HEX_KEY.test(hex)) {
      throw new Error(`${origin}: each key must be "<id> <64 hex digits>" (id: letters, digits, _ or -)`);
    }
    if (keys.some((k) => k.id === id)) throw new Error(`${origin}: key id ${id} appears twice`);
    keys.push({ id, secret: Buffer.from(hex, 'hex') });
  }
  if (keys.length === 0) throw new Error(`${origin}: no key`);
  return keys;
}

function ring(purpose: KeyPurpose, keys: Key[], source: string): Keyring {
  const byId = new Map(keys.map((k) => [k.id, k]));
  return { purpose, current: keys[keys.length - 1]!, get: (id) => byId.get(id), all: keys, source };
}

function newKeyLine(id: string): string {
  return `${id} ${crypto.randomBytes(32).toString('hex')}\n`;
}

/**
 * Loads the purpose's keyring, creating the file with one key when neither the environment
 * nor the file has one. Creation is atomic (written aside, then linked into place), so test
 * files or processes starting together on one data directory end up with the same key.
 */
export async function loadKeyring(dataDir: string, purpose: KeyPurpose, env: NodeJS.ProcessEnv = process.env): Promise<Keyring> {
  const fromEnv = env[ENV[purpose]];
  if (fromEnv) return ring(purpose, parseKeys(fromEnv, ENV[purpose]), ENV[purpose]);
  const file = keyringFile(dataDir, purpose);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = await fs.readFile(file, 'utf8').catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    const aside = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    await fs.writeFile(aside, newKeyLine('k1'), { mode: 0o600 });
    try {
      await fs.link(aside, file);
    } catch (linkError) {
      if ((linkError as NodeJS.ErrnoException).code !== 'EEXIST') throw linkError;
    } finally {
      await fs.rm(aside, { force: true });
    }
    return fs.readFile(file, 'utf8');
  });
  // A key file others can read is a key others have: tighten it rather than carry on silently.
  const stat = await fs.stat(file);
  if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600);
  return ring(purpose, parseKeys(text, file), file);
}

/**
 * Appends a fresh key to the purpose's key file and returns the new keyring. Keys given in
 * the environment are rotated by changing the environment (append "id:hex" to the list).
 */
export async function rotateKeyring(dataDir: string, purpose: KeyPurpose, env: NodeJS.ProcessEnv = process.env): Promise<Keyring> {
  if (env[ENV[purpose]]) throw new Error(`the ${purpose} keys come from ${ENV[purpose]}: append a key there instead`);
  const before = await loadKeyring(dataDir, purpose, env);
  let n = before.all.length + 1;
  while (before.get(`k${n}`)) n++;
  await fs.appendFile(keyringFile(dataDir, purpose), newKeyLine(`k${n}`), { mode: 0o600 });
  return loadKeyring(dataDir, purpose, env);
}
