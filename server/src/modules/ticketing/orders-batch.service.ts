import { type OrderBatchResult, type OrderInput, orderInputSchema } from '@parterre/contract/ticketing-push';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import { problemFor } from '../../platform/http/problem.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { requestPeopleCheck } from '../identity/people-check.jobs.ts';
import type { OrdersUpsertService } from './orders-upsert.service.ts';

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() };

/**
 * The push API and the webhooks: each order of the batch is validated on its own (a faulty one is
 * answered `error` with its problem, the others go on), then the valid ones are upserted together.
 */
export function createOrderBatchService(deps: { ordersUpsert: OrdersUpsertService; database: Database }) {
  async function importOrderBatch(
    scope: RequestScope,
    batch: { source: string; dedupe: 'off' | 'review' | 'merge'; orders: unknown[] },
    instance: string,
  ): Promise<OrderBatchResult> {
    const results: OrderBatchResult['results'] = [];
    const valid: { index: number; order: OrderInput }[] = [];
    batch.orders.forEach((item, index) => {
      const parsed = orderInputSchema.safeParse(item, { error: zodLocales[scope.locale].localeError });
      if (parsed.success) {
        valid.push({ index, order: parsed.data });
        return;
      }
      const externalId = (item as { externalId?: unknown })?.externalId;
      const error = new AppError('common.validation', {
        fieldErrors: parsed.error.issues.map((issue) => ({
          path: ['body', 'orders', index, ...issue.path].map(String).join('.'),
          code: issue.code,
          message: issue.message,
        })),
      });
      results.push({
        index,
        externalId: typeof externalId === 'string' ? externalId : null,
        status: 'error',
        error: problemFor(error, scope.locale, instance),
      });
    });
    if (valid.length > 0) {
      const outcome = await deps.ordersUpsert.upsertOrders(scope, {
        source: batch.source,
        dedupe: batch.dedupe,
        orders: valid.map((v) => v.order),
      });
      await requestPeopleCheck(deps.database, scope, {
        personIds: outcome.newPeopleIds,
        dedupe: batch.dedupe,
      });
      for (const result of outcome.results) {
        const { index } = valid[result.index];
        results.push({
          index,
          externalId: result.externalId,
          status: result.status,
          ...(result.orderId ? { orderId: result.orderId } : {}),
          ...(result.error ? { error: problemFor(result.error, scope.locale, instance) } : {}),
        });
      }
    }
    results.sort((a, b) => a.index - b.index);
    const counts = { created: 0, updated: 0, unchanged: 0, error: 0 };
    for (const result of results) counts[result.status] += 1;
    return { results, counts };
  }

  return { importOrderBatch };
}

export type OrderBatchService = ReturnType<typeof createOrderBatchService>;
