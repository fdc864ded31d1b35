import { idParamsSchema, problemSchema } from '@parterre/contract/common';
import { timelinePageSchema, timelineQuerySchema } from '@parterre/contract/timeline';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';
import { createTimelineService } from './timeline.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function registerTimelineRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const service = createTimelineService(context);

  for (const kind of ['person', 'organisation'] as const) {
    app.get(
      kind === 'person' ? '/api/v1/contacts/:id/timeline' : '/api/v1/organisations/:id/timeline',
      {
        config: { permission: LIST_PERMISSIONS.read },
        schema: {
          summary: kind === 'person' ? 'Historique d’une personne' : 'Historique d’une structure',
          tags: ['contacts'],
          params: idParamsSchema,
          querystring: timelineQuerySchema,
          response: { 200: timelinePageSchema, ...errors },
        },
      },
      async (request) => service.getTimeline(request.scope, { kind, id: request.params.id }, request.query),
    );
  }
}
