import type { SearchMatch } from '@parterre/contract/search';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { escapeLike, queryRows, uuidArray } from './contacts-list.sql.ts';

/** A match before labels are attached: which record, how well, and why. */
export type SearchHit = {
  kind: 'person' | 'organisation';
  id: string;
  score: number;
  matchedOn: SearchMatch;
  /** Set when the match itself says best what the record is (the matched e-mail, the organisation). */
  sublabel?: string;
};

type Scope = { tenantId: string; limit: number };

const live = (alias: 'p' | 'o', tenantId: string) =>
  alias === 'p'
    ? sql`p.tenant_id = ${tenantId}::uuid AND p.deleted_at IS NULL AND p.merged_into_id IS NULL`
    : sql`o.tenant_id = ${tenantId}::uuid AND o.deleted_at IS NULL`;

/**
 * Tiers: every word of the query is a whole word of the name (3 + similarity), the query starts a
 * word of the name (2 + similarity), else fuzzy (word similarity, ≥ 0.6 by pg_trgm's default).
 * `<%` is answered by the trigram GIN index on search_name.
 */
function nameScore(column: SQL, q: string): SQL {
  const folded = sql`f_unaccent(lower(${q}))`;
  return sql`(CASE
      WHEN string_to_array(btrim(${column}), ' ') @> string_to_array(${folded}, ' ') THEN 3
      WHEN (' ' || ${column}) LIKE '% ' || f_unaccent(lower(${escapeLike(q)})) || '%' THEN 2
      ELSE 0 END + word_similarity(${folded}, ${column}))`;
}

/**
 * The trigram match runs alone in a materialised CTE so that only the GIN index can answer it
 * (the service turns sequential scans off for these queries: the planner underrates the cost of
 * `<%` per row and would scan small tables); tenant and liveness are checked on the matches.
 */
export async function searchPeopleByName(db: DbOrTx, { tenantId, limit }: Scope, q: string) {
  const score = nameScore(sql.raw('p.search_name'), q);
  const rows = await queryRows(
    db,
    sql`
    WITH p AS MATERIALIZED (
      SELECT id, tenant_id, deleted_at, merged_into_id, first_name, last_name, search_name FROM people
      WHERE f_unaccent(lower(${q})) <% search_name)
    SELECT p.id, ${score} AS score FROM p WHERE ${live('p', tenantId)}
    ORDER BY score DESC, p.last_name, p.first_name, p.id LIMIT ${limit}`,
  );
  return rows.map(
    (row): SearchHit => ({ kind: 'person', id: String(row.id), score: Number(row.score), matchedOn: 'name' }),
  );
}

export async function searchOrganisationsByName(db: DbOrTx, { tenantId, limit }: Scope, q: string) {
  const score = nameScore(sql.raw('o.search_name'), q);
  const rows = await queryRows(
    db,
    sql`
    WITH o AS MATERIALIZED (
      SELECT id, tenant_id, deleted_at, name, search_name FROM organisations
      WHERE f_unaccent(lower(${q})) <% search_name)
    SELECT o.id, ${score} AS score FROM o WHERE ${live('o', tenantId)}
    ORDER BY score DESC, o.name, o.id LIMIT ${limit}`,
  );
  return rows.map(
    (row): SearchHit => ({
      kind: 'organisation',
      id: String(row.id),
      score: Number(row.score),
      matchedOn: 'organisation',
    }),
  );
}

/** Current employees of the given organisations, ranked just below their organisation. */
export async function searchPeopleOfOrganisations(
  db: DbOrTx,
  { tenantId, limit }: Scope,
  organisations: SearchHit[],
) {
  if (organisations.length === 0) return [];
  const rows = await queryRows(
    db,
    sql`
    SELECT p.id, o.id AS organisation_id, o.name FROM relationships r
    JOIN people p ON p.id = r.from_person_id
    JOIN organisations o ON o.id = r.to_organisation_id
    WHERE r.to_organisation_id = ANY(${uuidArray(organisations.map((o) => o.id))})
      AND r.tenant_id = ${tenantId}::uuid AND r.kind = 'employment'
      AND (r.end_date IS NULL OR r.end_date >= current_date) AND ${live('p', tenantId)}
    ORDER BY p.last_name, p.first_name, p.id LIMIT ${limit}`,
  );
  const scoreOf = new Map(organisations.map((o) => [o.id, o.score]));
  return rows.map(
    (row): SearchHit => ({
      kind: 'person',
      id: String(row.id),
      score: (scoreOf.get(String(row.organisation_id)) ?? 1) - 0.5,
      matchedOn: 'organisation',
      sublabel: String(row.name),
    }),
  );
}

/** Addresses are stored lower-cased: a prefix range on the (tenant, address) text_pattern_ops index. */
export async function searchByEmailPrefix(db: DbOrTx, { tenantId, limit }: Scope, q: string) {
  const prefix = q.toLowerCase();
  const pattern = `${escapeLike(prefix)}%`;
  const rows = await queryRows(
    db,
    sql`
    SELECT e.address, p.id AS person_id, o.id AS organisation_id FROM emails e
    LEFT JOIN people p ON p.id = e.person_id AND ${live('p', tenantId)}
    LEFT JOIN organisations o ON o.id = e.organisation_id AND ${live('o', tenantId)}
    WHERE e.tenant_id = ${tenantId}::uuid AND e.address LIKE ${pattern}
      AND (p.id IS NOT NULL OR o.id IS NOT NULL)
    ORDER BY e.address LIMIT ${limit}`,
  );
  return rows.map((row): SearchHit => {
    const address = String(row.address);
    const exact = address === prefix;
    return {
      kind: row.person_id ? 'person' : 'organisation',
      id: String(row.person_id ?? row.organisation_id),
      score: exact ? 4 : 2 + prefix.length / address.length,
      matchedOn: 'email',
      sublabel: address,
    };
  });
}

/**
 * A complete number matches its E.164 form exactly; a partial one (≥ 6 digits) matches the end of
 * stored numbers, written on reverse(e164) so that an index on that expression can serve it.
 */
export async function searchByPhone(
  db: DbOrTx,
  { tenantId, limit }: Scope,
  phone: { e164?: string; trailingDigits?: string },
) {
  const condition = phone.e164
    ? sql`ph.e164 = ${phone.e164}`
    : sql`reverse(ph.e164) LIKE ${`${[...(phone.trailingDigits ?? '')].reverse().join('')}%`}`;
  const rows = await queryRows(
    db,
    sql`
    SELECT p.id AS person_id, o.id AS organisation_id FROM phones ph
    LEFT JOIN people p ON p.id = ph.person_id AND ${live('p', tenantId)}
    LEFT JOIN organisations o ON o.id = ph.organisation_id AND ${live('o', tenantId)}
    WHERE ph.tenant_id = ${tenantId}::uuid AND ${condition} AND (p.id IS NOT NULL OR o.id IS NOT NULL)
    LIMIT ${limit}`,
  );
  return rows.map(
    (row): SearchHit => ({
      kind: row.person_id ? 'person' : 'organisation',
      id: String(row.person_id ?? row.organisation_id),
      score: phone.e164 ? 4 : 2.5,
      matchedOn: 'phone',
    }),
  );
}

export async function searchByPostalCode(db: DbOrTx, { tenantId, limit }: Scope, postalCode: string) {
  const rows = await queryRows(
    db,
    sql`
    SELECT p.id FROM people p
    WHERE ${live('p', tenantId)} AND p.id IN (
      SELECT a.person_id FROM addresses a
      WHERE a.tenant_id = ${tenantId}::uuid AND a.postal_code = ${postalCode} AND a.person_id IS NOT NULL)
    ORDER BY p.last_name, p.first_name, p.id LIMIT ${limit}`,
  );
  return rows.map(
    (row): SearchHit => ({ kind: 'person', id: String(row.id), score: 3, matchedOn: 'postalCode' }),
  );
}

export type SearchLabel = {
  label: string;
  email: string | null;
  city: string | null;
  organisation: string | null;
};

/** Names and distinguishing details of the hits finally shown. */
export async function describeHits(
  db: DbOrTx,
  tenantId: string,
  ids: { people: string[]; organisations: string[] },
): Promise<Map<string, SearchLabel>> {
  const labels = new Map<string, SearchLabel>();
  if (ids.people.length > 0) {
    const rows = await queryRows(
      db,
      sql`
      SELECT p.id, p.first_name, p.last_name, p.usage_name,
        (SELECT e.address FROM emails e WHERE e.person_id = p.id
          ORDER BY e.is_primary DESC, e.position, e.id LIMIT 1) AS email,
        (SELECT a.city FROM addresses a WHERE a.person_id = p.id
          ORDER BY a.is_primary DESC, a.position, a.id LIMIT 1) AS city,
        (SELECT o.name FROM relationships r JOIN organisations o ON o.id = r.to_organisation_id
          WHERE r.from_person_id = p.id AND r.kind = 'employment' AND o.deleted_at IS NULL
          ORDER BY r.end_date IS NULL DESC, r.start_date DESC NULLS LAST LIMIT 1) AS organisation
      FROM people p WHERE p.tenant_id = ${tenantId}::uuid AND p.id = ANY(${uuidArray(ids.people)})`,
    );
    for (const row of rows) {
      const name = [row.first_name, row.last_name].filter(Boolean).join(' ');
      labels.set(String(row.id), {
        label: name || String(row.usage_name ?? '') || '(sans nom)',
        email: (row.email as string | null) ?? null,
        city: (row.city as string | null) ?? null,
        organisation: (row.organisation as string | null) ?? null,
      });
    }
  }
  if (ids.organisations.length > 0) {
    const rows = await queryRows(
      db,
      sql`
      SELECT o.id, o.name,
        (SELECT a.city FROM addresses a WHERE a.organisation_id = o.id
          ORDER BY a.is_primary DESC, a.position, a.id LIMIT 1) AS city
      FROM organisations o WHERE o.tenant_id = ${tenantId}::uuid AND o.id = ANY(${uuidArray(ids.organisations)})`,
    );
    for (const row of rows) {
      labels.set(String(row.id), {
        label: String(row.name),
        email: null,
        city: (row.city as string | null) ?? null,
        organisation: null,
      });
    }
  }
  return labels;
}
