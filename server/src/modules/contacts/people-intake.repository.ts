import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { personDisplayName } from './people.repository.ts';

/** A live person found under a match key (`x:<external id>`, `e:<email>`, `p:<e164>`). */
export type FoundPerson = {
  key: string;
  id: string;
  first: string | null;
  last: string | null;
  usage: string | null;
};

const rowsOf = async (db: DbOrTx, query: SQL) =>
  ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const texts = (values: string[]) =>
  sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

function toFound(row: Record<string, unknown>): FoundPerson {
  return {
    key: String(row.key),
    id: String(row.id),
    first: (row.first_name as string | null) ?? null,
    last: (row.last_name as string | null) ?? null,
    usage: (row.usage_name as string | null) ?? null,
  };
}

/**
 * People under each key, in one statement: by (source, external id) in `people.external_ids` (its
 * GIN index), by email and by phone. A merged person leads to their survivor; people in the trash
 * are left out. Oldest first under each key.
 */
export async function findPeopleByKeys(
  db: DbOrTx,
  tenantId: string,
  source: string,
  keys: { externalIds: string[]; emails: string[]; phones: string[] },
): Promise<FoundPerson[]> {
  const branches: SQL[] = [];
  if (keys.externalIds.length > 0) {
    const probes = keys.externalIds.map((id) => ({ [source]: id }));
    branches.push(sql`SELECT 'x:' || (p.external_ids ->> ${source}) AS key, p.id FROM people p
      JOIN jsonb_array_elements(${JSON.stringify(probes)}::jsonb) AS k(v) ON p.external_ids @> k.v
      WHERE p.tenant_id = ${tenantId}::uuid`);
  }
  if (keys.emails.length > 0) {
    branches.push(sql`SELECT 'e:' || e.address, e.person_id FROM emails e
      WHERE e.tenant_id = ${tenantId}::uuid AND e.person_id IS NOT NULL AND e.address = ANY(${texts(keys.emails)})`);
  }
  if (keys.phones.length > 0) {
    branches.push(sql`SELECT 'p:' || ph.e164, ph.person_id FROM phones ph
      WHERE ph.tenant_id = ${tenantId}::uuid AND ph.person_id IS NOT NULL AND ph.e164 = ANY(${texts(keys.phones)})`);
  }
  if (branches.length === 0) return [];
  const rows = await rowsOf(
    db,
    sql`SELECT DISTINCT ON (m.key, s.id) m.key, s.id, s.first_name, s.last_name, s.usage_name
      FROM (${sql.join(branches, sql` UNION ALL `)}) AS m(key, id)
      JOIN people p ON p.id = m.id
      JOIN people s ON s.id = coalesce(p.merged_into_id, p.id)
      WHERE s.deleted_at IS NULL
      ORDER BY m.key, s.id`,
  );
  return rows.map(toFound);
}

/** The live people behind some ids (survivors for merged ones), keyed by the id asked for. */
export async function findLivePeople(
  db: DbOrTx,
  tenantId: string,
  ids: string[],
): Promise<Map<string, FoundPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf(
    db,
    sql`SELECT p.id AS key, s.id, s.first_name, s.last_name, s.usage_name FROM people p
      JOIN people s ON s.id = coalesce(p.merged_into_id, p.id)
      WHERE p.tenant_id = ${tenantId}::uuid AND s.deleted_at IS NULL AND p.id = ANY(${uuids(ids)})`,
  );
  return new Map(rows.map((row) => [String(row.key), toFound(row)]));
}

/** What enrichment compares against: the fillable fields and the coordinates people already have. */
export type EnrichmentState = {
  id: string;
  civility: string | null;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
  hasSource: boolean;
  emails: string[];
  phones: string[];
  hasAddress: boolean;
};

export async function loadEnrichmentState(
  db: DbOrTx,
  tenantId: string,
  source: string,
  ids: string[],
): Promise<EnrichmentState[]> {
  const rows = await rowsOf(
    db,
    sql`SELECT p.id, p.civility, p.first_name, p.last_name, p.birth_date, p.external_ids ? ${source} AS has_source,
        ARRAY(SELECT e.address FROM emails e WHERE e.person_id = p.id) AS emails,
        ARRAY(SELECT ph.e164 FROM phones ph WHERE ph.person_id = p.id) AS phones,
        EXISTS(SELECT 1 FROM addresses a WHERE a.person_id = p.id) AS has_address
      FROM people p WHERE p.tenant_id = ${tenantId}::uuid AND p.id = ANY(${uuids(ids)})`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    civility: (row.civility as string | null) ?? null,
    first_name: (row.first_name as string | null) ?? null,
    last_name: (row.last_name as string | null) ?? null,
    birth_date: row.birth_date === null ? null : String(row.birth_date),
    hasSource: row.has_source === true,
    emails: (row.emails as string[]) ?? [],
    phones: (row.phones as string[]) ?? [],
    hasAddress: row.has_address === true,
  }));
}

/**
 * Fills empty fields only (never overwrites), adds the source's external id when the person has
 * none for that source, and bumps the version of every person given, in one statement.
 */
export async function fillPeopleFields(
  db: DbOrTx,
  options: { tenantId: string; actorId: string | null; source: string; rows: Record<string, unknown>[] },
): Promise<void> {
  if (options.rows.length === 0) return;
  await db.execute(sql`UPDATE people p SET
      civility = coalesce(p.civility, x.civility), first_name = coalesce(p.first_name, x.first_name),
      last_name = coalesce(p.last_name, x.last_name), birth_date = coalesce(p.birth_date, x.birth_date),
      external_ids = CASE WHEN x.external_id IS NULL THEN p.external_ids
        ELSE p.external_ids || jsonb_build_object(${options.source}::text, x.external_id) END,
      version = p.version + 1, updated_at = now(), updated_by = ${options.actorId}::uuid
    FROM jsonb_to_recordset(${JSON.stringify(options.rows)}::jsonb)
      AS x(id uuid, civility text, first_name text, last_name text, birth_date date, external_id text)
    WHERE p.tenant_id = ${options.tenantId}::uuid AND p.id = x.id`);
}

/** Display names of people, for order and ticket pages (an unknown id is simply absent). */
export async function loadPersonNames(
  db: DbOrTx,
  tenantId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await rowsOf(
    db,
    sql`SELECT id, first_name, last_name, usage_name FROM people
      WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuids(unique)})`,
  );
  return new Map(
    rows.map((r) => [
      String(r.id),
      personDisplayName({
        firstName: r.first_name as string | null,
        lastName: r.last_name as string | null,
        usageName: r.usage_name as string | null,
      }),
    ]),
  );
}
