import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { queryRows, toIso, toNumber } from './ticketing.sql.ts';

export type OrderListRow = {
  id: string;
  source: string;
  externalId: string;
  orderedAt: string | null;
  channel: string;
  status: string;
  total: number | null;
  currency: string;
  buyerPersonId: string | null;
  ticketCount: number;
  productionTitles: string[];
};

/** Newest first (undated ones before); `after` is the [orderedAt, id] of the last row of the previous page. */
export async function listOrderRows(
  db: DbOrTx,
  options: {
    tenantId: string;
    personId?: string;
    performanceId?: string;
    status?: string;
    channel?: string;
    source?: string;
    /** Days (YYYY-MM-DD), both included, in Paris time. */
    from?: string;
    to?: string;
    orderIds?: string[];
    after?: [string | null, string];
    limit: number;
  },
): Promise<OrderListRow[]> {
  const tenant = sql`${options.tenantId}::uuid`;
  const conditions: SQL[] = [sql`o.tenant_id = ${tenant}`];
  // Subqueries each served by an index (an OR across tables would scan every order).
  if (options.personId) {
    conditions.push(sql`o.id IN (
      SELECT id FROM orders WHERE tenant_id = ${tenant} AND buyer_person_id = ${options.personId}::uuid
      UNION SELECT order_id FROM ticket_lines WHERE tenant_id = ${tenant} AND holder_person_id = ${options.personId}::uuid)`);
  }
  if (options.performanceId) {
    conditions.push(sql`o.id IN (SELECT order_id FROM ticket_lines
      WHERE tenant_id = ${tenant} AND performance_id = ${options.performanceId}::uuid)`);
  }
  if (options.status) conditions.push(sql`o.status = ${options.status}`);
  if (options.channel) conditions.push(sql`o.channel = ${options.channel}`);
  if (options.source) conditions.push(sql`o.source = ${options.source}`);
  if (options.from) {
    conditions.push(sql`o.ordered_at >= (${options.from}::date::timestamp AT TIME ZONE 'Europe/Paris')`);
  }
  if (options.to) {
    conditions.push(sql`o.ordered_at < ((${options.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`);
  }
  if (options.orderIds) conditions.push(sql`o.id = ANY(${`{${options.orderIds.join(',')}}`}::uuid[])`);
  if (options.after) {
    const [orderedAt, id] = options.after;
    // Undated orders come first (DESC puts NULLs first, as the (tenant, ordered_at) index reads backwards).
    conditions.push(
      orderedAt === null
        ? sql`((o.ordered_at IS NULL AND o.id < ${id}::uuid) OR o.ordered_at IS NOT NULL)`
        : sql`(o.ordered_at < ${orderedAt}::timestamptz
            OR (o.ordered_at = ${orderedAt}::timestamptz AND o.id < ${id}::uuid))`,
    );
  }
  const rows = await queryRows(
    db,
    sql`SELECT o.id, o.source, o.external_id, o.ordered_at, o.channel, o.status, o.total, o.currency,
        o.buyer_person_id,
        (SELECT count(*) FROM ticket_lines tl WHERE tl.order_id = o.id
          AND tl.status NOT IN ('cancelled', 'refunded'))::int AS ticket_count,
        ARRAY(SELECT DISTINCT pr.title FROM ticket_lines tl JOIN performances p ON p.id = tl.performance_id
          JOIN productions pr ON pr.id = p.production_id WHERE tl.order_id = o.id) AS titles
      FROM orders o WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY o.ordered_at DESC, o.id DESC LIMIT ${options.limit}`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    source: String(row.source),
    externalId: String(row.external_id),
    orderedAt: toIso(row.ordered_at),
    channel: String(row.channel),
    status: String(row.status),
    total: toNumber(row.total),
    currency: String(row.currency),
    buyerPersonId: (row.buyer_person_id as string | null) ?? null,
    ticketCount: Number(row.ticket_count),
    productionTitles: (row.titles as string[]) ?? [],
  }));
}

export type LineDetailRow = {
  id: string;
  externalId: string;
  amount: number;
  seat: string | null;
  status: string;
  holderPersonId: string | null;
  performance: {
    id: string;
    startsAt: string | null;
    productionId: string;
    productionTitle: string;
    venueName: string | null;
  } | null;
  priceCategory: { id: string; label: string; kind: string } | null;
  scans: { id: string; source: string; scannedAt: string }[];
};

export async function listOrderLines(
  db: DbOrTx,
  tenantId: string,
  orderId: string,
): Promise<LineDetailRow[]> {
  const rows = await queryRows(
    db,
    sql`SELECT tl.id, tl.external_id, tl.amount, tl.seat, tl.status, tl.holder_person_id,
        p.id AS performance_id, p.starts_at, p.production_id, pr.title, v.name AS venue_name,
        pc.id AS price_id, pc.label AS price_label, pc.kind AS price_kind,
        coalesce((SELECT jsonb_agg(jsonb_build_object('id', vi.id, 'source', vi.source, 'scannedAt', vi.scanned_at)
          ORDER BY vi.scanned_at) FROM visits vi
          WHERE vi.tenant_id = tl.tenant_id AND vi.ticket_line_id = tl.id), '[]'::jsonb) AS scans
      FROM ticket_lines tl
      LEFT JOIN performances p ON p.id = tl.performance_id
      LEFT JOIN productions pr ON pr.id = p.production_id
      LEFT JOIN venues v ON v.id = p.venue_id
      LEFT JOIN price_categories pc ON pc.id = tl.price_category_id
      WHERE tl.tenant_id = ${tenantId}::uuid AND tl.order_id = ${orderId}::uuid
      ORDER BY p.starts_at NULLS LAST, tl.external_id`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    externalId: String(row.external_id),
    amount: Number(row.amount),
    seat: (row.seat as string | null) ?? null,
    status: String(row.status),
    holderPersonId: (row.holder_person_id as string | null) ?? null,
    performance: row.performance_id
      ? {
          id: String(row.performance_id),
          startsAt: toIso(row.starts_at),
          productionId: String(row.production_id),
          productionTitle: String(row.title),
          venueName: (row.venue_name as string | null) ?? null,
        }
      : null,
    priceCategory: row.price_id
      ? { id: String(row.price_id), label: String(row.price_label), kind: String(row.price_kind) }
      : null,
    scans: (row.scans as { id: string; source: string; scannedAt: string }[]).map((scan) => ({
      ...scan,
      scannedAt: toIso(scan.scannedAt) as string,
    })),
  }));
}

/** The ticket a scan names (same source), with who holds it and for which performance. */
export async function findTicketForScan(
  db: DbOrTx,
  tenantId: string,
  source: string,
  externalId: string,
): Promise<{ id: string; personId: string | null; performanceId: string | null } | undefined> {
  const [row] = await queryRows(
    db,
    sql`SELECT tl.id, coalesce(tl.holder_person_id, o.buyer_person_id) AS person_id, tl.performance_id
      FROM ticket_lines tl JOIN orders o ON o.id = tl.order_id
      WHERE tl.tenant_id = ${tenantId}::uuid AND tl.source = ${source} AND tl.external_id = ${externalId}`,
  );
  return row
    ? {
        id: String(row.id),
        personId: (row.person_id as string | null) ?? null,
        performanceId: (row.performance_id as string | null) ?? null,
      }
    : undefined;
}

export async function performanceExists(db: DbOrTx, tenantId: string, id: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`SELECT 1 FROM performances WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid`,
  );
  return rows.length > 0;
}

export type VisitRow = {
  id: string;
  source: string;
  externalId: string;
  personId: string | null;
  ticketLineId: string | null;
  performanceId: string | null;
  scannedAt: string;
};

/** Idempotent on (source, external id); `previousPersonId` tells whose summary to refresh too. */
export async function upsertVisit(
  tx: DbOrTx,
  tenantId: string,
  visit: VisitRow,
): Promise<{ visit: VisitRow; inserted: boolean; changed: boolean; previousPersonId: string | null }> {
  const [before] = await queryRows(
    tx,
    sql`SELECT person_id FROM visits WHERE tenant_id = ${tenantId}::uuid AND source = ${visit.source}
      AND external_id = ${visit.externalId} FOR UPDATE`,
  );
  const rows = await queryRows(
    tx,
    sql`INSERT INTO visits (id, tenant_id, source, external_id, person_id, ticket_line_id, performance_id, scanned_at)
      VALUES (${visit.id}::uuid, ${tenantId}::uuid, ${visit.source}, ${visit.externalId}, ${visit.personId}::uuid,
        ${visit.ticketLineId}::uuid, ${visit.performanceId}::uuid, ${visit.scannedAt}::timestamptz)
      ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET person_id = excluded.person_id,
        ticket_line_id = excluded.ticket_line_id, performance_id = excluded.performance_id,
        scanned_at = excluded.scanned_at, updated_at = now(), version = visits.version + 1
      WHERE (visits.person_id, visits.ticket_line_id, visits.performance_id, visits.scanned_at)
        IS DISTINCT FROM (excluded.person_id, excluded.ticket_line_id, excluded.performance_id, excluded.scanned_at)
      RETURNING id, (xmax = 0) AS inserted`,
  );
  const [stored] = await queryRows(
    tx,
    sql`SELECT id, person_id, ticket_line_id, performance_id, scanned_at FROM visits
      WHERE tenant_id = ${tenantId}::uuid AND source = ${visit.source} AND external_id = ${visit.externalId}`,
  );
  return {
    visit: {
      id: String(stored.id),
      source: visit.source,
      externalId: visit.externalId,
      personId: (stored.person_id as string | null) ?? null,
      ticketLineId: (stored.ticket_line_id as string | null) ?? null,
      performanceId: (stored.performance_id as string | null) ?? null,
      scannedAt: toIso(stored.scanned_at) as string,
    },
    inserted: rows[0]?.inserted === true,
    changed: rows.length > 0,
    previousPersonId: (before?.person_id as string | null) ?? null,
  };
}
