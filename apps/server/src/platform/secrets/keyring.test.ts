import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyringFile, loadKeyring, parseKeys, rotateKeyring } from './keyring.js';

const hex = (c: string) => c.repeat(64);
const tmp = () => fs.mkdtemp(path.join(os.tmpdir(), 'anjian-keys-'));

describe('keyring', () => {
  it('creates one key in a 0600 file on first use and returns the same key afterwards', async () => {
    const dir = await tmp();
    const first = await loadKeyring(dir, 'audit', {});
    expect(first.current.id).toBe('k1');
    expect(first.current.secret).toHaveLength(32);
    const stat = await fs.stat(keyringFile(dir, 'audit'));
    expect(stat.mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.dirname(keyringFile(dir, 'audit')))).mode & 0o777).toBe(0o700);
    const again = await loadKeyring(dir, 'audit', {});
    expect(again.current.secret.equals(first.current.secret)).toBe(true);
  });

  it('gives processes starting together one key', async () => {
    const dir = await tmp();
    const rings = await Promise.all(Array.from({ length: 8 }, () => loadKeyring(dir, 'pii', {})));
    for (const r of rings) expect(r.current.secret.equals(rings[0]!.current.secret)).toBe(true);
  });

  it('tightens a key file others can read', async () => {
    const dir = await tmp();
    await loadKeyring(dir, 'audit', {});
    await fs.chmod(keyringFile(dir, 'audit'), 0o644);
    await loadKeyring(dir, 'audit', {});
    expect((await fs.stat(keyringFile(dir, 'audit'))).mode & 0o777).toBe(0o600);
  });

  it('prefers the environment and never writes a file then', async () => {
    const dir = await tmp();
    const r = await loadKeyring(dir, 'pii', { ANJIAN_PII_KEYS: `a:${hex('1')},b:${hex('2')}` });
    expect(r.current.id).toBe('b');
    expect(r.get('a')?.secret.toString('hex')).toBe(hex('1'));
    expect(r.source).toBe('ANJIAN_PII_KEYS');
    await expect(fs.stat(keyringFile(dir, 'pii'))).rejects.toThrow();
  });

  it('rotates by appending a key; older keys stay readable', async () => {
    const dir = await tmp();
    const before = await loadKeyring(dir, 'audit', {});
    const after = await rotateKeyring(dir, 'audit', {});
    expect(after.all.map((k) => k.id)).toEqual(['k1', 'k2']);
    expect(after.current.id).toBe('k2');
    expect(after.get('k1')!.secret.equals(before.current.secret)).toBe(true);
    await expect(rotateKeyring(dir, 'audit', { ANJIAN_AUDIT_KEYS: `k1:${hex('a')}` })).rejects.toThrow(/ANJIAN_AUDIT_KEYS/);
  });

  it('refuses malformed keys', () => {
    expect(() => parseKeys('k1 abc', 'x')).toThrow(/64 hex/);
    expect(() => parseKeys(`k1 ${hex('1')}\nk1 ${hex('2')}`, 'x')).toThrow(/twice/);
    expect(() => parseKeys('# only a comment', 'x')).toThrow(/no key/);
    expect(() => parseKeys(`bad id ${hex('1')}`, 'x')).toThrow();
  });
});
