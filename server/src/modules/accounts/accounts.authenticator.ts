import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.ts';
import type { Authentication, Authenticator } from '../../platform/http/authentication.ts';
import { apiTokens, roles, sessions, userDepartments, userRoles, users } from './accounts.tables.ts';

export const SESSION_COOKIE = 'parterre_session';
/** Throttles `last_seen_at` / `last_used_at` writes: one per minute per session or token is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

/** Loads what a signed-in user may do: the union of their roles' permissions, and their departments. */
export async function loadUserAccess(db: Db, tenantId: string, userId: string) {
  const roleRows = await db
    .select({ permissions: roles.permissions })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId)));
  const departmentRows = await db
    .select({ departmentId: userDepartments.departmentId })
    .from(userDepartments)
    .where(and(eq(userDepartments.tenantId, tenantId), eq(userDepartments.userId, userId)));
  return {
    permissions: new Set(roleRows.flatMap((row) => row.permissions)),
    departmentIds: departmentRows.map((row) => row.departmentId),
  };
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
    const authentication = await authenticateSession(db, unsigned.value, await policy());
    if (!authentication) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return authentication;
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
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleLimit)));
  if (!row || row.status !== 'active') return null;
  if (row.createdAt.getTime() + policy.absoluteHours * 3_600_000 < now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  const access = await loadUserAccess(db, row.tenantId, row.userId);
  return {
    tenantId: row.tenantId,
    via: 'session' as const,
    principal: { kind: 'user' as const, userId: row.userId, name: row.name, ...access },
  };
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
  if (!row || row.status !== 'active') return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  const access = await loadUserAccess(db, row.tenantId, row.userId);
  // A token never exceeds its user's rights; its scopes narrow them (`*` keeps them all).
  const permissions = row.scopes.includes('*')
    ? access.permissions
    : new Set(row.scopes.filter((scope) => access.permissions.has(scope)));
  return {
    tenantId: row.tenantId,
    via: 'token',
    principal: {
      kind: 'token',
      userId: row.userId,
      name: row.name,
      permissions,
      departmentIds: access.departmentIds,
      tokenId: row.id,
    },
  };
}
