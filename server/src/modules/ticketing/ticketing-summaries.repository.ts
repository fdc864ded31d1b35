import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { queryRows, toIso, uuidArray } from './ticketing.sql.ts';

const VOID = sql`('cancelled', 'refunded')`;
const RECENT = sql`now() - interval '12 months'`;

/**
 * Recomputes the ticketing facts of the given people in ONE statement. The buyer carries the order
 * and its spend (tickets cancelled or refunded left out; an order without lines counts its total);
 * a ticket counts for its holder, or for the buyer when it names none. A visit is a distinct
 * performance attended: a scan, or a valid ticket for a performance that has begun. The 12-month
 * windows end now; favourites are the top 3 disciplines and venues by tickets.
 */
export async function refreshTicketingSummaries(
  db: DbOrTx,
  tenantId: string,
  personIds: string[],
): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  const tenant = sql`${tenantId}::uuid`;
  const people = uuidArray(ids);
  await db.execute(sql`
    WITH target AS (SELECT unnest(${people}) AS person_id),
    bought AS (
      -- Correlated subqueries and OFFSET 0 keep every step on an index: joins would let the planner
      -- scan whole tables, which grows with the base rather than with the batch.
      SELECT o.buyer_person_id AS person_id, o.ordered_at,
        coalesce((SELECT CASE WHEN count(*) = 0 THEN NULL
            ELSE coalesce(sum(tl.amount) FILTER (WHERE tl.status NOT IN ${VOID}), 0) END
          FROM ticket_lines tl WHERE tl.order_id = o.id), o.total, 0) AS spend
      FROM orders o
      WHERE o.tenant_id = ${tenant} AND o.buyer_person_id = ANY(${people}) AND o.status NOT IN ${VOID}
    ),
    lines AS (
      SELECT tl.holder_person_id AS person_id, tl.performance_id, o.ordered_at
      FROM ticket_lines tl
      JOIN LATERAL (SELECT ordered_at, status FROM orders WHERE id = tl.order_id OFFSET 0) o ON true
      WHERE tl.tenant_id = ${tenant} AND tl.holder_person_id = ANY(${people})
        AND tl.status NOT IN ${VOID} AND o.status NOT IN ${VOID}
      UNION ALL
      SELECT o.buyer_person_id, tl.performance_id, o.ordered_at
      FROM orders o
      JOIN LATERAL (SELECT performance_id FROM ticket_lines WHERE order_id = o.id
        AND holder_person_id IS NULL AND status NOT IN ${VOID} OFFSET 0) tl ON true
      WHERE o.tenant_id = ${tenant} AND o.buyer_person_id = ANY(${people}) AND o.status NOT IN ${VOID}
    ),
    held AS (
      SELECT l.person_id, l.performance_id, l.ordered_at, p.starts_at, p.venue_id, pr.discipline
      FROM lines l LEFT JOIN performances p ON p.id = l.performance_id
      LEFT JOIN productions pr ON pr.id = p.production_id
    ),
    attended AS (
      SELECT v.person_id, coalesce(v.performance_id::text, v.id::text) AS k, v.scanned_at AS at
      FROM visits v WHERE v.tenant_id = ${tenant} AND v.person_id = ANY(${people})
      UNION ALL
      SELECT person_id, performance_id::text, starts_at FROM held
      WHERE performance_id IS NOT NULL AND starts_at <= now()
    ),
    order_facts AS (
      SELECT person_id, min(ordered_at) AS first_at, max(ordered_at) AS last_at, count(*) AS n,
        count(*) FILTER (WHERE ordered_at >= ${RECENT}) AS n12, sum(spend) AS spend,
        coalesce(sum(spend) FILTER (WHERE ordered_at >= ${RECENT}), 0) AS spend12
      FROM bought GROUP BY person_id
    ),
    ticket_facts AS (
      SELECT person_id, count(*) AS n, count(*) FILTER (WHERE ordered_at >= ${RECENT}) AS n12
      FROM held GROUP BY person_id
    ),
    visit_facts AS (
      SELECT person_id, min(at) AS first_at, max(at) AS last_at, count(DISTINCT k) AS n,
        count(DISTINCT k) FILTER (WHERE at >= ${RECENT}) AS n12
      FROM attended GROUP BY person_id
    ),
    disciplines AS (
      SELECT person_id, (array_agg(discipline ORDER BY n DESC, discipline))[1:3] AS top
      FROM (SELECT person_id, discipline, count(*) AS n FROM held WHERE discipline IS NOT NULL GROUP BY 1, 2) d
      GROUP BY person_id
    ),
    places AS (
      SELECT person_id, (array_agg(venue_id ORDER BY n DESC, venue_id))[1:3] AS top
      FROM (SELECT person_id, venue_id, count(*) AS n FROM held WHERE venue_id IS NOT NULL GROUP BY 1, 2) v
      GROUP BY person_id
    )
    INSERT INTO person_ticketing_summaries (tenant_id, person_id, first_order_at, last_order_at,
      first_visit_at, last_visit_at, orders_count, tickets_count, visits_count, spend_total,
      orders_12m, tickets_12m, visits_12m, spend_12m, favourite_disciplines, favourite_venue_ids, refreshed_at)
    SELECT ${tenant}, t.person_id, o.first_at, o.last_at, v.first_at, v.last_at,
      coalesce(o.n, 0), coalesce(tk.n, 0), coalesce(v.n, 0), coalesce(o.spend, 0),
      coalesce(o.n12, 0), coalesce(tk.n12, 0), coalesce(v.n12, 0), coalesce(o.spend12, 0),
      coalesce(d.top, '{}'), coalesce(pl.top, '{}'), now()
    FROM target t
    LEFT JOIN order_facts o USING (person_id)
    LEFT JOIN ticket_facts tk USING (person_id)
    LEFT JOIN visit_facts v USING (person_id)
    LEFT JOIN disciplines d USING (person_id)
    LEFT JOIN places pl USING (person_id)
    ON CONFLICT (person_id) DO UPDATE SET
      first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at,
      first_visit_at = excluded.first_visit_at, last_visit_at = excluded.last_visit_at,
      orders_count = excluded.orders_count, tickets_count = excluded.tickets_count,
      visits_count = excluded.visits_count, spend_total = excluded.spend_total,
      orders_12m = excluded.orders_12m, tickets_12m = excluded.tickets_12m,
      visits_12m = excluded.visits_12m, spend_12m = excluded.spend_12m,
      favourite_disciplines = excluded.favourite_disciplines,
      favourite_venue_ids = excluded.favourite_venue_ids, refreshed_at = excluded.refreshed_at`);
}

export type SummaryRow = {
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
  orders: { last12Months: number; allTime: number };
  tickets: { last12Months: number; allTime: number };
  visits: { last12Months: number; allTime: number };
  spend: { last12Months: number; allTime: number };
  favouriteDisciplines: string[];
  favouriteVenues: { id: string; name: string }[];
  refreshedAt: string | null;
};

/** The stored facts, with the favourite venues' names; undefined when never computed. */
export async function findTicketingSummary(
  db: DbOrTx,
  tenantId: string,
  personId: string,
): Promise<SummaryRow | undefined> {
  const [row] = await queryRows(
    db,
    sql`SELECT s.*, ARRAY(
        SELECT jsonb_build_object('id', v.id, 'name', v.name)
        FROM unnest(s.favourite_venue_ids) WITH ORDINALITY AS f(id, n) JOIN venues v ON v.id = f.id
        ORDER BY f.n) AS venues
      FROM person_ticketing_summaries s
      WHERE s.tenant_id = ${tenantId}::uuid AND s.person_id = ${personId}::uuid`,
  );
  if (!row) return undefined;
  const pair = (recent: unknown, all: unknown) => ({ last12Months: Number(recent), allTime: Number(all) });
  return {
    firstOrderAt: toIso(row.first_order_at),
    lastOrderAt: toIso(row.last_order_at),
    firstVisitAt: toIso(row.first_visit_at),
    lastVisitAt: toIso(row.last_visit_at),
    orders: pair(row.orders_12m, row.orders_count),
    tickets: pair(row.tickets_12m, row.tickets_count),
    visits: pair(row.visits_12m, row.visits_count),
    spend: pair(row.spend_12m, row.spend_total),
    favouriteDisciplines: (row.favourite_disciplines as string[]) ?? [],
    favouriteVenues: ((row.venues as unknown[]) ?? []).map((v) =>
      typeof v === 'string' ? JSON.parse(v) : v,
    ) as { id: string; name: string }[],
    refreshedAt: toIso(row.refreshed_at),
  };
}
