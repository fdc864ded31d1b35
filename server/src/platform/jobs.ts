import { and, eq, isNull } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database } from '../db/connection.ts';
import { newId } from './ids.ts';
import { jobRuns, tenants } from './platform.tables.ts';
import { actorOf, type RequestScope, systemScope } from './scope.ts';

export class JobCancelledError extends Error {
  constructor() {
    super('job cancelled');
  }
}

export type JobContext = {
  jobId: string;
  /** Acts as the system on behalf of the user who started the job (kept for the audit trail). */
  scope: RequestScope;
  database: Database;
  logger: Logger;
  /** Cheap to call often: writes are throttled. */
  reportProgress(done: number, total?: number | null): Promise<void>;
  /** Long handlers call this between chunks; it throws once a user asked to cancel. */
  throwIfCancelled(): Promise<void>;
  /** True on a retry after a crash or failure: handlers resume from what they already wrote. */
  isRetry: boolean;
};

export type JobDefinition<P> = {
  /** Stable: it names the pg-boss queue; change `version` instead when the payload changes. */
  type: string;
  version: number;
  payload: z.ZodType<P>;
  retryLimit?: number;
  expireInSeconds?: number;
  /**
   * A cron expression (Europe/Paris): pg-boss triggers the job on that schedule, and the trigger
   * enqueues one run per tenant with the default payload `{}`.
   */
  schedule?: string;
  run(context: JobContext, payload: P): Promise<unknown>;
};

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

type Message = { jobRunId: string; tenantId: string; version: number; payload: unknown };
/** What pg-boss sends on a schedule: no run yet, only the signal to create one per tenant. */
type ScheduledTrigger = { scheduled: true };

const PROGRESS_WRITE_INTERVAL_MS = 500;
const CANCEL_CHECK_INTERVAL_MS = 1000;

export class JobRunner {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private readonly workerIds = new Map<string, string>();
  private started = false;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {
    const common = { schema: 'pgboss', supervise: true, schedule: true, migrate: true };
    this.boss =
      database.kind === 'server'
        ? new PgBoss({ ...common, connectionString: database.connectionString, max: 4 })
        : new PgBoss({ ...common, db: database.sql as PgBoss.Db });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
  }

  register(definitions: JobDefinition<unknown>[]): void {
    for (const definition of definitions) this.definitions.set(definition.type, definition);
  }

  /** Creates the queues; with `work`, this process also runs the handlers. */
  async start({ work }: { work: boolean }): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const definition of this.definitions.values()) {
      await this.createQueue(definition);
      if (definition.schedule) {
        const trigger: ScheduledTrigger = { scheduled: true };
        await this.boss.schedule(definition.type, definition.schedule, trigger, { tz: 'Europe/Paris' });
      }
      if (work) {
        const workerId = await this.boss.work<Message | ScheduledTrigger>(
          definition.type,
          { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true },
          async ([job]) =>
            'scheduled' in job.data
              ? this.enqueueForEveryTenant(definition)
              : this.execute(definition, job as PgBoss.JobWithMetadata<Message>),
        );
        this.workerIds.set(definition.type, workerId);
      }
    }
  }

  /**
   * Two processes starting together on one server may deadlock in pg-boss's queue creation; the
   * loser retries and then finds the queue there.
   */
  private async createQueue(definition: JobDefinition<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (await this.boss.getQueue(definition.type)) return;
        await this.boss.createQueue(definition.type, {
          name: definition.type,
          retryLimit: definition.retryLimit ?? 2,
          retryDelay: 5,
          retryBackoff: true,
          expireInSeconds: definition.expireInSeconds ?? 3600,
        });
        return;
      } catch (error) {
        const deadlock = (error as { code?: string }).code === '40P01';
        if (!deadlock || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }

  /** Waits for running handlers (up to the timeout), then stops polling. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await new Promise<void>((resolve) => {
      this.boss.once('stopped', () => resolve());
      this.boss
        .stop({ graceful: true, timeout: timeoutMs, close: this.database.kind === 'server' })
        .catch(() => resolve());
    });
  }

  async enqueue<P>(scope: RequestScope, definition: JobDefinition<P>, payload: P): Promise<string> {
    const parsed = definition.payload.parse(payload);
    const jobRunId = newId();
    await this.database.db.insert(jobRuns).values({
      id: jobRunId,
      tenantId: scope.tenantId,
      type: definition.type,
      status: 'queued',
      payload: parsed as object,
      createdBy: actorOf(scope).actorId,
    });
    const message: Message = {
      jobRunId,
      tenantId: scope.tenantId,
      version: definition.version,
      payload: parsed,
    };
    await this.boss.send(definition.type, message, { id: jobRunId });
    const workerId = this.workerIds.get(definition.type);
    if (workerId) this.boss.notifyWorker(workerId);
    return jobRunId;
  }

  /** A scheduled trigger becomes ordinary runs (visible at /api/v1/jobs), one per tenant. */
  private async enqueueForEveryTenant(definition: JobDefinition<unknown>): Promise<void> {
    const rows = await this.database.db.select({ id: tenants.id }).from(tenants);
    for (const { id } of rows) {
      await this.enqueue(systemScope(id, `planification ${definition.type}`), definition, {});
    }
  }

  /** Queued jobs are cancelled at once; running ones stop at their next `throwIfCancelled`. */
  async requestCancel(tenantId: string, jobRunId: string, type: string): Promise<void> {
    const db = this.database.db;
    await db
      .update(jobRuns)
      .set({ cancelRequestedAt: new Date() })
      .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, jobRunId), isNull(jobRuns.finishedAt)));
    const cancelledNow = await db
      .update(jobRuns)
      .set({ status: 'cancelled', finishedAt: new Date() })
      .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, jobRunId), eq(jobRuns.status, 'queued')))
      .returning({ id: jobRuns.id });
    if (cancelledNow.length > 0) await this.boss.cancel(type, jobRunId).catch(() => {});
  }

  private async execute(definition: JobDefinition<unknown>, job: PgBoss.JobWithMetadata<Message>) {
    const { jobRunId, tenantId, payload } = job.data;
    const db = this.database.db;
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, jobRunId));
    if (!run || run.status === 'cancelled' || run.status === 'succeeded') return;
    await db
      .update(jobRuns)
      .set({ status: 'running', startedAt: run.startedAt ?? new Date(), error: null })
      .where(eq(jobRuns.id, jobRunId));

    let lastProgressWrite = 0;
    let lastCancelCheck = 0;
    const context: JobContext = {
      jobId: jobRunId,
      scope: { ...systemScope(tenantId, `tâche ${definition.type}`) },
      database: this.database,
      logger: this.logger.child({ job: definition.type, jobRunId }),
      isRetry: job.retryCount > 0 || run.startedAt !== null,
      async reportProgress(done, total) {
        const now = Date.now();
        if (now - lastProgressWrite < PROGRESS_WRITE_INTERVAL_MS && done !== total) return;
        lastProgressWrite = now;
        await db
          .update(jobRuns)
          .set({ progressDone: done, ...(total !== undefined ? { progressTotal: total } : {}) })
          .where(eq(jobRuns.id, jobRunId));
      },
      async throwIfCancelled() {
        const now = Date.now();
        if (now - lastCancelCheck < CANCEL_CHECK_INTERVAL_MS) return;
        lastCancelCheck = now;
        const [current] = await db
          .select({ cancelRequestedAt: jobRuns.cancelRequestedAt })
          .from(jobRuns)
          .where(eq(jobRuns.id, jobRunId));
        if (current?.cancelRequestedAt) throw new JobCancelledError();
      },
    };

    try {
      const result = await definition.run(context, definition.payload.parse(payload));
      await db
        .update(jobRuns)
        .set({ status: 'succeeded', result: (result ?? null) as object | null, finishedAt: new Date() })
        .where(eq(jobRuns.id, jobRunId));
    } catch (error) {
      if (error instanceof JobCancelledError) {
        await db
          .update(jobRuns)
          .set({ status: 'cancelled', finishedAt: new Date() })
          .where(eq(jobRuns.id, jobRunId));
        return;
      }
      const willRetry = job.retryCount < job.retryLimit;
      const message = error instanceof Error ? error.message : String(error);
      context.logger.error({ err: error, willRetry }, 'job failed');
      await db
        .update(jobRuns)
        .set(
          willRetry
            ? { status: 'queued', error: message }
            : { status: 'failed', error: message, finishedAt: new Date() },
        )
        .where(eq(jobRuns.id, jobRunId));
      throw error;
    }
  }
}
