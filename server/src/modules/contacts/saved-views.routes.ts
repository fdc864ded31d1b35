import { idParamsSchema, problemSchema } from '@parterre/contract/common';
import {
  createSavedViewInputSchema,
  savedViewListQuerySchema,
  savedViewSchema,
  updateSavedViewInputSchema,
} from '@parterre/contract/contact-lists';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';
import { createSavedViewsService } from './saved-views.service.ts';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  412: problemSchema,
  428: problemSchema,
};
const permission = LIST_PERMISSIONS.read;

export function registerSavedViewRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const service = createSavedViewsService(context);

  app.get(
    '/api/v1/saved-views',
    {
      config: { permission },
      schema: {
        summary: 'Lister mes vues enregistrées',
        tags: ['contacts'],
        querystring: savedViewListQuerySchema,
        response: { 200: z.object({ data: z.array(savedViewSchema) }), ...errors },
      },
    },
    async (request) => service.listViews(request.scope, request.query.entity),
  );

  app.post(
    '/api/v1/saved-views',
    {
      config: { permission },
      schema: {
        summary: 'Enregistrer une vue (filtre, tri, colonnes)',
        tags: ['contacts'],
        body: createSavedViewInputSchema,
        response: { 201: savedViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await service.createView(request.scope, request.body);
      setETag(reply, view.version);
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/saved-views/:id',
    {
      config: { permission },
      schema: {
        summary: 'Lire une de mes vues enregistrées',
        tags: ['contacts'],
        params: idParamsSchema,
        response: { 200: savedViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await service.getView(request.scope, request.params.id);
      setETag(reply, view.version);
      return view;
    },
  );

  app.patch(
    '/api/v1/saved-views/:id',
    {
      config: { permission },
      schema: {
        summary: 'Modifier une de mes vues enregistrées (If-Match obligatoire)',
        tags: ['contacts'],
        params: idParamsSchema,
        body: updateSavedViewInputSchema,
        response: { 200: savedViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await service.updateView(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, view.version);
      return view;
    },
  );

  app.delete(
    '/api/v1/saved-views/:id',
    {
      config: { permission },
      schema: {
        summary: 'Supprimer une de mes vues enregistrées',
        tags: ['contacts'],
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.removeView(request.scope, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
