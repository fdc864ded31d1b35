import {
  createDepartmentInputSchema,
  departmentSchema,
  updateDepartmentInputSchema,
} from '@parterre/contract/accounts';
import { idParamsSchema, pageQuerySchema, pageSchema } from '@parterre/contract/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import { createDepartmentsService } from './departments.service.ts';
import { noContent, problems, sendEmpty, updateProblems } from './route-schemas.ts';

const tags = ['departments'];
const permission = ACCOUNT_PERMISSIONS.departments;

export function registerDepartmentRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const departments = createDepartmentsService(context);

  app.get(
    '/api/v1/departments',
    {
      config: { permission: 'authenticated' },
      schema: {
        summary: 'Lister les services',
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(departmentSchema), ...problems },
      },
    },
    async (request) => departments.listDepartments(request.scope, request.query),
  );

  app.post(
    '/api/v1/departments',
    {
      config: { permission },
      schema: {
        summary: 'Créer un service',
        tags,
        body: createDepartmentInputSchema,
        response: { 201: departmentSchema, ...problems },
      },
    },
    async (request, reply) => {
      const department = await departments.createDepartment(request.scope, request.body);
      setETag(reply, department.version);
      return reply.status(201).send(department);
    },
  );

  app.patch(
    '/api/v1/departments/:id',
    {
      config: { permission },
      schema: {
        summary: 'Modifier un service',
        tags,
        params: idParamsSchema,
        body: updateDepartmentInputSchema,
        response: { 200: departmentSchema, ...updateProblems },
      },
    },
    async (request, reply) => {
      const department = await departments.updateDepartment(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, department.version);
      return department;
    },
  );

  app.delete(
    '/api/v1/departments/:id',
    {
      config: { permission },
      schema: {
        summary: "Supprimer un service (s'il n'est plus utilisé)",
        tags,
        params: idParamsSchema,
        response: { 204: noContent, ...problems },
      },
    },
    async (request, reply) => {
      await departments.deleteDepartment(request.scope, request.params.id);
      return sendEmpty(reply, 204);
    },
  );
}
