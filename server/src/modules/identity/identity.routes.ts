import { idParamsSchema, pageSchema, problemSchema } from '@parterre/contract/common';
import {
  dismissPairInputSchema,
  dismissPairResultSchema,
  duplicatePairDetailSchema,
  duplicatePairQuerySchema,
  duplicatePairSchema,
  matchingRuleSetSchema,
  scanStartedSchema,
} from '@parterre/contract/identity';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../contacts/contacts.http.ts';
import type { DuplicatesService } from './duplicates.service.ts';
import { IDENTITY_PERMISSIONS } from './identity.permissions.ts';
import type { RulesService } from './rules.service.ts';

const tags = ['doublons'];

/** The review queue, the full scan and the matching rules. */
export function registerDuplicatesRoutes(
  server: FastifyInstance,
  services: { duplicates: DuplicatesService; rules: RulesService },
): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { duplicates, rules } = services;

  app.get(
    '/api/v1/duplicates',
    {
      config: { permission: IDENTITY_PERMISSIONS.merge },
      schema: {
        summary: 'Lister les doublons probables à examiner (meilleur score d’abord)',
        description:
          'Paires en attente de décision dont le score atteint `minScore` (par défaut le seuil de revue des règles), avec les raisons du score champ par champ.',
        tags,
        querystring: duplicatePairQuerySchema,
        response: { 200: pageSchema(duplicatePairSchema), ...errorResponses },
      },
    },
    async (request) => duplicates.listPairs(request.scope, request.query),
  );

  app.post(
    '/api/v1/duplicates/scan',
    {
      config: { permission: IDENTITY_PERMISSIONS.admin },
      schema: {
        summary: 'Rechercher les doublons dans toute la base (tâche de fond)',
        description:
          'Répond 202 avec l’identifiant de la tâche, à suivre sur `GET /api/v1/jobs/{id}`. Relancer la recherche ne crée aucune paire en double ; les paires écartées le restent.',
        tags,
        response: { 202: scanStartedSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await duplicates.startScan(request.scope)),
  );

  app.post(
    '/api/v1/duplicates/dismiss',
    {
      config: { permission: IDENTITY_PERMISSIONS.merge },
      schema: {
        summary: 'Marquer deux fiches comme « pas la même personne »',
        description:
          'Par `pairId` (une paire de la file) ou par `aId` et `bId` (deux fiches quelconques). Mémorisé : aucune recherche ultérieure ne propose plus cette paire.',
        tags,
        body: dismissPairInputSchema,
        response: { 200: dismissPairResultSchema, ...errorResponses },
      },
    },
    async (request) => duplicates.dismissPair(request.scope, request.body),
  );

  app.get(
    '/api/v1/duplicates/rules',
    {
      config: { permission: IDENTITY_PERMISSIONS.admin },
      schema: {
        summary: 'Consulter les règles de détection des doublons et les seuils',
        tags,
        response: { 200: matchingRuleSetSchema, ...errorResponses },
      },
    },
    async (request) => rules.getRules(request.scope),
  );

  app.put(
    '/api/v1/duplicates/rules',
    {
      config: { permission: IDENTITY_PERMISSIONS.admin },
      schema: {
        summary: 'Modifier les règles de détection des doublons et les seuils',
        description:
          'Seuil de revue, seuil de fusion automatique (au moins égal au premier) et fusion automatique, désactivée par défaut.',
        tags,
        body: matchingRuleSetSchema,
        response: { 200: matchingRuleSetSchema, ...errorResponses },
      },
    },
    async (request) => rules.updateRules(request.scope, request.body),
  );

  app.get(
    '/api/v1/duplicates/:id',
    {
      config: { permission: IDENTITY_PERMISSIONS.merge },
      schema: {
        summary: 'Consulter une paire de doublons avec les deux fiches complètes',
        tags,
        params: idParamsSchema,
        response: { 200: duplicatePairDetailSchema, ...errorResponses, 404: problemSchema },
      },
    },
    async (request) => duplicates.getPair(request.scope, request.params.id),
  );
}
