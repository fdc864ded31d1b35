import { problemSchema } from '@parterre/contract/common';
import { dataQualityReportSchema } from '@parterre/contract/data-quality';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DATA_QUALITY_PERMISSIONS } from './data-quality.permissions.ts';
import type { DataQualityService } from './data-quality.service.ts';

export function registerDataQualityRoutes(server: FastifyInstance, service: DataQualityService): void {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/data-quality',
    {
      config: { permission: DATA_QUALITY_PERMISSIONS.report },
      schema: {
        summary: 'Rapport de qualité des données (par source, avec le filtre de chaque chiffre)',
        tags: ['data-quality'],
        response: { 200: dataQualityReportSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => service.getReport(request.scope),
  );
}
