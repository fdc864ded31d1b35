import { idParamsSchema, pageSchema, problemSchema } from '@parterre/contract/common';
import { catalogueListQuerySchema } from '@parterre/contract/ticketing';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { type CatalogueResource, catalogueResources } from './catalogue.resources.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { TICKETING_PERMISSIONS } from './ticketing.permissions.ts';

export const ticketingErrorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

const tags = ['billetterie'];
type Input = Record<string, unknown>;

function registerResource(server: FastifyInstance, service: CatalogueService, resource: CatalogueResource) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const base = `/api/v1/${resource.path}`;
  const { one, many } = resource.labelFr;
  const staleProblem = problemSchema.extend({ current: resource.schema.optional() });
  const read = { permission: TICKETING_PERMISSIONS.read };
  const write = { permission: TICKETING_PERMISSIONS.write };

  app.get(
    base,
    {
      config: read,
      schema: {
        summary: `Lister ${many}`,
        tags,
        querystring: catalogueListQuerySchema,
        response: { 200: pageSchema(resource.schema), ...ticketingErrorResponses },
      },
    },
    async (request) => service.list(request.scope, resource, request.query),
  );

  app.get(
    `${base}/:id`,
    {
      config: read,
      schema: {
        summary: `Consulter ${one}`,
        tags,
        params: idParamsSchema,
        response: { 200: resource.schema, ...ticketingErrorResponses },
      },
    },
    async (request, reply) => {
      const dto = await service.get(request.scope, resource, request.params.id);
      setETag(reply, Number(dto.version));
      return dto;
    },
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        summary: `Créer ${one}`,
        description: resource.sourced
          ? 'Saisie à la main sans `source` ni `externalId`. Avec eux, une ligne déjà connue sous ces identifiants est mise à jour (200) au lieu d’être créée (201).'
          : undefined,
        tags,
        body: resource.createSchema,
        response: { 200: resource.schema, 201: resource.schema, ...ticketingErrorResponses },
      },
    },
    async (request, reply) => {
      const { created, dto } = await service.create(request.scope, resource, request.body as Input);
      setETag(reply, Number(dto.version));
      reply.header('location', `${base}/${dto.id}`);
      return reply.status(created ? 201 : 200).send(dto);
    },
  );

  app.patch(
    `${base}/:id`,
    {
      config: write,
      schema: {
        summary: `Modifier ${one} (If-Match obligatoire)`,
        tags,
        params: idParamsSchema,
        body: resource.updateSchema,
        response: {
          200: resource.schema,
          ...ticketingErrorResponses,
          412: staleProblem,
          428: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const dto = await service.update(
        request.scope,
        resource,
        request.params.id,
        expectedVersion(request),
        request.body as Input,
      );
      setETag(reply, Number(dto.version));
      return dto;
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: write,
      schema: {
        summary: `Supprimer ${one} (refusé tant qu’il est utilisé)`,
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Aucun contenu'), ...ticketingErrorResponses },
      },
    },
    async (request, reply) => {
      await service.remove(request.scope, resource, request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/** CRUD for venues, seasons, productions, performances and price categories. */
export function registerCatalogueRoutes(app: FastifyInstance, service: CatalogueService): void {
  for (const resource of catalogueResources) registerResource(app, service, resource);
}
