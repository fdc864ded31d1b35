import { idParamsSchema, problemSchema } from '@parterre/contract/common';
import {
  createRelationshipInputSchema,
  relationshipSchema,
  relationshipViewSchema,
  updateRelationshipInputSchema,
} from '@parterre/contract/relationships';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { conditionalErrorResponses, errorResponses } from './contacts.http.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { RelationshipsService } from './relationships.service.ts';

const tags = ['relationships'];
const viewList = z.object({ data: z.array(relationshipViewSchema) });

export function registerRelationshipsRoutes(
  server: FastifyInstance,
  relationships: RelationshipsService,
): void {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/contacts/:id/relationships',
    {
      config: { permission: CONTACTS_PERMISSIONS.read },
      schema: {
        summary: 'Lister les liens d’un contact (employeurs, foyer, famille…)',
        tags,
        params: idParamsSchema,
        response: { 200: viewList, ...errorResponses },
      },
    },
    async (request) => ({
      data: await relationships.listRelationshipsOf(request.scope, { personId: request.params.id }),
    }),
  );

  app.get(
    '/api/v1/organisations/:id/relationships',
    {
      config: { permission: CONTACTS_PERMISSIONS.read },
      schema: {
        summary: 'Lister les liens d’une structure (salariés, maison mère, filiales, réseaux)',
        tags,
        params: idParamsSchema,
        response: { 200: viewList, ...errorResponses },
      },
    },
    async (request) => ({
      data: await relationships.listRelationshipsOf(request.scope, { organisationId: request.params.id }),
    }),
  );

  app.get(
    '/api/v1/relationships/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.read },
      schema: {
        summary: 'Consulter un lien',
        tags,
        params: idParamsSchema,
        response: { 200: relationshipSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const relationship = await relationships.getRelationship(request.scope, request.params.id);
      setETag(reply, relationship.version);
      return relationship;
    },
  );

  app.post(
    '/api/v1/relationships',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      schema: {
        summary: 'Créer un lien entre deux fiches',
        description:
          'employment : personne → structure ; household, family, other : personne ↔ personne ; parent : maison mère → filiale ; member : structure → réseau dont elle est membre.',
        tags,
        body: createRelationshipInputSchema,
        response: { 201: relationshipSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const relationship = await relationships.createRelationship(request.scope, request.body);
      setETag(reply, relationship.version);
      return reply.status(201).send(relationship);
    },
  );

  app.patch(
    '/api/v1/relationships/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      schema: {
        summary: 'Modifier un lien (rôle, dates ; If-Match obligatoire)',
        tags,
        params: idParamsSchema,
        body: updateRelationshipInputSchema,
        response: {
          200: relationshipSchema,
          ...conditionalErrorResponses,
          412: problemSchema.extend({ current: relationshipSchema.optional() }),
        },
      },
    },
    async (request, reply) => {
      const relationship = await relationships.updateRelationship(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, relationship.version);
      return relationship;
    },
  );

  app.delete(
    '/api/v1/relationships/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      schema: {
        summary: 'Supprimer un lien',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Aucun contenu'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await relationships.deleteRelationship(request.scope, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
