import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../jobs/scheduler.js';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { startOwnPlatform, type OwnPlatform } from '../../test/own-platform.js';
import { auditKeyring } from '../audit/audit.checkpoint.js';

/**
 * Kills the embedded postmaster (SIGKILL) under concurrent writes and watches the platform
 * ride it out: no crash, 503 DATABASE_UNAVAILABLE in the standard shape on every kind of
 * route while the server is down, a restart by the supervisor, and every write that was
 * acknowledged present afterwards. The restart is held until the outage has been observed,
 * so nothing depends on how fast this machine is.
 */
const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 90_000) => {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('the embedded PostgreSQL dies under load', () => {
  let p: OwnPlatform;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    p = await startOwnPlatform({ supervise: { minDelayMs: 200, maxDelayMs: 2_000, holdRestart: () => held } });
  }, 300_000);

  afterAll(async () => {
    release();
    await p?.close();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    if (p) await fs.rm(p.dir, { recursive: true, force: true });
  });

  it('stays up, answers 503 while down, restarts the server, and keeps every acknowledged write', { timeout: 240_000 }, async () => {
    const cookie = await p.adminCookie();
    const jobLog: string[] = [];
    const stopJobs = startJobs(p.database.db, p.jobs.filter((j) => j.name === 'audit.chain'), (line) => jobLog.push(line));

    const acked: string[] = [];
    const statuses = new Map<number, number>();
    const badBodies: string[] = [];
    let writing = true;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const res = await p.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie }, payload: { type: 'grid', name: `网格-${w}-${i}`, regionCode: '130123100' } });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 201 || res.statusCode === 200) acked.push((res.json() as { id: string }).id);
        else if (res.statusCode !== 503 || (res.json() as { code: string }).code !== 'DATABASE_UNAVAILABLE') badBodies.push(`${res.statusCode} ${res.body}`);
        else await new Promise((r) => setTimeout(r, 20));
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    let pid = 0;
    let ackedBeforeKill = 0;
    try {

      await until('writes before the kill', () => acked.length >= 20);
      pid = await p.postmasterPid();
      process.kill(pid, 'SIGKILL');
      ackedBeforeKill = acked.length;

      // The writers now meet the outage; the supervisor holds the restart until we have looked.
      await until('a 503 on a write', () => (statuses.get(503) ?? 0) > 0);
      await until('the job noticing', () => jobLog.some((l) => l.includes('database unavailable')));

      const probes = [
        { name: 'health', method: 'GET', url: '/api/health' },
        { name: 'login', method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'whatever-it-is' } },
        // An unknown session token: the lookup in onRequest goes to the database.
        { name: 'session lookup', method: 'GET', url: '/api/auth/me', headers: { cookie: `anjian_session=${crypto.randomBytes(24).toString('base64url')}` } },
        // No session: a 401 whose audit row cannot be written in onSend.
        { name: 'anonymous write', method: 'POST', url: '/api/orgs', payload: { type: 'grid', name: 'x', regionCode: '130123100' } },
        { name: 'anonymous read', method: 'GET', url: '/api/orgs' },
        { name: 'write', method: 'POST', url: '/api/orgs', headers: { cookie }, payload: { type: 'grid', name: '停机中', regionCode: '130123100' } },
        { name: 'read', method: 'GET', url: '/api/orgs?regionCode=13', headers: { cookie: `anjian_session=${crypto.randomBytes(24).toString('base64url')}` } },
      ] as const;
      for (const probe of probes) {
        for (const language of ['zh-CN', 'en-US']) {
          const res = await p.app.inject({ ...probe, headers: { ...('headers' in probe ? probe.headers : {}), 'accept-language': language } } as never);
          const body = res.json() as Record<string, unknown>;
          expect({ probe: probe.name, status: res.statusCode, code: body.code }).toEqual({ probe: probe.name, status: 503, code: 'DATABASE_UNAVAILABLE' });
          expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message', 'requestId']);
          expect(body.message).toMatch(language === 'en-US' ? /database is temporarily unavailable/ : /数据库暂时不可用/);
          expect(res.body).not.toMatch(/127\.0\.0\.1|ECONN|terminated|::1|\d{4,5}\b.*port/i);
          expect(res.headers['retry-after']).toBe('5');
        }
      }

      release();
      await until('the server back', async () => (await p.app.inject({ method: 'GET', url: '/api/health' })).statusCode === 200);
      const ackedAtRecovery = acked.length;
      await until('writes acknowledged again', () => acked.length >= ackedAtRecovery + 20);
      await until('the job running again', () => jobLog.some((l) => l.includes('reachable again')));
    } finally {
      writing = false;
      await Promise.all(writers);
      stopJobs();
    }

    expect(crashes).toEqual([]);
    expect(badBodies).toEqual([]);
    expect(p.lines.some((l) => l.includes('exited unexpectedly'))).toBe(true);
    expect(await p.postmasterPid()).not.toBe(pid);
    // Every acknowledged write survived the kill: crash recovery replayed what was committed.
    const found = await p.database.db.selectFrom('orgs').select('id').where('id', 'in', acked).execute();
    expect(found.length).toBe(acked.length);
    expect(ackedBeforeKill).toBeGreaterThanOrEqual(20);
    console.log(p.lines.filter((l) => /unexpectedly|restart|leftover|back on|did not start/.test(l)).join('\n'));
    console.log(`outage test: ${acked.length} writes acknowledged (${ackedBeforeKill} before the kill), all present; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    const chain = await verifyAuditChain(p.database.db, { keyring: await auditKeyring(p.dir), dataDir: p.dir });
    expect(chain.ok, JSON.stringify(chain.firstBroken)).toBe(true);
  });
});
