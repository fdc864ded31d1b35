import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';

/**
 * How people are grouped by source: the list filter compares sources accent- and case-folded
 * (`source eq X`), so the report groups them the same way; empty and missing are one group (null).
 */
export const sourceKey = (source: SQL) => sql`f_unaccent(lower(nullif(${source}, '')))`;

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

const COUNTS = [
  'people',
  'invalid_email',
  'bounced_email',
  'invalid_phone',
  'invalid_address',
  'no_email_or_phone',
  'no_postal_address',
  'no_last_name',
  'no_first_name',
];

type RawRow = { source_key: string | null; source: string | null } & Record<string, number | string>;

/**
 * Every count but duplicates, for every source, in ONE pass: each coordinates table is folded to
 * one row per person (hash or sorted aggregate, no per-person subquery), then joined to the live
 * people and counted with FILTER. The conditions are those of the list filter's compiler
 * (`emailStatus eq invalid`, `email isEmpty`, `postalCode isEmpty`, `lastName isEmpty`…), so that
 * each count and its filter always agree. Sources are folded once per distinct spelling, not once
 * per person (unaccent is the dearest step of a million-row pass).
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
    ), by_source AS (
      SELECT p.source, count(*) AS people,
        count(*) FILTER (WHERE e.invalid) AS invalid_email,
        count(*) FILTER (WHERE e.bounced) AS bounced_email,
        count(*) FILTER (WHERE ph.invalid) AS invalid_phone,
        count(*) FILTER (WHERE a.invalid) AS invalid_address,
        count(*) FILTER (WHERE e.present IS NOT TRUE AND ph.present IS NOT TRUE) AS no_email_or_phone,
        count(*) FILTER (WHERE a.postal IS NOT TRUE) AS no_postal_address,
        count(*) FILTER (WHERE coalesce(p.last_name, '') = '') AS no_last_name,
        count(*) FILTER (WHERE coalesce(p.first_name, '') = '') AS no_first_name
      FROM people p
      LEFT JOIN e ON e.person_id = p.id
      LEFT JOIN ph ON ph.person_id = p.id
      LEFT JOIN a ON a.person_id = p.id
      WHERE p.tenant_id = ${tenant} AND p.deleted_at IS NULL AND p.merged_into_id IS NULL
      GROUP BY p.source
    )
    SELECT ${sourceKey(sql.raw('s.source'))} AS source_key, nullif(min(s.source), '') AS source,
      ${sql.raw(COUNTS.map((name) => `sum(s.${name})::int AS ${name}`).join(', '))}
    FROM by_source s GROUP BY 1`)) as unknown as { rows: RawRow[] };
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
