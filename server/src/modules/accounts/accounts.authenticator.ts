import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import type { Authentication, Authenticator } from '../../platform/http/authentication.ts';
import { apiTokens, roles, sessions, userDepartments, userRoles, users } from './accounts.tables.ts';

export const SESSION_COOKIE = 'parterre_session';
/** Throttles `last_seen_at` / `last_used_at` writes: one per minute per session or token is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export type SessionPolicy = { idleMinutes: number; absoluteHours: number; totpRequired: boolean };

/** What a session user who still has to enrol TOTP may reach (besides public routes). */
function allowedBeforeTotpEnrolment(request: FastifyRequest): boolean {
  const url = request.routeOptions.url ?? '';
  return (
    request.routeOptions.config?.permission === 'public' ||
    url === '/api/v1/auth/me' ||
    url === '/api/v1/auth/logout' ||
    url.startsWith('/api/v1/auth/totp/')
  );
}

/**
 * What a signed-in user may do: the union of their roles' permissions, and their departments.
 * As sub-selects, so that authenticating a request stays one round trip to the database.
 */
function accessColumns() {
  // Qualified by hand: drizzle leaves a lone table's columns unqualified, and inside the
  // sub-selects an unqualified "id" would bind to roles.id.
  const userId = sql.raw('"users"."id"');
  return {
    permissions: sql<string[]>`(select coalesce(array_agg(distinct p), '{}') from ${userRoles}
      join ${roles} on ${roles.id} = ${userRoles.roleId}, unnest(${roles.permissions}) as p
      where ${userRoles.userId} = ${userId})`,
    departmentIds: sql<string[]>`(select coalesce(array_agg(${userDepartments.departmentId}), '{}')
      from ${userDepartments} where ${userDepartments.userId} = ${userId})`,
  };
}

export async function loadUserAccess(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select(accessColumns())
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return { permissions: new Set(row?.permissions ?? []), departmentIds: row?.departmentIds ?? [] };
}

/** Session cookie first (the back office), then `Authorization: Bearer prt_…` (the API). */
export function createAuthenticator(db: Db, policy: () => Promise<SessionPolicy>): Authenticator {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<Authentication | null> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return authenticateToken(db, header.slice(7).trim());
    const signed = request.cookies[SESSION_COOKIE];
    if (!signed) return null;
    const unsigned = request.unsignCookie(signed);
    if (!unsigned.valid || !unsigned.value) return null;
    const sessionPolicy = await policy();
    const authentication = await authenticateSession(db, unsigned.value, sessionPolicy);
    if (!authentication) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return null;
    }
    // The one place where the TOTP policy is enforced: tokens are created by enrolled users, or
    // by administrators on purpose, so only cookie sessions are held back until enrolment.
    if (sessionPolicy.totpRequired && !authentication.totpEnabled && !allowedBeforeTotpEnrolment(request)) {
      throw new AppError('auth.totp_enrolment_required');
    }
    return authentication.authentication;
  };
}

async function authenticateSession(db: Db, sessionId: string, policy: SessionPolicy) {
  const idHash = sha256(sessionId);
  const now = new Date();
  const idleLimit = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const [row] = await db
    .select({
      tenantId: sessions.tenantId,
      userId: sessions.userId,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      name: users.name,
      status: users.status,
      totpEnabled: users.totpEnabled,
      ...accessColumns(),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleLimit)));
  if (row?.status !== 'active') return null;
  if (row.createdAt.getTime() + policy.absoluteHours * 3_600_000 < now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  const authentication: Authentication = {
    tenantId: row.tenantId,
    via: 'session',
    principal: {
      kind: 'user',
      userId: row.userId,
      name: row.name,
      permissions: new Set(row.permissions),
      departmentIds: row.departmentIds,
    },
  };
  return { authentication, totpEnabled: row.totpEnabled };
}

async function authenticateToken(db: Db, secret: string): Promise<Authentication | null> {
  if (!secret.startsWith('prt_')) return null;
  const now = new Date();
  const [row] = await db
    .select({
      id: apiTokens.id,
      tenantId: apiTokens.tenantId,
      userId: apiTokens.userId,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
      name: users.name,
      status: users.status,
      ...accessColumns(),
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.secretHash, sha256(secret)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (row?.status !== 'active') return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  // A token never exceeds its user's rights; its scopes narrow them (`*` keeps them all).
  const userPermissions = new Set(row.permissions);
  const permissions = row.scopes.includes('*')
    ? userPermissions
    : new Set(row.scopes.filter((scope) => userPermissions.has(scope)));
  return {
    tenantId: row.tenantId,
    via: 'token',
    principal: {
      kind: 'token',
      userId: row.userId,
      name: row.name,
      permissions,
      departmentIds: row.departmentIds,
      tokenId: row.id,
    },
  };
}
