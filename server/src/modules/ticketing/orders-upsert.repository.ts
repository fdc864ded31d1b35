import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { jsonParam, queryRows, textArray, uuidArray } from './ticketing.sql.ts';

export type ExistingOrder = {
  id: string;
  externalId: string;
  contentHash: string | null;
  status: string;
  buyerPersonId: string | null;
};

/** What is stored of the given orders of a source, to tell unchanged ones before any other work. */
export async function findOrdersByExternalIds(
  db: DbOrTx,
  tenantId: string,
  source: string,
  externalIds: string[],
): Promise<Map<string, ExistingOrder>> {
  if (externalIds.length === 0) return new Map();
  const rows = await queryRows(
    db,
    sql`SELECT id, external_id, content_hash, status, buyer_person_id FROM orders
      WHERE tenant_id = ${tenantId}::uuid AND source = ${source} AND external_id = ANY(${textArray(externalIds)})`,
  );
  return new Map(
    rows.map((row) => [
      String(row.external_id),
      {
        id: String(row.id),
        externalId: String(row.external_id),
        contentHash: (row.content_hash as string | null) ?? null,
        status: String(row.status),
        buyerPersonId: (row.buyer_person_id as string | null) ?? null,
      },
    ]),
  );
}

/** The holders of the lines of some orders, by line external id (to keep them, and refresh them). */
export async function findLineHolders(
  db: DbOrTx,
  tenantId: string,
  orderIds: string[],
): Promise<{ externalId: string; holderPersonId: string | null }[]> {
  if (orderIds.length === 0) return [];
  const rows = await queryRows(
    db,
    sql`SELECT external_id, holder_person_id FROM ticket_lines
      WHERE tenant_id = ${tenantId}::uuid AND order_id = ANY(${uuidArray(orderIds)})`,
  );
  return rows.map((row) => ({
    externalId: String(row.external_id),
    holderPersonId: (row.holder_person_id as string | null) ?? null,
  }));
}

export type OrderRow = {
  id: string;
  external_id: string;
  buyer_person_id: string | null;
  ordered_at: string;
  channel: string;
  status: string;
  total: number;
  currency: string;
  content_hash: string;
};

/**
 * Inserts new orders and updates those whose content hash changed, in one statement; returns the
 * rows it wrote, `inserted` telling a creation from an update. Rows it left alone are unchanged.
 */
export async function upsertOrderRows(
  tx: DbOrTx,
  options: { tenantId: string; source: string; importId: string | null; rows: OrderRow[] },
): Promise<{ id: string; externalId: string; inserted: boolean }[]> {
  if (options.rows.length === 0) return [];
  const rows = await queryRows(
    tx,
    sql`INSERT INTO orders (id, tenant_id, source, external_id, buyer_person_id, ordered_at, channel,
        status, total, currency, content_hash, import_id)
      SELECT x.id, ${options.tenantId}::uuid, ${options.source}, x.external_id, x.buyer_person_id, x.ordered_at,
        x.channel, x.status, x.total, x.currency, x.content_hash, ${options.importId}::uuid
      FROM jsonb_to_recordset(${jsonParam(options.rows)}) AS x(id uuid, external_id text, buyer_person_id uuid,
        ordered_at timestamptz, channel text, status text, total numeric, currency text, content_hash text)
      ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET
        buyer_person_id = excluded.buyer_person_id, ordered_at = excluded.ordered_at,
        channel = excluded.channel, status = excluded.status, total = excluded.total,
        currency = excluded.currency, content_hash = excluded.content_hash,
        import_id = coalesce(excluded.import_id, orders.import_id),
        updated_at = now(), version = orders.version + 1
      WHERE orders.content_hash IS DISTINCT FROM excluded.content_hash
      RETURNING id, external_id, (xmax = 0) AS inserted`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    externalId: String(row.external_id),
    inserted: row.inserted === true || row.inserted === 't',
  }));
}

export type LineRow = {
  id: string;
  external_id: string;
  order_id: string;
  performance_id: string | null;
  price_category_id: string | null;
  holder_person_id: string | null;
  amount: number;
  seat: string | null;
  status: string;
  content_hash: string;
};

/** Same as orders: one statement, lines whose hash did not change are left alone. */
export async function upsertLineRows(
  tx: DbOrTx,
  options: { tenantId: string; source: string; rows: LineRow[] },
): Promise<void> {
  if (options.rows.length === 0) return;
  await tx.execute(
    sql`INSERT INTO ticket_lines (id, tenant_id, source, external_id, order_id, performance_id,
        price_category_id, holder_person_id, amount, seat, status, content_hash)
      SELECT x.id, ${options.tenantId}::uuid, ${options.source}, x.external_id, x.order_id, x.performance_id,
        x.price_category_id, x.holder_person_id, x.amount, x.seat, x.status, x.content_hash
      FROM jsonb_to_recordset(${jsonParam(options.rows)}) AS x(id uuid, external_id text, order_id uuid,
        performance_id uuid, price_category_id uuid, holder_person_id uuid, amount numeric, seat text,
        status text, content_hash text)
      ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET
        order_id = excluded.order_id, performance_id = excluded.performance_id,
        price_category_id = excluded.price_category_id, holder_person_id = excluded.holder_person_id,
        amount = excluded.amount, seat = excluded.seat, status = excluded.status,
        content_hash = excluded.content_hash, updated_at = now(), version = ticket_lines.version + 1
      WHERE ticket_lines.content_hash IS DISTINCT FROM excluded.content_hash`,
  );
}

/** Lines of updated orders that the source no longer sends are deleted. */
export async function deleteLinesNotIn(
  tx: DbOrTx,
  options: { tenantId: string; orderIds: string[]; keptExternalIds: string[] },
): Promise<void> {
  if (options.orderIds.length === 0) return;
  await tx.execute(
    sql`DELETE FROM ticket_lines WHERE tenant_id = ${options.tenantId}::uuid
      AND order_id = ANY(${uuidArray(options.orderIds)})
      AND NOT (external_id = ANY(${textArray(options.keptExternalIds)}))`,
  );
}
