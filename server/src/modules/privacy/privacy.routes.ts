import { idParamsSchema, problemSchema } from '@parterre/contract/common';
import {
  createPrivacyRequestInputSchema,
  personExportQuerySchema,
  personExportSchema,
  privacyRequestListQuerySchema,
  privacyRequestListSchema,
  privacyRequestSchema,
  updatePrivacyRequestInputSchema,
} from '@parterre/contract/privacy';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { attachment } from '../contacts/contacts.http.ts';
import { type PortabilityService, personExportToCsv } from './portability.ts';
import { personExportToHtml } from './portability-html.ts';
import { PRIVACY_PERMISSIONS } from './privacy.permissions.ts';
import type { PrivacyService } from './privacy.service.ts';

const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const tags = ['protection des données'];

/** `/api/v1/privacy/requests` (register of data-subject requests) and a person's portability bundle. */
export function registerPrivacyRoutes(
  server: FastifyInstance,
  services: { privacy: PrivacyService; portability: PortabilityService },
): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { privacy, portability } = services;

  app.get(
    '/api/v1/privacy/requests',
    {
      config: { permission: PRIVACY_PERMISSIONS.read },
      schema: {
        summary: 'Registre des demandes d’exercice des droits, par échéance (avec les compteurs)',
        description:
          '`dueBefore` ne garde que les demandes ouvertes (reçue, en cours) dont l’échéance tombe au plus tard ce jour-là. `counts` porte sur tout le registre : ouvertes, en retard, à échéance dans les 7 jours.',
        tags,
        querystring: privacyRequestListQuerySchema,
        response: { 200: privacyRequestListSchema, ...errorResponses },
      },
    },
    async (request) => privacy.listRequests(request.scope, request.query),
  );

  app.post(
    '/api/v1/privacy/requests',
    {
      config: { permission: PRIVACY_PERMISSIONS.manage },
      schema: {
        summary:
          'Enregistrer une demande (accès, portabilité, rectification, effacement, limitation, opposition)',
        description: 'L’échéance est calculée : réception + 1 mois (mois calendaire, heure de Paris).',
        tags,
        body: createPrivacyRequestInputSchema,
        response: { 201: privacyRequestSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await privacy.createRequest(request.scope, request.body);
      setETag(reply, created.version);
      reply.header('location', `/api/v1/privacy/requests/${created.id}`);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/privacy/requests/:id',
    {
      config: { permission: PRIVACY_PERMISSIONS.read },
      schema: {
        summary: 'Consulter une demande d’exercice des droits',
        tags,
        params: idParamsSchema,
        response: { 200: privacyRequestSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await privacy.getRequest(request.scope, request.params.id);
      setETag(reply, found.version);
      return found;
    },
  );

  app.patch(
    '/api/v1/privacy/requests/:id',
    {
      config: { permission: PRIVACY_PERMISSIONS.manage },
      schema: {
        summary:
          'Traiter une demande : identité, prolongation, responsable, statut, réponse (If-Match obligatoire)',
        description:
          'La prolongation (`extension`, 1 ou 2 mois, motif obligatoire) n’est possible qu’une fois (art. 12.3 du RGPD). Les statuts « répondue » et « refusée » exigent une réponse.',
        tags,
        params: idParamsSchema,
        body: updatePrivacyRequestInputSchema,
        response: {
          200: privacyRequestSchema,
          ...errorResponses,
          412: problemSchema.extend({ current: privacyRequestSchema.optional() }),
          428: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const updated = await privacy.updateRequest(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, updated.version);
      return updated;
    },
  );

  app.get(
    '/api/v1/contacts/:id/export',
    {
      config: { permission: PRIVACY_PERMISSIONS.manage },
      schema: {
        summary: 'Exporter tout ce qui concerne une personne (droit d’accès et portabilité)',
        description:
          'Fiche, relations, notes, commandes et billets, consentements avec preuves, entrées du journal et demandes. `format=csv` : une ligne par champ (section ; élément ; champ ; valeur) ; `format=html` : un résumé lisible. L’export est journalisé.',
        tags,
        params: idParamsSchema,
        querystring: personExportQuerySchema,
        response: { 200: personExportSchema.or(z.string()), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const bundle = await portability.exportPerson(request.scope, request.params.id, format);
      reply.header('cache-control', 'no-store');
      if (format === 'csv') {
        attachment(reply, `donnees-${bundle.personId}.csv`);
        return reply.type('text/csv; charset=utf-8').send(personExportToCsv(bundle));
      }
      if (format === 'html') {
        attachment(reply, `donnees-${bundle.personId}.html`);
        return reply.type('text/html; charset=utf-8').send(personExportToHtml(bundle));
      }
      attachment(reply, `donnees-${bundle.personId}.json`);
      return bundle;
    },
  );
}
