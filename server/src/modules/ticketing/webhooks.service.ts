import { createHmac, timingSafeEqual } from 'node:crypto';
import { importDedupeSchema } from '@parterre/contract/intake';
import { ORDER_BATCH_MAX, type OrderBatchResult } from '@parterre/contract/ticketing-push';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import { settings } from '../../platform/platform.tables.ts';
import { type RequestScope, systemScope } from '../../platform/scope.ts';
import { createSecretBox } from '../accounts/secret-box.ts';
import { mapHelloAssoOrder } from './helloasso.ts';
import type { OrderBatchService } from './orders-batch.service.ts';
import { TICKETING_PERMISSIONS } from './ticketing.permissions.ts';

const settingKey = (source: string) => `ticketing.webhook_secret.${source}`;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Signed webhooks from ticketing systems. Each source has its own secret, stored sealed
 * (AES-GCM, key derived from SESSION_SECRET) in the settings; a call is accepted only when
 * `X-Parterre-Signature: sha256=<hex>` is the HMAC-SHA256 of its raw body under that secret.
 */
export function createWebhooksService(
  context: Pick<AppContext, 'database' | 'config'>,
  deps: { orderBatch: OrderBatchService },
) {
  const db = context.database.db;
  const box = createSecretBox(context.config.sessionSecret, 'ticketing-webhooks');

  /** Sets (or replaces) a source's secret; nothing secret is returned or audited. */
  async function setWebhookSecret(scope: RequestScope, source: string, secret: string): Promise<void> {
    authorize(scope, TICKETING_PERMISSIONS.admin);
    await db.transaction(async (tx) => {
      const value = { sealed: box.seal(secret) };
      await tx
        .insert(settings)
        .values({ tenantId: scope.tenantId, key: settingKey(source), value })
        .onConflictDoUpdate({
          target: [settings.tenantId, settings.key],
          set: { value, updatedAt: new Date() },
        });
      await recordAudit(tx, scope, {
        action: 'ticketing.webhook_secret_set',
        entityType: 'settings',
        after: { source },
      });
    });
  }

  async function readSecret(tenantId: string, source: string): Promise<string | undefined> {
    const [row] = await db
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.tenantId, tenantId), eq(settings.key, settingKey(source))));
    const sealed = (row?.value as { sealed?: string } | undefined)?.sealed;
    if (!sealed) return undefined;
    try {
      return box.open(sealed);
    } catch {
      // Sealed under a former SESSION_SECRET: as good as no secret.
      return undefined;
    }
  }

  /** Throws `ticketing.bad_signature` unless the signature matches; an unknown source never matches. */
  async function verifySignature(tenantId: string, source: string, rawBody: Buffer, header: unknown) {
    const match = typeof header === 'string' ? SIGNATURE.exec(header.trim()) : null;
    const secret = match ? await readSecret(tenantId, source) : undefined;
    if (!match || !secret) throw new AppError('ticketing.bad_signature');
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    const given = Buffer.from(match[1], 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('ticketing.bad_signature');
    }
  }

  /** Our batch shape, or a HelloAsso notification; other HelloAsso events are acknowledged and ignored. */
  function ordersOf(body: unknown): { orders: unknown[]; dedupe?: unknown } | undefined {
    const payload = (body ?? {}) as Record<string, unknown>;
    if (Array.isArray(payload.orders)) return { orders: payload.orders, dedupe: payload.dedupe };
    if (typeof payload.eventType === 'string' && payload.data && typeof payload.data === 'object') {
      if (payload.eventType !== 'Order') return { orders: [] };
      const order = mapHelloAssoOrder(payload.data as Record<string, unknown>);
      return { orders: order ? [order] : [] };
    }
    return undefined;
  }

  /**
   * Verifies the signature, then imports the orders as the system (on behalf of the source). A
   * replayed body is harmless: orders are upserted on their ids and found unchanged.
   */
  async function receiveWebhook(
    scope: RequestScope,
    options: { source: string; rawBody: Buffer; body: unknown; signature: unknown; instance: string },
  ): Promise<OrderBatchResult> {
    await verifySignature(scope.tenantId, options.source, options.rawBody, options.signature);
    const batch = ordersOf(options.body);
    if (!batch || batch.orders.length > ORDER_BATCH_MAX) {
      throw new AppError('common.validation', {
        fieldErrors: [
          {
            path: 'body',
            message: `Attendu : { orders: [...] } (${ORDER_BATCH_MAX} au plus) ou une notification HelloAsso`,
          },
        ],
      });
    }
    const dedupe = importDedupeSchema.safeParse(batch.dedupe ?? 'review');
    const system = {
      ...systemScope(scope.tenantId, `webhook ${options.source}`),
      ip: scope.ip,
      locale: scope.locale,
    };
    return deps.orderBatch.importOrderBatch(
      system,
      {
        source: options.source,
        dedupe: dedupe.success ? dedupe.data : 'review',
        orders: batch.orders,
      },
      options.instance,
    );
  }

  return { setWebhookSecret, receiveWebhook };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
