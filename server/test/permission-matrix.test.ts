import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roles } from '../src/modules/accounts/accounts.tables.ts';
import { type DeclaredRoute, registerAuthentication } from '../src/platform/http/authentication.ts';
import { BUILT_IN_ROLES } from '../src/platform/permissions.ts';
import { buildUser } from './builders.ts';
import { createTestApp, type TestApp } from './test-app.ts';

// Real processes and every route × every role: slow on a loaded two-core machine.
vi.setConfig({ testTimeout: 300_000 });

type Principal = { label: string; headers: Record<string, string>; permissions: ReadonlySet<string> | null };

/**
 * A concrete URL for a route pattern: every `:param` becomes a random uuid, `::` (Fastify's escaped
 * colon, as in `/contacts::batch`) a literal colon, a wildcard a word.
 */
function concreteUrl(url: string): string {
  return url
    .replace(/::|:[A-Za-z0-9_]+(\([^)]*\))?/g, (match) => (match === '::' ? ':' : randomUUID()))
    .replace(/\*$/, 'x');
}

const isSpecial = (permission: string) => permission === 'public' || permission === 'authenticated';

/**
 * Every route the server registers (read from the server itself, so routes added later are covered)
 * × anonymous and every built-in role plus a user without role: the gate answers as declared.
 */
describe('permission matrix', () => {
  let t: TestApp;
  let routes: (DeclaredRoute & { permission: string })[];
  const principals: Principal[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    routes = t.app.declaredRoutes.filter(
      (route): route is DeclaredRoute & { permission: string } =>
        route.method !== 'HEAD' && route.method !== 'OPTIONS' && typeof route.permission === 'string',
    );
    principals.push({ label: 'anonyme', headers: {}, permissions: null });
    for (const code of [...BUILT_IN_ROLES, null]) {
      const user = await buildUser(t, { roles: code ? [code] : [] });
      // Permissions as stored in the database, not as this test might believe them to be.
      const [row] = code
        ? await t.database.db
            .select({ permissions: roles.permissions })
            .from(roles)
            .where(and(eq(roles.tenantId, t.context.defaultTenantId), eq(roles.code, code)))
        : [{ permissions: [] as string[] }];
      principals.push({
        label: code ?? 'sans rôle',
        headers: user.headers,
        permissions: new Set(row.permissions),
      });
    }
  });
  afterAll(async () => t?.close());

  it('sees every route of the server, accounts, audit and outbox included', () => {
    const keys = routes.map((route) => `${route.method} ${route.url}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'GET /api/v1/users',
        'PATCH /api/v1/users/:id',
        'DELETE /api/v1/departments/:id',
        'POST /api/v1/tokens/:id/revoke',
        'GET /api/v1/audit',
        'GET /api/v1/outbox/:id',
        'GET /api/v1/jobs',
        'GET /metrics',
      ]),
    );
  });

  it('declares a permission on every API route', () => {
    const api = t.app.declaredRoutes.filter(
      (route) => route.method !== 'HEAD' && (route.url.startsWith('/api') || route.url === '/metrics'),
    );
    expect(api.filter((route) => !route.permission)).toEqual([]);
  });

  it('declares only permissions of the catalogue', async () => {
    const admin = principals.find((p) => p.label === 'administrateur')!;
    const catalogue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/permissions',
      headers: admin.headers,
    });
    const codes = new Set(catalogue.json().data.map((p: { code: string }) => p.code));
    const unknown = routes.filter((route) => !isSpecial(route.permission) && !codes.has(route.permission));
    expect(unknown).toEqual([]);
  });

  it('refuses at start-up an API route that declares no permission', async () => {
    const app = Fastify();
    registerAuthentication(app, { authenticator: async () => null, defaultTenantId: randomUUID() });
    await expect(
      (async () => {
        app.get('/api/v1/oubli', async () => 'ok');
        await app.ready();
      })(),
    ).rejects.toThrow('declares no permission');
    await app.close();
  });

  it('answers every route as declared for anonymous callers and each built-in role', async () => {
    const failures: string[] = [];
    let ip = 0;
    for (const principal of principals) {
      ip += 1;
      for (const route of routes) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: { ...principal.headers, 'x-forwarded-for': `10.9.0.${ip}` },
          ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
        });
        const status = response.statusCode;
        const where = `${principal.label}: ${route.method} ${route.url} (${route.permission}) → ${status}`;
        // A public route may check its own credentials (webhook signature, reset link): no rule here.
        if (route.permission === 'public') continue;
        if (!principal.permissions) {
          if (status !== 401) failures.push(`${where}, attendu 401`);
        } else if (route.permission === 'authenticated' || principal.permissions.has(route.permission)) {
          if (status === 401 || status === 403) failures.push(`${where}, attendu ni 401 ni 403`);
        } else if (status !== 403) {
          failures.push(`${where}, attendu 403`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
