import { idParamsSchema, pageQuerySchema, pageSchema, problemSchema } from '@parterre/contract/common';
import { outboxMailSchema } from '@parterre/contract/outbox';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { createOutboxService, OUTBOX_PERMISSION } from './outbox.service.ts';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function registerOutboxRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const outbox = createOutboxService(context);

  app.get(
    '/api/v1/outbox',
    {
      config: { permission: OUTBOX_PERMISSION },
      schema: {
        summary: 'Lister les emails conservés (du plus récent au plus ancien)',
        tags: ['outbox'],
        querystring: pageQuerySchema,
        response: { 200: pageSchema(outboxMailSchema), ...problems },
      },
    },
    async (request) => outbox.listMails(request.scope, request.query),
  );

  app.get(
    '/api/v1/outbox/:id',
    {
      config: { permission: OUTBOX_PERMISSION },
      schema: {
        summary: 'Lire un email conservé',
        tags: ['outbox'],
        params: idParamsSchema,
        response: { 200: outboxMailSchema, ...problems },
      },
    },
    async (request) => outbox.getMail(request.scope, request.params.id),
  );
}
