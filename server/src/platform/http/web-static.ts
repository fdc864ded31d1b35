import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/** Serves the built back office; unknown non-API paths get index.html so that client routes load. */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const hasBuild = existsSync(path.join(webDistDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url.startsWith('/api') || request.url === '/metrics';
    if (!isApi && hasBuild && request.method === 'GET') {
      const file = request.url.split('?')[0];
      if (!path.extname(file)) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError('common.not_found');
  });
}
