import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { customFieldDefinitions } from './contacts.tables.ts';
import type { CustomFieldDefinition } from './contacts-list.compiler.ts';
import { type CompiledSort, keysetCondition, orderBy, sortKeyColumns } from './contacts-list.sort.ts';
import { queryRows, toIso, toJsonObject } from './contacts-list.sql.ts';

export type PersonListRow = {
  id: string;
  civility: string | null;
  firstName: string | null;
  lastName: string | null;
  usageName: string | null;
  primaryEmail: string | null;
  primaryPhone: string | null;
  line1: string | null;
  line2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  departementCode: string | null;
  tags: string[];
  departmentId: string | null;
  source: string | null;
  language: string | null;
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  /** Sort key of the row, then its id: the cursor when it is the last of a page. */
  key: (string | null)[];
};

/** Live people of the tenant: neither deleted nor merged into another record. */
export function livePeople(tenantId: string): SQL {
  return sql`p.tenant_id = ${tenantId}::uuid AND p.deleted_at IS NULL AND p.merged_into_id IS NULL`;
}

/** The primary (else first) address, joined as `pa` so that it can be sorted and shown. */
const PRIMARY_ADDRESS = sql.raw(
  `LEFT JOIN LATERAL (SELECT a.line1, a.line2, a.postal_code, a.city, a.country, a.departement_code
     FROM addresses a WHERE a.person_id = p.id
     ORDER BY a.is_primary DESC, a.position, a.id LIMIT 1) pa ON true`,
);

function whereOf(tenantId: string, conditions: (SQL | undefined)[]): SQL {
  return sql.join([livePeople(tenantId), ...conditions.filter((c): c is SQL => c !== undefined)], sql` AND `);
}

const asText = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * One page of people in the given order, strictly after `after`. The primary e-mail and phone are
 * looked up for the page's rows only, once the page is cut.
 */
export async function listPeoplePage(
  db: DbOrTx,
  options: { tenantId: string; where?: SQL; sort: CompiledSort; after?: unknown[]; limit: number },
): Promise<PersonListRow[]> {
  const { sort } = options;
  const keyset = options.after ? keysetCondition(sort, options.after) : undefined;
  const rows = await queryRows(
    db,
    sql`
    SELECT page.*,
      (SELECT e.address FROM emails e WHERE e.person_id = page.id
        ORDER BY e.is_primary DESC, e.position, e.id LIMIT 1) AS primary_email,
      (SELECT ph.e164 FROM phones ph WHERE ph.person_id = page.id
        ORDER BY ph.is_primary DESC, ph.position, ph.id LIMIT 1) AS primary_phone
    FROM (
      SELECT p.id, p.civility, p.first_name, p.last_name, p.usage_name, p.tags, p.department_id,
        p.source, p.language, p.custom_fields, p.created_at, p.updated_at,
        pa.line1, pa.line2, pa.postal_code, pa.city, pa.country, pa.departement_code,
        ${sortKeyColumns(sort)}, row_number() OVER (ORDER BY ${orderBy(sort)}) AS rn
      FROM people p ${PRIMARY_ADDRESS}
      WHERE ${whereOf(options.tenantId, [options.where, keyset])}
      ORDER BY ${orderBy(sort)}
      LIMIT ${options.limit}
    ) page
    ORDER BY page.rn`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    civility: asText(row.civility),
    firstName: asText(row.first_name),
    lastName: asText(row.last_name),
    usageName: asText(row.usage_name),
    primaryEmail: asText(row.primary_email),
    primaryPhone: asText(row.primary_phone),
    line1: asText(row.line1),
    line2: asText(row.line2),
    postalCode: asText(row.postal_code),
    city: asText(row.city),
    country: asText(row.country),
    departementCode: asText(row.departement_code),
    tags: (row.tags as string[] | null) ?? [],
    departmentId: asText(row.department_id),
    source: asText(row.source),
    language: asText(row.language),
    customFields: toJsonObject(row.custom_fields),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    key: [...sort.parts.map((_, index) => asText(row[`k${index}`])), String(row.id)],
  }));
}

export async function countPeople(db: DbOrTx, options: { tenantId: string; where?: SQL }): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`SELECT count(*)::int AS count FROM people p WHERE ${whereOf(options.tenantId, [options.where])}`,
  );
  return Number(rows[0].count);
}

/** Ids of matching people in id order, after `afterId`: the chunks of bulk actions. */
export async function listPeopleIds(
  db: DbOrTx,
  options: { tenantId: string; where?: SQL; afterId?: string; limit: number },
): Promise<string[]> {
  const after = options.afterId ? sql`p.id > ${options.afterId}::uuid` : undefined;
  const rows = await queryRows(
    db,
    sql`
    SELECT p.id FROM people p WHERE ${whereOf(options.tenantId, [options.where, after])}
    ORDER BY p.id LIMIT ${options.limit}`,
  );
  return rows.map((row) => String(row.id));
}

export async function loadCustomFieldDefinitions(
  db: DbOrTx,
  tenantId: string,
  entity: 'person' | 'organisation',
): Promise<Map<string, CustomFieldDefinition>> {
  const rows = await db
    .select({
      key: customFieldDefinitions.key,
      label: customFieldDefinitions.label,
      type: customFieldDefinitions.type,
      sensitive: customFieldDefinitions.sensitive,
    })
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.tenantId, tenantId), eq(customFieldDefinitions.entity, entity)));
  return new Map(rows.map((row) => [row.key, row]));
}
