import type { EnterpriseImportJob } from '@anjian/domain';
import type { Database } from '../../platform/db/database.js';
import { notFound, type AppError } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { createJobRegistry, type Job, type JobProgress } from '../../platform/jobs/progress-jobs.js';
import type { Upload } from './enterprises.upload.js';

type Importer = ((ctx: RequestContext, user: SessionUser, upload: Upload, progress?: JobProgress) => Promise<{ imported: number }>) & {
  precheck(user: SessionUser, upload: Upload): void;
};

const view = (job: Job<{ imported: number }>): EnterpriseImportJob => ({
  id: job.id, phase: job.phase, rowsRead: job.rowsRead, rowsChecked: job.rowsChecked, rowsTotal: job.rowsTotal, imported: job.result?.imported ?? null,
});

/** The refusal in one line for the inbox: the import's own summary, else its first detail. */
function summary(error: AppError): string {
  const reason = error.params.reason ?? error.params.type;
  if (reason && typeof reason === 'object') return reason.zh;
  return error.details[0]?.message.zh ?? error.code;
}

/**
 * The enterprise import as a job (20,000 rows take a while): progress for the dialog, and the
 * result in the organisation's inbox when the dialog was closed before the end.
 */
export function createImportJobs(deps: { db: Database; importFile: Importer; now: () => Date }) {
  const registry = createJobRegistry<{ imported: number }>({
    now: deps.now,
    async onUnwatchedEnd(job) {
      const owner = owners.get(job.id);
      owners.delete(job.id);
      if (!owner) return;
      const title = job.error
        ? `企业名录导入未通过（${owner.filename}）：${summary(job.error)}`
        : `企业名录导入完成（${owner.filename}）：已导入 ${job.result?.imported ?? 0} 家企业`;
      await deps.db.insertInto('notifications').values({ org_id: owner.orgId, hazard_id: null, kind: 'enterprise_import', title: title.slice(0, 500), created_at: deps.now() }).execute();
    },
  });
  const owners = new Map<string, { orgId: string; filename: string }>();

  return {
    /** Refuses a wrong user or a file that is no workbook at once; everything else runs in the job. */
    start(ctx: RequestContext, user: SessionUser, upload: Upload): EnterpriseImportJob {
      deps.importFile.precheck(user, upload);
      const job = registry.start(user.id, (progress) => deps.importFile(ctx, user, upload, progress));
      owners.set(job.id, { orgId: user.orgId, filename: upload.filename });
      return view(job);
    },

    /** Progress while it runs, the count when done; a failed import answers with its own error. */
    poll(user: SessionUser, id: string): EnterpriseImportJob {
      const job = registry.poll(user.id, id);
      if (!job) throw notFound({ zh: '导入任务', en: 'Import job' }, 'params.id');
      if (job.finishedAt) owners.delete(job.id);
      if (job.phase === 'failed' && job.error) throw job.error;
      return view(job);
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
