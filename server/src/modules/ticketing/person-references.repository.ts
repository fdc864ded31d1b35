import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { queryRows, uuidArray } from './ticketing.sql.ts';
import { refreshTicketingSummaries } from './ticketing-summaries.repository.ts';

/** Ticketing rows that name a person, by kind: what a merge moves and an unmerge gives back. */
export type PersonReferences = { orders: string[]; ticketLines: string[]; visits: string[] };

const TABLES = [
  ['orders', 'orders', 'buyer_person_id'],
  ['ticketLines', 'ticket_lines', 'holder_person_id'],
  ['visits', 'visits', 'person_id'],
] as const;

/**
 * Orders bought, tickets held and visits made by `fromId` now name `toId` (rows keep their version
 * and timestamps: only the reference changes); both people's summaries are recomputed.
 */
export async function reassignPersonReferences(
  tx: DbOrTx,
  tenantId: string,
  fromId: string,
  toId: string,
): Promise<PersonReferences> {
  const moved: PersonReferences = { orders: [], ticketLines: [], visits: [] };
  for (const [kind, table, column] of TABLES) {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE ${sql.raw(table)} SET ${sql.raw(column)} = ${toId}::uuid
        WHERE tenant_id = ${tenantId}::uuid AND ${sql.raw(column)} = ${fromId}::uuid RETURNING id`,
    );
    moved[kind] = rows.map((row) => row.id);
  }
  await refreshTicketingSummaries(tx, tenantId, [fromId, toId]);
  return moved;
}

/**
 * Gives back to `toId` the rows moved away from it, provided they still name `fromId`. Returns
 * how many rows of each kind could not be given back (changed or deleted since): the caller
 * decides whether the undo is still exact.
 */
export async function restorePersonReferences(
  tx: DbOrTx,
  tenantId: string,
  options: { moved: PersonReferences; fromId: string; toId: string },
): Promise<Record<keyof PersonReferences, number>> {
  const missing = { orders: 0, ticketLines: 0, visits: 0 };
  for (const [kind, table, column] of TABLES) {
    const ids = options.moved[kind];
    if (ids.length === 0) continue;
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE ${sql.raw(table)} SET ${sql.raw(column)} = ${options.toId}::uuid
        WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuidArray(ids)})
          AND ${sql.raw(column)} = ${options.fromId}::uuid RETURNING id`,
    );
    missing[kind] = ids.length - rows.length;
  }
  await refreshTicketingSummaries(tx, tenantId, [options.fromId, options.toId]);
  return missing;
}
