import crypto from 'node:crypto';
import { AppError } from '../errors.js';

export type JobPhase = 'reading' | 'checking' | 'writing' | 'done' | 'failed';

/** What a long import says while it runs: rows read from the file, rows checked. */
export interface JobProgress {
  phase: JobPhase;
  rowsRead: number;
  rowsChecked: number;
  /** Known once the whole file is read. */
  rowsTotal: number | null;
}

export interface Job<R> extends JobProgress {
  id: string;
  ownerId: string;
  result: R | null;
  error: AppError | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** The last time the owner asked; a window that stopped asking was closed. */
  polledAt: Date | null;
}

export interface JobRegistryOptions<R> {
  now: () => Date;
  /** Called when a job ends and its owner has not asked for WATCH_MS: the result goes to the inbox. */
  onUnwatchedEnd(job: Job<R>): Promise<void>;
  watchMs?: number;
  /** Finished jobs are forgotten after this long (the inbox keeps the result). */
  keepMs?: number;
}

const WATCH_MS = 10_000;
const KEEP_MS = 3600_000;

/**
 * Long uploads run as jobs in this process: the request answers at once with the job's id, the
 * dialog polls the progress, and a result nobody is watching any more is delivered to the inbox.
 * Jobs live in memory: a restart ends them (the import is all-or-nothing, so nothing half-written).
 */
export function createJobRegistry<R>(options: JobRegistryOptions<R>) {
  const jobs = new Map<string, Job<R>>();
  const watchMs = options.watchMs ?? WATCH_MS;
  const keepMs = options.keepMs ?? KEEP_MS;

  const sweep = () => {
    const cutoff = options.now().getTime() - keepMs;
    for (const [id, job] of jobs) if (job.finishedAt && job.finishedAt.getTime() < cutoff) jobs.delete(id);
  };

  return {
    /** Starts `run` and returns the job at once; `run` reports through the progress object. */
    start(ownerId: string, run: (progress: JobProgress) => Promise<R>): Job<R> {
      sweep();
      const job: Job<R> = {
        id: crypto.randomUUID(), ownerId, phase: 'reading', rowsRead: 0, rowsChecked: 0, rowsTotal: null,
        result: null, error: null, startedAt: options.now(), finishedAt: null, polledAt: options.now(),
      };
      jobs.set(job.id, job);
      void (async () => {
        try {
          job.result = await run(job);
          job.phase = 'done';
        } catch (error) {
          if (!(error instanceof AppError)) process.emitWarning(error instanceof Error ? error : String(error), { code: 'ANJIAN_JOB_FAILED', detail: `job ${job.id}` });
          // The job's id stands for the request id the user would quote.
          job.error = error instanceof AppError ? error : new AppError('INTERNAL', { requestId: job.id });
          job.phase = 'failed';
        }
        job.finishedAt = options.now();
        const watched = job.polledAt !== null && job.finishedAt.getTime() - job.polledAt.getTime() < watchMs;
        if (!watched) await options.onUnwatchedEnd(job).catch(() => undefined);
      })();
      return job;
    },

    /** The owner's job (anyone else's is not found), marked as watched. */
    poll(ownerId: string, id: string): Job<R> | null {
      const job = jobs.get(id);
      if (!job || job.ownerId !== ownerId) return null;
      job.polledAt = options.now();
      return job;
    },
  };
}

export type JobRegistry<R> = ReturnType<typeof createJobRegistry<R>>;
