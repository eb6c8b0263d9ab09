import { hash, verify } from '@node-rs/argon2';
import crypto from 'node:crypto';

// argon2id with the library's defaults (19 MiB, t=2, p=1): the OWASP baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash to verify against when the login name is unknown, so an unknown name takes
// as long as a wrong password and timing does not reveal which accounts exist.
let decoy: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    decoy ??= hash(crypto.randomBytes(16).toString('hex'));
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/** A random password that meets the 等保 policy: used for the first admin and for resets. */
export function generatePassword(): string {
  const pick = (set: string, n: number) => Array.from({ length: n }, () => set[crypto.randomInt(set.length)]).join('');
  const chars = pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 3) + pick('abcdefghijkmnpqrstuvwxyz', 5) + pick('23456789', 3) + pick('@#%+=!', 2);
  const out = [...chars];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.join('');
}
