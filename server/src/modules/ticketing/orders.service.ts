import type {
  ListOrdersQuery,
  Order,
  OrderSummary,
  PersonTicketing,
  RecordVisitInput,
  Visit,
} from '@parterre/contract/ticketing';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { loadPersonNames } from '../contacts/people-intake.service.ts';
import {
  findTicketForScan,
  listOrderLines,
  listOrderRows,
  type OrderListRow,
  performanceExists,
  upsertVisit,
} from './orders.repository.ts';
import { TICKETING_PERMISSIONS } from './ticketing.permissions.ts';
import { findTicketingSummary, refreshTicketingSummaries } from './ticketing-summaries.repository.ts';

type Db = AppContext['database']['db'];

const RECENT_ORDERS = 5;

async function toSummaries(db: Db, tenantId: string, rows: OrderListRow[]): Promise<OrderSummary[]> {
  const names = await loadPersonNames(
    db,
    tenantId,
    rows.flatMap((row) => row.buyerPersonId ?? []),
  );
  return rows.map(({ buyerPersonId, ...row }) => ({
    ...row,
    status: row.status as OrderSummary['status'],
    buyer: buyerPersonId
      ? { id: buyerPersonId, name: names.get(buyerPersonId) ?? '(contact supprimé)' }
      : null,
  }));
}

/** Reading orders, a person's ticketing facts, and recording entry scans. */
export function createOrdersService(context: Pick<AppContext, 'database'>) {
  const db = context.database.db;

  /** Newest first; by buyer or holder (`personId`), performance, status, channel, source and days. */
  async function listOrders(scope: RequestScope, query: ListOrdersQuery) {
    authorize(scope, TICKETING_PERMISSIONS.read);
    const after = decodeCursor(query.cursor) as [string | null, string] | undefined;
    const rows = await listOrderRows(db, {
      tenantId: scope.tenantId,
      ...query,
      after,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (row) => [row.orderedAt, row.id]);
    return { data: await toSummaries(db, scope.tenantId, page.data), nextCursor: page.nextCursor };
  }

  /** An order with its tickets, their performance, price category and holder. */
  async function getOrder(scope: RequestScope, id: string): Promise<Order> {
    authorize(scope, TICKETING_PERMISSIONS.read);
    const [row] = await listOrderRows(db, { tenantId: scope.tenantId, orderIds: [id], limit: 1 });
    if (!row) throw new AppError('ticketing.order_not_found');
    const [summary] = await toSummaries(db, scope.tenantId, [row]);
    const lines = await listOrderLines(db, scope.tenantId, id);
    const holders = await loadPersonNames(
      db,
      scope.tenantId,
      lines.flatMap((line) => line.holderPersonId ?? []),
    );
    return {
      ...summary,
      lines: lines.map(({ holderPersonId, ...line }) => ({
        ...line,
        status: line.status as Order['lines'][number]['status'],
        priceCategory: line.priceCategory as Order['lines'][number]['priceCategory'],
        holder: holderPersonId ? { id: holderPersonId, name: holders.get(holderPersonId) ?? '' } : null,
      })),
    };
  }

  /** The person's stored ticketing facts (zeros when they never bought) and latest orders. */
  async function getPersonTicketing(scope: RequestScope, personId: string): Promise<PersonTicketing> {
    authorize(scope, TICKETING_PERMISSIONS.read);
    const names = await loadPersonNames(db, scope.tenantId, [personId]);
    if (!names.has(personId)) throw new AppError('contacts.not_found');
    const summary = await findTicketingSummary(db, scope.tenantId, personId);
    const zero = { last12Months: 0, allTime: 0 };
    const recent = await listOrderRows(db, { tenantId: scope.tenantId, personId, limit: RECENT_ORDERS });
    return {
      personId,
      ...(summary ?? {
        firstOrderAt: null,
        lastOrderAt: null,
        firstVisitAt: null,
        lastVisitAt: null,
        orders: zero,
        tickets: zero,
        visits: zero,
        spend: zero,
        favouriteDisciplines: [],
        favouriteVenues: [],
        refreshedAt: null,
      }),
      recentOrders: await toSummaries(db, scope.tenantId, recent),
    };
  }

  function unknownReference(scope: RequestScope, path: string): AppError {
    return new AppError('common.validation', {
      fieldErrors: [
        {
          path,
          code: 'ticketing.unknown_reference',
          message: errorMessage('ticketing.unknown_reference', scope.locale),
        },
      ],
    });
  }

  /**
   * Records an entry scan or a visit, idempotent on (source, external id). A scanned ticket gives the
   * person (its holder, or the buyer) and the performance. The person's summary is refreshed.
   */
  async function recordVisit(
    scope: RequestScope,
    input: RecordVisitInput,
  ): Promise<{ visit: Visit; created: boolean }> {
    authorize(scope, TICKETING_PERMISSIONS.write);
    return db.transaction(async (tx) => {
      const ticket = input.ticketLineExternalId
        ? await findTicketForScan(tx, scope.tenantId, input.source, input.ticketLineExternalId)
        : undefined;
      if (input.ticketLineExternalId && !ticket) throw new AppError('ticketing.unknown_ticket');
      const personId = input.personId ?? ticket?.personId ?? null;
      if (
        input.personId &&
        !(await loadPersonNames(tx, scope.tenantId, [input.personId])).has(input.personId)
      ) {
        throw unknownReference(scope, 'body.personId');
      }
      const performanceId = input.performanceId ?? ticket?.performanceId ?? null;
      if (input.performanceId && !(await performanceExists(tx, scope.tenantId, input.performanceId))) {
        throw unknownReference(scope, 'body.performanceId');
      }
      const result = await upsertVisit(tx, scope.tenantId, {
        id: newId(),
        source: input.source,
        externalId: input.externalId,
        personId,
        ticketLineId: ticket?.id ?? null,
        performanceId,
        scannedAt: input.scannedAt,
      });
      if (result.changed) {
        const { visit } = result;
        const type = result.inserted ? 'visit.recorded' : 'visit.updated';
        await recordAudit(tx, scope, { action: type, entityType: 'visit', entityId: visit.id, after: visit });
        await emitEvent(tx, scope, {
          type,
          entityType: 'visit',
          entityId: visit.id,
          subjects: visit.personId ? [visit.personId] : [],
          payload: {
            visitId: visit.id,
            source: visit.source,
            externalId: visit.externalId,
            scannedAt: visit.scannedAt,
            performanceId: visit.performanceId,
          },
        });
        const concerned = [visit.personId, result.previousPersonId].filter((id): id is string => id !== null);
        await refreshTicketingSummaries(tx, scope.tenantId, concerned);
      }
      return { visit: result.visit, created: result.inserted };
    });
  }

  return { listOrders, getOrder, getPersonTicketing, recordVisit };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
