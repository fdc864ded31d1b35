import { idParamsSchema, problemSchema } from '@parterre/contract/common';
import {
  contactConsentsSchema,
  createPurposeInputSchema,
  purposeDetailSchema,
  purposeListQuerySchema,
  purposeListSchema,
  purposeSchema,
  RECORD_CONSENTS_MAX,
  recordConsentsBodySchema,
  recordConsentsResultSchema,
  updatePurposeInputSchema,
} from '@parterre/contract/consent';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { CONSENT_PERMISSIONS } from './consent.permissions.ts';
import type { ConsentService } from './consent.service.ts';
import type { PurposesService } from './purposes.service.ts';

const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const tags = ['consentements'];

/** `/api/v1/purposes` and the consent ledger of a contact (history and new events; nothing else writes it). */
export function registerConsentRoutes(
  server: FastifyInstance,
  services: { purposes: PurposesService; consent: ConsentService },
): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { purposes, consent } = services;

  app.get(
    '/api/v1/purposes',
    {
      config: { permission: CONSENT_PERMISSIONS.read },
      schema: {
        summary: 'Lister les finalités (newsletter, programmation, mécénat…)',
        tags,
        querystring: purposeListQuerySchema,
        response: { 200: purposeListSchema, ...errorResponses },
      },
    },
    async (request) => purposes.listPurposes(request.scope, request.query),
  );

  app.post(
    '/api/v1/purposes',
    {
      config: { permission: CONSENT_PERMISSIONS.managePurposes },
      schema: {
        summary: 'Créer une finalité et son premier texte de consentement',
        tags,
        body: createPurposeInputSchema,
        response: { 201: purposeDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const purpose = await purposes.createPurpose(request.scope, request.body);
      setETag(reply, purpose.version);
      reply.header('location', `/api/v1/purposes/${purpose.id}`);
      return reply.status(201).send(purpose);
    },
  );

  app.get(
    '/api/v1/purposes/:id',
    {
      config: { permission: CONSENT_PERMISSIONS.read },
      schema: {
        summary: 'Consulter une finalité et l’historique de ses textes',
        tags,
        params: idParamsSchema,
        response: { 200: purposeDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const purpose = await purposes.getPurpose(request.scope, request.params.id);
      setETag(reply, purpose.version);
      return purpose;
    },
  );

  app.patch(
    '/api/v1/purposes/:id',
    {
      config: { permission: CONSENT_PERMISSIONS.managePurposes },
      schema: {
        summary: 'Modifier une finalité (If-Match obligatoire ; un nouveau texte crée une version)',
        tags,
        params: idParamsSchema,
        body: updatePurposeInputSchema,
        response: {
          200: purposeDetailSchema,
          ...errorResponses,
          412: problemSchema.extend({ current: purposeSchema.optional() }),
          428: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const purpose = await purposes.updatePurpose(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, purpose.version);
      return purpose;
    },
  );

  app.get(
    '/api/v1/contacts/:id/consents',
    {
      config: { permission: CONSENT_PERMISSIONS.read },
      schema: {
        summary: 'Consentements d’un contact : état actuel et historique complet avec preuves',
        tags,
        params: idParamsSchema,
        response: { 200: contactConsentsSchema, ...errorResponses },
      },
    },
    async (request) => consent.getContactConsents(request.scope, request.params.id),
  );

  app.post(
    '/api/v1/contacts/:id/consents',
    {
      config: { permission: CONSENT_PERMISSIONS.record },
      schema: {
        summary: 'Enregistrer un consentement ou un retrait, avec sa preuve',
        description: `Un événement, ou un tableau de 1 à ${RECORD_CONSENTS_MAX} événements enregistrés ensemble (tous ou aucun). L’historique ne se modifie jamais : pour changer d’avis, on enregistre un nouvel événement. Pour les sources en ligne (form, api, preference_centre), l’adresse IP et le navigateur de la requête servent de preuve s’ils ne sont pas donnés.`,
        tags,
        params: idParamsSchema,
        body: recordConsentsBodySchema,
        response: { 201: recordConsentsResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await consent.recordConsents(request.scope, request.params.id, request.body, {
        ip: request.scope.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return reply.status(201).send(result);
    },
  );
}
