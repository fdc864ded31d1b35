import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../errors.ts';
import { idempotencyKeys } from '../platform.tables.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { tenantId: string; principalId: string; key: string } | null;
  }
}

function principalIdOf(principal: { kind: string; userId?: string }): string | null {
  return principal.kind === 'user' || principal.kind === 'token' ? (principal.userId ?? null) : null;
}

/**
 * `Idempotency-Key` on POST: the first request's status and body are stored; a retry with the same
 * key and body gets them back without running again, a different body with the same key is refused.
 */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || key.length === 0) return;
    const principalId = principalIdOf(request.scope.principal as { kind: string; userId?: string });
    if (!principalId) return;
    const tenantId = request.scope.tenantId;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');

    const inserted = await db
      .insert(idempotencyKeys)
      .values({ tenantId, principalId, key: key.slice(0, 200), requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotency = { tenantId, principalId, key: key.slice(0, 200) };
      return;
    }
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.tenantId, tenantId),
          eq(idempotencyKeys.principalId, principalId),
          eq(idempotencyKeys.key, key.slice(0, 200)),
        ),
      );
    if (existing.requestHash !== requestHash) throw new AppError('common.idempotency_conflict');
    if (existing.statusCode === null) throw new AppError('common.idempotency_in_progress');
    reply.header('idempotent-replayed', 'true');
    return reply.status(existing.statusCode).send(existing.responseBody);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const stored = request.idempotency;
    if (!stored) return payload;
    const where = and(
      eq(idempotencyKeys.tenantId, stored.tenantId),
      eq(idempotencyKeys.principalId, stored.principalId),
      eq(idempotencyKeys.key, stored.key),
    );
    if (reply.statusCode >= 500) {
      // A failure is not an answer: the client may retry with the same key.
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    let body: unknown = null;
    try {
      body = typeof payload === 'string' && payload.length > 0 ? JSON.parse(payload) : null;
    } catch {
      body = payload;
    }
    await db
      .update(idempotencyKeys)
      .set({ statusCode: reply.statusCode, responseBody: body as object })
      .where(where);
    return payload;
  });
}
