import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';

/*
 * Read-only views of the review queue for other modules: which people are suspected duplicates
 * (in at least one pending pair), as a subquery and as counts. Both read `duplicate_pairs` through
 * `duplicate_pairs_pending_idx` (tenant, status, …) and never per person.
 */

/** Ids of the people named by a pending pair, on either side (a person may appear several times). */
export function pendingDuplicatePersonIds(tenantId: string): SQL {
  return sql`SELECT dp.a_id FROM duplicate_pairs dp
    WHERE dp.tenant_id = ${tenantId}::uuid AND dp.status = 'pending'
    UNION ALL SELECT dp.b_id FROM duplicate_pairs dp
    WHERE dp.tenant_id = ${tenantId}::uuid AND dp.status = 'pending'`;
}

/**
 * Live people in at least one pending pair, counted per source. `sourceKey` is an expression over
 * the person row `p` that says how sources are grouped (the caller's rule, so that these counts
 * line up with its own); a person counts once however many pairs name them.
 */
export async function countDuplicateSuspectsBySource(
  db: DbOrTx,
  options: { tenantId: string; sourceKey: SQL },
): Promise<{ sourceKey: string | null; people: number }[]> {
  const result = (await db.execute(sql`
    SELECT ${options.sourceKey} AS source_key, count(*)::int AS people
    FROM people p
    WHERE p.id IN (${pendingDuplicatePersonIds(options.tenantId)})
      AND p.tenant_id = ${options.tenantId}::uuid AND p.deleted_at IS NULL AND p.merged_into_id IS NULL
    GROUP BY 1`)) as unknown as { rows: { source_key: string | null; people: number }[] };
  return result.rows.map((row) => ({ sourceKey: row.source_key, people: Number(row.people) }));
}
