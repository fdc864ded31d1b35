import { idParamsSchema, pageQuerySchema, pageSchema, problemSchema } from '@parterre/contract/common';
import { healthSchema } from '@parterre/contract/health';
import { jobSchema } from '@parterre/contract/jobs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuditRoutes } from './audit.routes.ts';
import type { AppContext } from './context.ts';
import { createJobRunsService } from './job-runs.service.ts';
import { registerOutboxRoutes } from './outbox.routes.ts';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

export function registerPlatformRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const jobs = createJobRunsService(context);

  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'État du service (base de données, tâches)',
        tags: ['platform'],
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const database = await context.database.db
        .execute(sql`select 1`)
        .then(() => 'ok' as const)
        .catch(() => 'down' as const);
      const queue = await context.database.sql
        .executeSql('select 1 from pgboss.version limit 1')
        .then(() => 'ok' as const)
        .catch(() => 'down' as const);
      const status = database === 'ok' && queue === 'ok' ? 'ok' : 'degraded';
      return reply.status(status === 'ok' ? 200 : 503).send({
        status,
        database: { status: database, mode: context.database.kind },
        jobs: { status: queue },
        version: '0.1.0',
      });
    },
  );

  app.get(
    '/api/v1/jobs',
    {
      config: { permission: 'jobs.read' },
      schema: {
        summary: 'Lister les tâches de fond',
        tags: ['jobs'],
        querystring: pageQuerySchema,
        response: { 200: pageSchema(jobSchema), ...errors },
      },
    },
    async (request) => jobs.listJobs(request.scope, request.query),
  );

  app.get(
    '/api/v1/jobs/:id',
    {
      config: { permission: 'jobs.read' },
      schema: {
        summary: 'Suivre une tâche de fond (statut, progression, résultat)',
        tags: ['jobs'],
        params: idParamsSchema,
        response: { 200: jobSchema, ...errors },
      },
    },
    async (request) => jobs.getJob(request.scope, request.params.id),
  );

  app.post(
    '/api/v1/jobs/:id/cancel',
    {
      config: { permission: 'jobs.read' },
      schema: {
        summary: 'Annuler une tâche de fond',
        tags: ['jobs'],
        params: idParamsSchema,
        response: { 202: jobSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(202).send(await jobs.cancelJob(request.scope, request.params.id)),
  );

  registerAuditRoutes(server, context);
  registerOutboxRoutes(server, context);
}
