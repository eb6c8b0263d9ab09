import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createJobRegistry, type Job } from './progress-jobs.js';

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
  let now = Date.parse('2026-06-01T00:00:00Z');
  const ended: Job<number>[] = [];
  const jobs = createJobRegistry<number>({ now: () => new Date(now), onUnwatchedEnd: async (job) => { ended.push(job); }, watchMs: 10_000 });
  return { jobs, ended, advance: (ms: number) => { now += ms; } };
}

describe('progress jobs', () => {
  it('a watched job ends without a delivery; only its owner sees it', async () => {
    const { jobs, ended, advance } = setup();
    let finish!: (n: number) => void;
    const job = jobs.start('u1', (p) => { p.rowsRead = 5; return new Promise<number>((resolve) => { finish = resolve; }); });
    expect(jobs.poll('u2', job.id)).toBeNull();
    advance(9_000);
    expect(jobs.poll('u1', job.id)).toMatchObject({ phase: 'reading', rowsRead: 5 });
    advance(9_000);
    finish(42);
    await flush();
    expect(jobs.poll('u1', job.id)).toMatchObject({ phase: 'done', result: 42 });
    expect(ended).toEqual([]);
  });

  it('a job nobody polled for longer than the window is delivered, failures with their error', async () => {
    const { jobs, ended, advance } = setup();
    let finish!: (n: number) => void;
    jobs.start('u1', () => new Promise<number>((resolve) => { finish = resolve; }));
    const failing = jobs.start('u1', async () => { throw new AppError('RULE_VIOLATION', {}); });
    await flush();
    expect(ended).toEqual([]);
    expect(failing.phase).toBe('failed');
    advance(10_001);
    finish(7);
    await flush();
    expect(ended.map((j) => [j.phase, j.result])).toEqual([['done', 7]]);
  });
});
