import { securitySettingsSchema, updateSecuritySettingsInputSchema } from '@parterre/contract/accounts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import { problems, updateProblems } from './route-schemas.ts';
import { createSettingsService } from './settings.service.ts';

const tags = ['settings'];
const permission = ACCOUNT_PERMISSIONS.settings;

export function registerSettingsRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const settings = createSettingsService(context);

  app.get(
    '/api/v1/settings/security',
    {
      config: { permission },
      schema: {
        summary: 'Lire les réglages de sécurité',
        tags,
        response: { 200: securitySettingsSchema, ...problems },
      },
    },
    async (request, reply) => {
      const current = await settings.getSecuritySettings(request.scope);
      setETag(reply, current.version);
      return current;
    },
  );

  app.patch(
    '/api/v1/settings/security',
    {
      config: { permission },
      schema: {
        summary: 'Modifier les réglages de sécurité (TOTP obligatoire, durées de session)',
        tags,
        body: updateSecuritySettingsInputSchema,
        response: { 200: securitySettingsSchema, ...updateProblems },
      },
    },
    async (request, reply) => {
      const updated = await settings.updateSecuritySettings(
        request.scope,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, updated.version);
      return updated;
    },
  );
}
