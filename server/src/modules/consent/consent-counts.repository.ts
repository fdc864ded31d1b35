import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';

/**
 * Whether `p` holds at least one granted consent now (any purpose, any channel): a correlated
 * EXISTS on the states' primary key (tenant, person, …). Not an uncorrelated `IN` list: negated,
 * `NOT IN` cannot become an anti-join and, once the list outgrows work_mem, rescans it per person.
 */
export const hasGrantedConsent = (tenantId: string): SQL =>
  sql`EXISTS (SELECT 1 FROM consent_states cs
    WHERE cs.tenant_id = ${tenantId}::uuid AND cs.person_id = p.id AND cs.status = 'granted')`;

/**
 * Per source group (`sourceKey` folds a source expression), how many live people hold no granted
 * consent at all: they may not be contacted for any consent-based purpose. Sources are folded once
 * per distinct spelling, not once per person.
 */
export async function countPeopleWithoutConsentBySource(
  db: DbOrTx,
  options: { tenantId: string; sourceKey: (source: SQL) => SQL },
): Promise<{ sourceKey: string | null; people: number }[]> {
  const tenant = sql`${options.tenantId}::uuid`;
  const result = (await db.execute(sql`
    WITH by_source AS (
      SELECT p.source, count(*) AS people FROM people p
      WHERE p.tenant_id = ${tenant} AND p.deleted_at IS NULL AND p.merged_into_id IS NULL
        AND NOT ${hasGrantedConsent(options.tenantId)}
      GROUP BY p.source
    )
    SELECT ${options.sourceKey(sql.raw('s.source'))} AS source_key, sum(s.people)::int AS people
    FROM by_source s GROUP BY 1`)) as unknown as { rows: { source_key: string | null; people: number }[] };
  return result.rows.map((row) => ({ sourceKey: row.source_key, people: Number(row.people) }));
}
