import { problemSchema } from '@parterre/contract/common';
import { bulkActionInputSchema, bulkActionResultSchema } from '@parterre/contract/contact-lists';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { createContactBulkService } from './contacts-bulk.service.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';

export function registerContactBulkRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const service = createContactBulkService(context);

  app.post(
    '/api/v1/contacts::bulk',
    {
      config: { permission: LIST_PERMISSIONS.write },
      schema: {
        summary: 'Action groupée sur une sélection ou un filtre (étiqueter, changer de service, supprimer)',
        description:
          'Jusqu’à 1 000 personnes : fait immédiatement (200). Au-delà : tâche de fond (202, suivre /api/v1/jobs/{jobId}).',
        tags: ['contacts'],
        body: bulkActionInputSchema,
        response: {
          200: bulkActionResultSchema,
          202: bulkActionResultSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await service.runAction(request.scope, request.body);
      return reply.status(result.jobId ? 202 : 200).send(result);
    },
  );
}
