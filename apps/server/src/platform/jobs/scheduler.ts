import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';

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
 * runs where it wins a session advisory lock, so it never runs twice at once. A tick that is
 * still running (a slow run, or a connection attempt waiting out its timeout) is not joined
 * by the next one. While the database is unreachable a job says so once, keeps its schedule,
 * and says so again when it runs anew; a lost lock goes with the lost session.
 */
export function startJobs(db: Database, jobs: Job[], log: (line: string) => void, now: () => Date = () => new Date()): () => void {
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const job of jobs) {
    let running = false;
    let down = false;
    const tick = async () => {
      if (stopped || running) return;
      running = true;
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
        if (down) log(`job ${job.name}: database reachable again, running on schedule`);
        down = false;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) log(`job ${job.name} failed: ${String(error)}`);
        else if (!down) log(`job ${job.name}: database unavailable (${String(error)}); retrying on schedule`);
        down = isDatabaseUnavailable(error);
      } finally {
        running = false;
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
