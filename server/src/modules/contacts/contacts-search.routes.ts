import { problemSchema } from '@parterre/contract/common';
import { searchQuerySchema, searchResponseSchema } from '@parterre/contract/search';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';
import { createContactSearchService } from './contacts-search.service.ts';

export function registerContactSearchRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const service = createContactSearchService(context);

  app.get(
    '/api/v1/search',
    {
      config: { permission: LIST_PERMISSIONS.read },
      schema: {
        summary: 'Rechercher personnes et structures (nom, e-mail, téléphone, code postal)',
        tags: ['contacts'],
        querystring: searchQuerySchema,
        response: { 200: searchResponseSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => ({ data: await service.search(request.scope, request.query) }),
  );
}
