import { sql } from 'kysely';
import type { Database } from '../db/database.js';

export interface Job {
  name: string;
  everyMs: number;
  run(now: Date): Promise<string>;
}

/** A stable 32-bit key per job name for pg_try_advisory_lock. */
function lockKey(name: string): number {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Runs each job on its interval. Several server processes may share a database: the job
 * runs where it wins a session advisory lock, so it never runs twice at once.
 */
export function startJobs(db: Database, jobs: Job[], log: (line: string) => void, now: () => Date = () => new Date()): () => void {
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const job of jobs) {
    const tick = async () => {
      if (stopped) return;
      try {
        await db.connection().execute(async (conn) => {
          const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lockKey(job.name)}) as ok`.execute(conn);
          if (!rows[0]?.ok) return;
          try {
            const summary = await job.run(now());
            if (summary) log(`job ${job.name}: ${summary}`);
          } finally {
            await sql`select pg_advisory_unlock(${lockKey(job.name)})`.execute(conn);
          }
        });
      } catch (error) {
        log(`job ${job.name} failed: ${String(error)}`);
      }
    };
    // First run soon after start, then on the interval.
    timers.push(setTimeout(() => void tick(), 5_000));
    timers.push(setInterval(() => void tick(), job.everyMs));
  }
  return () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
  };
}
