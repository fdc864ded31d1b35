import { auditEntrySchema, auditQuerySchema } from '@parterre/contract/audit';
import { pageSchema, problemSchema } from '@parterre/contract/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUDIT_PERMISSION, createAuditService } from './audit.service.ts';
import type { AppContext } from './context.ts';

/** Read-only on purpose: there is no route that changes the trail (a trigger refuses it anyway). */
export function registerAuditRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const audit = createAuditService(context);

  app.get(
    '/api/v1/audit',
    {
      config: { permission: AUDIT_PERMISSION },
      schema: {
        summary: "Parcourir le journal d'audit (du plus récent au plus ancien)",
        tags: ['audit'],
        querystring: auditQuerySchema,
        response: {
          200: pageSchema(auditEntrySchema),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => audit.listAudit(request.scope, request.query),
  );
}
