import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { queryRows, uuidArray } from './contacts-list.sql.ts';

/** A live person's identity fields as duplicate detection reads them (see identity/match-record.ts). */
export type MatchingPerson = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  usageName: string | null;
  birthDate: string | null;
  emails: string[];
  phones: string[];
  addresses: { line1: string | null; postalCode: string | null; city: string | null }[];
  organisationNames: string[];
};

type Row = {
  id: string;
  first_name: string | null;
  last_name: string | null;
  usage_name: string | null;
  birth_date: string | null;
  emails: string[] | null;
  phones: string[] | null;
  addresses: [string | null, string | null, string | null][] | null;
  organisations: string[] | null;
};

const live = sql`p.deleted_at IS NULL AND p.merged_into_id IS NULL`;

/** Coordinates through the owner indexes, one correlated lookup each: the cost follows the rows read. */
function selectMatching(where: SQL, tail: SQL = sql``) {
  return sql`SELECT p.id, p.first_name, p.last_name, p.usage_name, p.birth_date::text AS birth_date,
      (SELECT array_agg(e.address) FROM emails e WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id) AS emails,
      (SELECT array_agg(t.e164) FROM phones t WHERE t.tenant_id = p.tenant_id AND t.person_id = p.id) AS phones,
      (SELECT json_agg(json_build_array(a.line1, a.postal_code, a.city)) FROM addresses a WHERE a.tenant_id = p.tenant_id AND a.person_id = p.id) AS addresses,
      (SELECT array_agg(o.name) FROM relationships r JOIN organisations o ON o.id = r.to_organisation_id
        WHERE r.tenant_id = p.tenant_id AND r.from_person_id = p.id AND r.kind = 'employment' AND o.deleted_at IS NULL
          AND (r.end_date IS NULL OR r.end_date >= current_date)) AS organisations
    FROM people p WHERE ${where} ${tail}`;
}

function toMatching(row: Row): MatchingPerson {
  const addresses = typeof row.addresses === 'string' ? JSON.parse(row.addresses) : row.addresses;
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    usageName: row.usage_name,
    birthDate: row.birth_date,
    emails: row.emails ?? [],
    phones: row.phones ?? [],
    addresses: ((addresses ?? []) as Row['addresses'] & {}).map(([line1, postalCode, city]) => ({
      line1,
      postalCode,
      city,
    })),
    organisationNames: row.organisations ?? [],
  };
}

/**
 * One page of live people in id order, after `afterId`: the full duplicate scan streams the base
 * with it. Coordinates come in one range scan per table over the page's id span (the owner
 * indexes), four queries a page instead of four lookups a person.
 */
export async function listMatchingPeople(
  db: DbOrTx,
  tenantId: string,
  options: { afterId: string | null; limit: number },
): Promise<MatchingPerson[]> {
  const tenant = sql`${tenantId}::uuid`;
  const after = options.afterId ? sql` AND p.id > ${options.afterId}::uuid` : sql``;
  const rows = await jsonRows<[string, string | null, string | null, string | null, string | null]>(
    db,
    sql`SELECT json_agg(json_build_array(p.id, p.first_name, p.last_name, p.usage_name, p.birth_date) ORDER BY p.id)::text AS page
      FROM (SELECT id, first_name, last_name, usage_name, birth_date FROM people p
        WHERE p.tenant_id = ${tenant} AND ${live}${after} ORDER BY p.id LIMIT ${options.limit}) p`,
  );
  if (rows.length === 0) return [];
  const span = sql`BETWEEN ${rows[0][0]}::uuid AND ${rows[rows.length - 1][0]}::uuid`;
  const byId = new Map<string, MatchingPerson>();
  for (const [id, firstName, lastName, usageName, birthDate] of rows) {
    byId.set(id, {
      id,
      firstName,
      lastName,
      usageName,
      birthDate,
      emails: [],
      phones: [],
      addresses: [],
      organisationNames: [],
    });
  }
  // One JSON text per query and page: far cheaper to hand over than thousands of rows of fields.
  const each = async (query: SQL, add: (person: MatchingPerson, values: (string | null)[]) => void) => {
    for (const [owner, ...values] of await jsonRows<(string | null)[]>(db, query)) {
      const person = byId.get(owner as string);
      if (person) add(person, values);
    }
  };
  await each(
    sql`SELECT json_agg(json_build_array(person_id, address))::text AS page FROM emails
      WHERE tenant_id = ${tenant} AND person_id ${span}`,
    (person, [address]) => person.emails.push(address as string),
  );
  await each(
    sql`SELECT json_agg(json_build_array(person_id, e164))::text AS page FROM phones
      WHERE tenant_id = ${tenant} AND person_id ${span}`,
    (person, [e164]) => person.phones.push(e164 as string),
  );
  await each(
    sql`SELECT json_agg(json_build_array(person_id, line1, postal_code, city))::text AS page FROM addresses
      WHERE tenant_id = ${tenant} AND person_id ${span}`,
    (person, [line1, postalCode, city]) => person.addresses.push({ line1, postalCode, city }),
  );
  await each(
    sql`SELECT json_agg(json_build_array(r.from_person_id, o.name))::text AS page
      FROM relationships r JOIN organisations o ON o.id = r.to_organisation_id
      WHERE r.tenant_id = ${tenant} AND r.from_person_id ${span} AND r.kind = 'employment' AND o.deleted_at IS NULL
        AND (r.end_date IS NULL OR r.end_date >= current_date)`,
    (person, [name]) => person.organisationNames.push(name as string),
  );
  return [...byId.values()];
}

async function jsonRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const [row] = await queryRows<{ page: string | null }>(db, query);
  return row?.page ? (JSON.parse(row.page) as T[]) : [];
}

/** Live people among the given ids. */
export async function loadMatchingPeople(
  db: DbOrTx,
  tenantId: string,
  ids: string[],
): Promise<MatchingPerson[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Row>(
    db,
    selectMatching(sql`p.tenant_id = ${tenantId}::uuid AND p.id = ANY(${uuidArray(ids)}) AND ${live}`),
  );
  return rows.map(toMatching);
}

/** How many live people the tenant has. */
export async function countLivePeople(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM people p WHERE p.tenant_id = ${tenantId}::uuid AND ${live}`,
  );
  return Number(row?.n ?? 0);
}

/** Every live person's names, one page at a time, to count name frequencies. */
export async function listPeopleNames(
  db: DbOrTx,
  tenantId: string,
  options: { afterId: string | null; limit: number },
) {
  const after = options.afterId ? sql` AND p.id > ${options.afterId}::uuid` : sql``;
  return queryRows<{
    id: string;
    first_name: string | null;
    last_name: string | null;
    usage_name: string | null;
  }>(
    db,
    sql`SELECT p.id, p.first_name, p.last_name, p.usage_name FROM people p
      WHERE p.tenant_id = ${tenantId}::uuid AND ${live}${after} ORDER BY p.id LIMIT ${options.limit}`,
  );
}

/**
 * People who may be the same as one of `ids`, found through indexes whatever the size of the base:
 * the same e-mail address or phone number, a similar name (trigrams of the folded name: typos,
 * swapped or added names), or a similar name at the same postal code. At most `perPerson` by
 * name for each person. Returns [person, candidate] pairs.
 */
export async function findMatchingCandidates(
  db: DbOrTx,
  tenantId: string,
  ids: string[],
  perPerson = 20,
): Promise<[string, string][]> {
  if (ids.length === 0) return [];
  const tenant = sql`${tenantId}::uuid`;
  const probes = uuidArray(ids);
  const rows = await queryRows<{ a: string; b: string }>(
    db,
    sql`WITH probe AS (SELECT id, search_name FROM people WHERE tenant_id = ${tenant} AND id = ANY(${probes}))
    SELECT e1.person_id AS a, e2.person_id AS b FROM emails e1
      JOIN emails e2 ON e2.tenant_id = ${tenant} AND e2.address = e1.address AND e2.person_id <> e1.person_id
      JOIN people p ON p.id = e2.person_id AND ${live}
      WHERE e1.tenant_id = ${tenant} AND e1.person_id = ANY(${probes})
    UNION
    SELECT t1.person_id, t2.person_id FROM phones t1
      JOIN phones t2 ON t2.tenant_id = ${tenant} AND t2.e164 = t1.e164 AND t2.person_id <> t1.person_id
      JOIN people p ON p.id = t2.person_id AND ${live}
      WHERE t1.tenant_id = ${tenant} AND t1.person_id = ANY(${probes})
    UNION
    SELECT probe.id, c.id FROM probe CROSS JOIN LATERAL (
      SELECT p.id FROM people p WHERE p.tenant_id = ${tenant} AND p.id <> probe.id AND ${live}
        AND p.search_name % probe.search_name
      ORDER BY similarity(p.search_name, probe.search_name) DESC LIMIT ${perPerson}) c
    UNION
    SELECT probe.id, c.id FROM probe
      JOIN addresses a1 ON a1.tenant_id = ${tenant} AND a1.person_id = probe.id AND a1.postal_code IS NOT NULL
      CROSS JOIN LATERAL (
        SELECT p.id FROM addresses a2 JOIN people p ON p.id = a2.person_id
        WHERE a2.tenant_id = ${tenant} AND a2.postal_code = a1.postal_code AND p.id <> probe.id AND ${live}
          AND similarity(p.search_name, probe.search_name) > 0.2
        ORDER BY similarity(p.search_name, probe.search_name) DESC LIMIT ${perPerson}) c`,
  );
  return rows.map((row) => [row.a, row.b]);
}
