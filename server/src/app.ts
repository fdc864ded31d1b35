import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.ts';
import { type Authenticator, registerAuthentication } from './platform/http/authentication.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { sendProblem } from './platform/http/problem.ts';
import { registerWebApp } from './platform/http/web-static.ts';
import type { ModuleDefinition } from './platform/module.ts';
import { registerPlatformRoutes } from './platform/platform.routes.ts';

export type BuildAppOptions = {
  context: AppContext;
  modules: ModuleDefinition[];
  authenticator: Authenticator;
  logger?: boolean;
};

/** Builds the HTTP application: platform conventions first, then every module's routes. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { context } = options;
  const app: FastifyInstance = Fastify({
    ...(options.logger === false
      ? { logger: false }
      : { loggerInstance: context.logger as unknown as FastifyBaseLogger }),
    trustProxy: true,
    bodyLimit: 10 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  // Clients often send `Content-Type: application/json` with an empty DELETE or POST body.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' ? done(null, undefined) : parseJson(request, body as string, done),
  );

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // The API reference page (Scalar) needs inline scripts and styles; the back office does not.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie, { secret: context.config.sessionSecret });
  await app.register(csrf, {
    cookieKey: 'parterre_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 2 * 1024 * 1024 * 1024, files: 1 } });

  registerAuthentication(app, {
    authenticator: options.authenticator,
    defaultTenantId: context.defaultTenantId,
  });
  registerIdempotency(app, context.database.db);
  registerMetrics(app);
  await registerOpenApi(app);

  registerPlatformRoutes(app, context);
  for (const module of options.modules) {
    await module.routes?.(app, context);
  }
  await registerWebApp(app);
  return app;
}
