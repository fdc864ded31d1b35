import type { DbOrTx } from '../db/connection.ts';
import { bulkInsert } from './bulk-insert.ts';
import { newId } from './ids.ts';
import { outboxEvents } from './platform.tables.ts';
import { actorOf, type RequestScope } from './scope.ts';

export type DomainEvent = {
  /** `<entity>.<past-tense verb>`, e.g. `contact.created`, `order.imported`. */
  type: string;
  entityType: string;
  entityId: string | null;
  departmentId?: string | null;
  /** Ids of the people and organisations whose timeline shows this event. */
  subjects?: string[];
  payload?: Record<string, unknown>;
};

/** Written in the transaction of the change; timeline, webhooks and summaries read the outbox. */
export async function emitEvent(tx: DbOrTx, scope: RequestScope, event: DomainEvent): Promise<void> {
  await tx.insert(outboxEvents).values({
    id: newId(),
    tenantId: scope.tenantId,
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId,
    departmentId: event.departmentId ?? null,
    subjects: event.subjects ?? [],
    actorId: actorOf(scope).actorId,
    payload: event.payload ?? {},
  });
}

/** Bulk form of `emitEvent` for batch writes. */
export async function emitEvents(tx: DbOrTx, scope: RequestScope, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const { actorId } = actorOf(scope);
  await bulkInsert(
    tx,
    outboxEvents,
    events.map((event) => ({
      id: newId(),
      tenantId: scope.tenantId,
      type: event.type,
      entityType: event.entityType,
      entityId: event.entityId,
      departmentId: event.departmentId ?? null,
      subjects: event.subjects ?? [],
      actorId,
      payload: event.payload ?? {},
    })),
  );
}
