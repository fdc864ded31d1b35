import { idParamsSchema, problemSchema } from '@parterre/contract/common';
import {
  createCustomFieldInputSchema,
  customFieldSchema,
  listCustomFieldsQuerySchema,
  updateCustomFieldInputSchema,
} from '@parterre/contract/custom-fields';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { conditionalErrorResponses, errorResponses } from './contacts.http.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { CustomFieldsService } from './custom-fields.service.ts';

const tags = ['custom-fields'];

export function registerCustomFieldsRoutes(server: FastifyInstance, customFields: CustomFieldsService): void {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/custom-fields',
    {
      config: { permission: CONTACTS_PERMISSIONS.read },
      schema: {
        summary: 'Lister les champs personnalisés',
        tags,
        querystring: listCustomFieldsQuerySchema,
        response: { 200: z.object({ data: z.array(customFieldSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ data: await customFields.listCustomFields(request.scope, request.query.entity) }),
  );

  app.get(
    '/api/v1/custom-fields/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.read },
      schema: {
        summary: 'Consulter un champ personnalisé',
        tags,
        params: idParamsSchema,
        response: { 200: customFieldSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const field = await customFields.getCustomField(request.scope, request.params.id);
      setETag(reply, field.version);
      return field;
    },
  );

  app.post(
    '/api/v1/custom-fields',
    {
      config: { permission: CONTACTS_PERMISSIONS.manageCustomFields },
      schema: {
        summary: 'Créer un champ personnalisé',
        tags,
        body: createCustomFieldInputSchema,
        response: { 201: customFieldSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const field = await customFields.createCustomField(request.scope, request.body);
      setETag(reply, field.version);
      return reply.status(201).send(field);
    },
  );

  app.patch(
    '/api/v1/custom-fields/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.manageCustomFields },
      schema: {
        summary: 'Modifier un champ personnalisé (libellé, options, obligatoire, sensible, ordre)',
        tags,
        params: idParamsSchema,
        body: updateCustomFieldInputSchema,
        response: {
          200: customFieldSchema,
          ...conditionalErrorResponses,
          412: problemSchema.extend({ current: customFieldSchema.optional() }),
        },
      },
    },
    async (request, reply) => {
      const field = await customFields.updateCustomField(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, field.version);
      return field;
    },
  );

  app.delete(
    '/api/v1/custom-fields/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.manageCustomFields },
      schema: {
        summary: 'Supprimer un champ personnalisé (les valeurs saisies sont masquées, pas effacées)',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Aucun contenu'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await customFields.deleteCustomField(request.scope, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
