import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';

/**
 * How people are grouped by source: the list filter compares sources accent- and case-folded
 * (`source eq X`), so the report groups them the same way; empty and missing are one group (null).
 */
export const SOURCE_KEY = sql`f_unaccent(lower(nullif(p.source, '')))`;

/** Per source group: its first spelling and how many people show each problem. */
export type SourceQualityRow = {
  sourceKey: string | null;
  source: string | null;
  people: number;
  invalidEmail: number;
  bouncedEmail: number;
  invalidPhone: number;
  invalidAddress: number;
  noEmailOrPhone: number;
  noPostalAddress: number;
  noLastName: number;
  noFirstName: number;
};

type RawRow = { source_key: string | null; source: string | null } & Record<string, number | string>;

/**
 * Every count but duplicates, for every source, in ONE pass: each coordinates table is folded to
 * one row per person (hash or sorted aggregate, no per-person subquery), then joined to the live
 * people and counted with FILTER. The conditions are those of the list filter's compiler
 * (`emailStatus eq invalid`, `email isEmpty`, `postalCode isEmpty`, `lastName isEmpty`…), so that
 * each count and its filter always agree.
 */
export async function countQualityBySource(db: DbOrTx, tenantId: string): Promise<SourceQualityRow[]> {
  const tenant = sql`${tenantId}::uuid`;
  const result = (await db.execute(sql`
    WITH e AS (
      SELECT x.person_id, bool_or(x.validity = 'invalid') AS invalid,
        bool_or(x.validity = 'bounced') AS bounced, bool_or(coalesce(x.address, '') <> '') AS present
      FROM emails x WHERE x.tenant_id = ${tenant} AND x.person_id IS NOT NULL GROUP BY x.person_id
    ), ph AS (
      SELECT x.person_id, bool_or(x.validity = 'invalid') AS invalid,
        bool_or(coalesce(x.e164, '') <> '') AS present
      FROM phones x WHERE x.tenant_id = ${tenant} AND x.person_id IS NOT NULL GROUP BY x.person_id
    ), a AS (
      SELECT x.person_id, bool_or(x.validity = 'invalid') AS invalid,
        bool_or(coalesce(x.postal_code, '') <> '') AS postal
      FROM addresses x WHERE x.tenant_id = ${tenant} AND x.person_id IS NOT NULL GROUP BY x.person_id
    )
    SELECT ${SOURCE_KEY} AS source_key, nullif(min(p.source), '') AS source,
      count(*)::int AS people,
      (count(*) FILTER (WHERE e.invalid))::int AS invalid_email,
      (count(*) FILTER (WHERE e.bounced))::int AS bounced_email,
      (count(*) FILTER (WHERE ph.invalid))::int AS invalid_phone,
      (count(*) FILTER (WHERE a.invalid))::int AS invalid_address,
      (count(*) FILTER (WHERE e.present IS NOT TRUE AND ph.present IS NOT TRUE))::int AS no_email_or_phone,
      (count(*) FILTER (WHERE a.postal IS NOT TRUE))::int AS no_postal_address,
      (count(*) FILTER (WHERE coalesce(p.last_name, '') = ''))::int AS no_last_name,
      (count(*) FILTER (WHERE coalesce(p.first_name, '') = ''))::int AS no_first_name
    FROM people p
    LEFT JOIN e ON e.person_id = p.id
    LEFT JOIN ph ON ph.person_id = p.id
    LEFT JOIN a ON a.person_id = p.id
    WHERE p.tenant_id = ${tenant} AND p.deleted_at IS NULL AND p.merged_into_id IS NULL
    GROUP BY 1`)) as unknown as { rows: RawRow[] };
  return result.rows.map((row) => ({
    sourceKey: row.source_key,
    source: row.source,
    people: Number(row.people),
    invalidEmail: Number(row.invalid_email),
    bouncedEmail: Number(row.bounced_email),
    invalidPhone: Number(row.invalid_phone),
    invalidAddress: Number(row.invalid_address),
    noEmailOrPhone: Number(row.no_email_or_phone),
    noPostalAddress: Number(row.no_postal_address),
    noLastName: Number(row.no_last_name),
    noFirstName: Number(row.no_first_name),
  }));
}
