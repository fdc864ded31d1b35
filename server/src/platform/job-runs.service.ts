import type { Job } from '@parterre/contract/jobs';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { AppContext } from './context.ts';
import { AppError, defineErrors } from './errors.ts';
import { decodeCursor, toPage } from './pagination.ts';
import { authorize, can, definePermissions } from './permissions.ts';
import { jobRuns } from './platform.tables.ts';
import { actorOf, type RequestScope } from './scope.ts';

definePermissions('admin', {
  'jobs.read': { fr: 'Suivre ses tâches de fond', en: 'Follow own background jobs' },
  'admin.jobs': {
    fr: 'Voir et annuler toutes les tâches de fond',
    en: 'See and cancel every background job',
  },
});

defineErrors({
  'jobs.not_found': { status: 404, fr: 'Tâche introuvable.', en: 'Job not found.' },
  'jobs.already_finished': {
    status: 409,
    fr: 'Cette tâche est déjà terminée.',
    en: 'This job has already finished.',
  },
});

type JobRunRow = typeof jobRuns.$inferSelect;

function toJob(row: JobRunRow): Job {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    progress: { done: row.progressDone, total: row.progressTotal },
    result: row.result ?? null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Users follow the jobs they started; `admin.jobs` sees everyone's. */
export function createJobRunsService(context: AppContext) {
  const db = context.database.db;

  function ownerFilter(scope: RequestScope) {
    if (can(scope, 'admin.jobs')) return undefined;
    const { actorId } = actorOf(scope);
    return actorId ? eq(jobRuns.createdBy, actorId) : eq(jobRuns.id, jobRuns.id);
  }

  async function getJob(scope: RequestScope, id: string): Promise<Job> {
    authorize(scope, 'jobs.read');
    const [row] = await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.tenantId, scope.tenantId), eq(jobRuns.id, id), ownerFilter(scope)));
    if (!row) throw new AppError('jobs.not_found');
    return toJob(row);
  }

  async function listJobs(scope: RequestScope, query: { cursor?: string; limit: number }) {
    authorize(scope, 'jobs.read');
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await db
      .select()
      .from(jobRuns)
      .where(
        and(
          eq(jobRuns.tenantId, scope.tenantId),
          ownerFilter(scope),
          after
            ? or(
                lt(jobRuns.createdAt, new Date(after[0])),
                and(eq(jobRuns.createdAt, new Date(after[0])), lt(jobRuns.id, after[1])),
              )
            : undefined,
        ),
      )
      .orderBy(desc(jobRuns.createdAt), desc(jobRuns.id))
      .limit(query.limit + 1);
    const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
    return { data: page.data.map(toJob), nextCursor: page.nextCursor };
  }

  async function cancelJob(scope: RequestScope, id: string): Promise<Job> {
    const job = await getJob(scope, id);
    if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') {
      throw new AppError('jobs.already_finished');
    }
    await context.jobs.requestCancel(scope.tenantId, id, job.type);
    return getJob(scope, id);
  }

  return { getJob, listJobs, cancelJob };
}
