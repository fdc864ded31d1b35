import type { OrderInput } from '@parterre/contract/ticketing-push';
import type { DbOrTx } from '../../db/connection.ts';
import { type AuditEntry, recordAudits } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type DomainEvent, emitEvents } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import {
  hasIdentifier,
  type IntakePerson,
  namesAgree,
  resolvePeople,
} from '../contacts/people-intake.service.ts';
import { type CatalogueCache, type CatalogueIds, upsertCatalogue } from './catalogue-upsert.repository.ts';
import {
  catalogueNeeds,
  describeOrder,
  type PreparedOrder,
  prepareOrder,
  VOID_TICKET_STATUSES,
} from './orders-input.ts';
import {
  deleteLinesNotIn,
  type ExistingOrder,
  findLineHolders,
  findOrdersByExternalIds,
  type LineRow,
  upsertLineRows,
  upsertOrderRows,
} from './orders-upsert.repository.ts';
import { TICKETING_PERMISSIONS } from './ticketing.permissions.ts';
import { refreshStaleStatistics } from './ticketing.sql.ts';
import { refreshTicketingSummaries } from './ticketing-summaries.repository.ts';

export type UpsertOrdersInput = {
  source: string;
  orders: OrderInput[];
  /** `off`: people created are left as they are; otherwise their ids come back for the identity engine. */
  dedupe: 'off' | 'review' | 'merge';
  importId?: string | null;
  /** Kept across the batches of one import so that catalogue rows already written are skipped. */
  catalogueCache?: CatalogueCache;
  /**
   * Leave the ticketing summaries to the caller, who refreshes `concernedPeopleIds` once for many
   * batches (`refreshTicketingSummaries`): a long import then pays that aggregate once per person.
   */
  deferSummaries?: boolean;
};

export type UpsertOrderResult = {
  /** Position in `orders`. */
  index: number;
  externalId: string;
  status: 'created' | 'updated' | 'unchanged' | 'error';
  orderId?: string;
  error?: AppError;
};

export type UpsertOrdersResult = {
  results: UpsertOrderResult[];
  counts: Record<UpsertOrderResult['status'], number>;
  /** People created by this call (empty with `dedupe: 'off'`): the identity engine checks them. */
  newPeopleIds: string[];
  /** Buyers and holders, now or before, of the orders written: whose summaries changed. */
  concernedPeopleIds: string[];
};

/** What a batch reads through indexes: their statistics must follow the growth of an import. */
const STATISTICS_TABLES = [
  'people',
  'emails',
  'phones',
  'orders',
  'ticket_lines',
  'person_ticketing_summaries',
];

type Candidate = { index: number; order: OrderInput; prepared: PreparedOrder; existing?: ExistingOrder };

/** Orders that repeat an order or a ticket id seen earlier in the batch are refused, not merged. */
function rejectRepeats(orders: OrderInput[], results: UpsertOrderResult[]): Candidate[] {
  const orderIds = new Set<string>();
  const lineIds = new Set<string>();
  const candidates: Candidate[] = [];
  orders.forEach((order, index) => {
    const ownLines = order.lines.map((line) => line.externalId);
    const repeated = orderIds.has(order.externalId)
      ? order.externalId
      : ownLines.find((id, i) => lineIds.has(id) || ownLines.indexOf(id) !== i);
    if (repeated !== undefined) {
      const error = new AppError('ticketing.duplicate_in_batch', { details: { externalId: repeated } });
      results[index] = { index, externalId: order.externalId, status: 'error', error };
      return;
    }
    orderIds.add(order.externalId);
    for (const id of ownLines) lineIds.add(id);
    candidates.push({ index, order, prepared: prepareOrder(order) });
  });
  return candidates;
}

/**
 * The buyers and holders of the orders to write, in one list for `resolvePeople`. Each carries the
 * person it was last time (same order, same ticket) as a candidate, so that someone known only by
 * name is found again; a holder known only by the buyer's name is the buyer.
 */
function collectPeople(toWrite: Candidate[], previousHolders: Map<string, string | null>) {
  const people: IntakePerson[] = [];
  const slots = toWrite.map(({ prepared, existing }) => {
    const { buyer } = prepared;
    const buyerSlot = buyer
      ? people.push({ ...buyer, candidateId: existing?.buyerPersonId ?? null }) - 1
      : -1;
    const holderSlots = prepared.lines.map(({ holder, externalId }) => {
      if (!holder) return -1;
      if (buyer && !hasIdentifier(holder) && namesAgree(holder, buyer)) return -1;
      return people.push({ ...holder, candidateId: previousHolders.get(externalId) ?? null }) - 1;
    });
    return { buyerSlot, holderSlots };
  });
  return { people, slots };
}

function lineRows(
  candidate: Candidate,
  orderId: string,
  ids: CatalogueIds,
  holders: (string | null)[],
): LineRow[] {
  return candidate.prepared.lines.map((line, i) => ({
    id: newId(),
    external_id: line.externalId,
    order_id: orderId,
    performance_id: ids.get(`performance:${line.performanceKey}`) ?? null,
    price_category_id: line.priceCategoryCode ? (ids.get(`price:${line.priceCategoryCode}`) ?? null) : null,
    holder_person_id: holders[i],
    amount: line.amount,
    seat: line.seat,
    status: line.status,
    content_hash: line.hash,
  }));
}

/**
 * The one entry point for orders from outside — push API, webhooks and the file importer. Per call,
 * whatever its size, a fixed handful of statements: orders whose content hash is unchanged are
 * answered at once; the catalogue they need is upserted, buyers and holders are resolved (or
 * created) in bulk, orders and lines are upserted, one event and one audit row per written order
 * are inserted, and the ticketing summaries of everyone concerned are recomputed.
 */
export function createOrdersUpsertService(context: Pick<AppContext, 'database'>) {
  const db = context.database.db;

  async function upsertOrders(scope: RequestScope, input: UpsertOrdersInput, tx?: DbOrTx) {
    authorize(scope, TICKETING_PERMISSIONS.write);
    return tx ? upsertWithin(tx, scope, input) : db.transaction((t) => upsertWithin(t, scope, input));
  }

  async function upsertWithin(
    tx: DbOrTx,
    scope: RequestScope,
    input: UpsertOrdersInput,
  ): Promise<UpsertOrdersResult> {
    const { tenantId } = scope;
    const { source } = input;
    const results: UpsertOrderResult[] = new Array(input.orders.length);
    const finish = (newPeopleIds: string[], concerned: Set<string> = new Set()): UpsertOrdersResult => {
      const counts = { created: 0, updated: 0, unchanged: 0, error: 0 };
      for (const result of results) counts[result.status] += 1;
      return {
        results,
        counts,
        newPeopleIds: input.dedupe === 'off' ? [] : newPeopleIds,
        concernedPeopleIds: [...concerned],
      };
    };

    const candidates = rejectRepeats(input.orders, results);
    // A server has autovacuum for this; the embedded database has nothing.
    if (context.database.kind === 'embedded') await refreshStaleStatistics(tx, STATISTICS_TABLES);
    const existing = await findOrdersByExternalIds(
      tx,
      tenantId,
      source,
      candidates.map((c) => c.order.externalId),
    );
    const toWrite: Candidate[] = [];
    for (const candidate of candidates) {
      const { index, prepared } = candidate;
      const stored = existing.get(prepared.externalId);
      if (stored?.contentHash === prepared.hash) {
        results[index] = { index, externalId: prepared.externalId, status: 'unchanged', orderId: stored.id };
      } else toWrite.push({ ...candidate, existing: stored });
    }
    if (toWrite.length === 0) return finish([]);

    const catalogue = await upsertCatalogue(tx, {
      tenantId,
      source,
      needs: catalogueNeeds(toWrite.map((c) => c.order)),
      cache: input.catalogueCache,
    });
    const previousIds = toWrite.flatMap((c) => c.existing?.id ?? []);
    const previousLines = await findLineHolders(tx, tenantId, previousIds);
    const previousHolders = new Map(previousLines.map((line) => [line.externalId, line.holderPersonId]));
    const { people, slots } = collectPeople(toWrite, previousHolders);
    const resolved = await resolvePeople(tx, scope, { source, people });
    const personAt = (slot: number) => (slot >= 0 ? resolved.ids[slot] : null);

    const written = await upsertOrderRows(tx, {
      tenantId,
      source,
      importId: input.importId ?? null,
      rows: toWrite.map(({ prepared, existing: stored }, i) => ({
        id: stored?.id ?? newId(),
        external_id: prepared.externalId,
        buyer_person_id: personAt(slots[i].buyerSlot),
        ordered_at: prepared.orderedAt,
        channel: prepared.channel,
        status: prepared.status,
        total: prepared.total,
        currency: prepared.currency,
        content_hash: prepared.hash,
      })),
    });
    const writtenByKey = new Map(written.map((row) => [row.externalId, row]));

    const lines: LineRow[] = [];
    const events: DomainEvent[] = [];
    const audits: AuditEntry[] = [];
    const concerned = new Set<string>(previousLines.flatMap((line) => line.holderPersonId ?? []));
    toWrite.forEach((candidate, i) => {
      const { index, prepared, existing: stored } = candidate;
      const row = writtenByKey.get(prepared.externalId);
      if (!row) {
        // Written meanwhile with the same content by a concurrent batch.
        results[index] = { index, externalId: prepared.externalId, status: 'unchanged', orderId: stored?.id };
        return;
      }
      const buyerId = personAt(slots[i].buyerSlot);
      const holders = slots[i].holderSlots.map((slot) => {
        const holder = personAt(slot);
        return holder === buyerId ? null : holder;
      });
      lines.push(...lineRows(candidate, row.id, catalogue, holders));
      const status = row.inserted ? 'created' : 'updated';
      results[index] = { index, externalId: prepared.externalId, status, orderId: row.id };
      const subjects = [...new Set([buyerId, ...holders].filter((id): id is string => id !== null))];
      for (const id of [...subjects, stored?.buyerPersonId ?? null]) if (id) concerned.add(id);
      const type = row.inserted ? 'order.imported' : 'order.updated';
      const ticketCount = prepared.lines.filter((line) => !VOID_TICKET_STATUSES.includes(line.status)).length;
      events.push({
        type,
        entityType: 'order',
        entityId: row.id,
        subjects,
        payload: {
          orderId: row.id,
          source,
          externalId: prepared.externalId,
          orderedAt: prepared.orderedAt,
          channel: prepared.channel,
          status: prepared.status,
          ...(stored ? { previousStatus: stored.status } : {}),
          total: prepared.total,
          currency: prepared.currency,
          ticketCount,
          productionTitles: prepared.productionTitles,
          label: describeOrder(prepared),
        },
      });
      audits.push({
        action: type,
        entityType: 'order',
        entityId: row.id,
        before: stored ? { status: stored.status, buyerPersonId: stored.buyerPersonId } : null,
        after: {
          source,
          externalId: prepared.externalId,
          status: prepared.status,
          total: prepared.total,
          buyerPersonId: buyerId,
          ticketCount,
        },
        reason: input.importId ? `Import ${input.importId}` : `Source ${source}`,
      });
    });

    await upsertLineRows(tx, { tenantId, source, rows: lines });
    const updatedIds = toWrite.flatMap((c) => {
      const row = writtenByKey.get(c.prepared.externalId);
      return row && !row.inserted ? [row.id] : [];
    });
    await deleteLinesNotIn(tx, {
      tenantId,
      orderIds: updatedIds,
      keptExternalIds: toWrite.flatMap((c) => c.prepared.lines.map((line) => line.externalId)),
    });
    await emitEvents(tx, scope, events);
    await recordAudits(tx, scope, audits);
    if (!input.deferSummaries) await refreshTicketingSummaries(tx, tenantId, [...concerned]);
    return finish(resolved.createdIds, concerned);
  }

  return { upsertOrders };
}

export type OrdersUpsertService = ReturnType<typeof createOrdersUpsertService>;
