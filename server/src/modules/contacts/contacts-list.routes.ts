import { problemSchema } from '@parterre/contract/common';
import {
  contactCountQuerySchema,
  contactCountSchema,
  personListPageSchema,
  personListQuerySchema,
} from '@parterre/contract/contact-lists';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { registerContactBulkRoutes } from './contacts-bulk.routes.ts';
import { contactsBulkJob } from './contacts-bulk.service.ts';
import { contactsExportJob } from './contacts-export.jobs.ts';
import { registerContactExportRoutes } from './contacts-export.routes.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';
import { createContactListService } from './contacts-list.service.ts';
import { registerContactSearchRoutes } from './contacts-search.routes.ts';
import { registerSavedViewRoutes } from './saved-views.routes.ts';
import { registerTimelineRoutes } from './timeline.routes.ts';

/** Background jobs of the list side: bulk actions on large selections, and exports. */
export const contactListJobs = [contactsBulkJob, contactsExportJob];

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/**
 * Every route of the list side of contacts: search, lists and counts, saved views, bulk actions,
 * exports and timelines. contacts.module.ts calls this once.
 */
export function registerContactListRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const service = createContactListService(context);

  app.get(
    '/api/v1/contacts',
    {
      config: { permission: LIST_PERMISSIONS.read },
      schema: {
        summary: 'Lister les personnes (filtres, tri, pagination par curseur)',
        tags: ['contacts'],
        querystring: personListQuerySchema,
        response: { 200: personListPageSchema, ...errors },
      },
    },
    async (request) => service.listPeople(request.scope, request.query),
  );

  app.get(
    '/api/v1/contacts::count',
    {
      config: { permission: LIST_PERMISSIONS.read },
      schema: {
        summary: 'Compter les personnes correspondant à un filtre',
        tags: ['contacts'],
        querystring: contactCountQuerySchema,
        response: { 200: contactCountSchema, ...errors },
      },
    },
    async (request) => service.countMatchingPeople(request.scope, request.query),
  );

  registerContactSearchRoutes(server, context);
  registerSavedViewRoutes(server, context);
  registerContactBulkRoutes(server, context);
  registerContactExportRoutes(server, context);
  registerTimelineRoutes(server, context);
}
