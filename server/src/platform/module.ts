import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import type { JobDefinition } from './jobs.ts';

/** What a business capability plugs into the platform. */
export type ModuleDefinition = {
  name: string;
  routes?(app: FastifyInstance, context: AppContext): void | Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: each job has its own payload type
  jobs?: JobDefinition<any>[];
  /** Idempotent seeding for a tenant (run at every start). */
  bootstrap?(context: AppContext, tenantId: string): Promise<void>;
};
