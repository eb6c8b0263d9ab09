import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.js';
import { startJobs } from './scheduler.js';

/**
 * A fake database whose connection either fails (the server is down) or runs the job's
 * callback over a fake connection that wins the advisory lock.
 */
function fakeDb(state: { down: boolean }): Database {
  const conn = { executeQuery: async () => ({ rows: [{ ok: true }] }) };
  return {
    connection: () => ({
      execute: async (fn: (c: unknown) => Promise<void>) => {
        if (state.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return fn({ ...conn, getExecutor: () => ({ transformQuery: (q: unknown) => q, compileQuery: () => ({ sql: '', parameters: [] }), executeQuery: conn.executeQuery }) });
      },
    }),
  } as unknown as Database;
}

describe('startJobs while the database comes and goes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says once that the database is down, keeps its schedule, and says when it runs again', async () => {
    const state = { down: true };
    const lines: string[] = [];
    let runs = 0;
    const stop = startJobs(fakeDb(state), [{ name: 'j', everyMs: 1_000, run: async () => { runs++; return ''; } }], (l) => lines.push(l));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lines.filter((l) => l.includes('database unavailable'))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/failed/);
    state.down = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes('reachable again'))).toHaveLength(1);
    stop();
  });

  it('does not start a tick while the previous one still runs', async () => {
    let running = 0;
    let most = 0;
    const stop = startJobs(fakeDb({ down: false }), [{
      name: 'slow', everyMs: 1_000,
      run: async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5_500));
        running--;
        return '';
      },
    }], () => {});
    await vi.advanceTimersByTimeAsync(30_000);
    expect(most).toBe(1);
    stop();
  });
});
