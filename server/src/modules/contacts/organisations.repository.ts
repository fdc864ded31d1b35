import type { TrashItem } from '@parterre/contract/contacts';
import {
  type Organisation,
  type OrganisationSummary,
  type OrganisationType,
  organisationTypeSchema,
} from '@parterre/contract/organisations';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { organisations } from './contacts.tables.ts';
import { loadCoordinates } from './coordinates.repository.ts';
import { TRASH_RETENTION_DAYS } from './people.repository.ts';
import { currentMembers, organisationHierarchy } from './relationships.repository.ts';

export type OrganisationRecord = Omit<Organisation, 'masked'>;
export type OrganisationColumns = {
  name: string;
  type: OrganisationType;
  siren: string | null;
  siret: string | null;
  website: string | null;
  departmentId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  externalIds: Record<string, string>;
};
type Row = typeof organisations.$inferSelect;
const typeOf = (value: string): OrganisationType => organisationTypeSchema.safeParse(value).data ?? 'autre';

const scoped = (tenantId: string, id: string) =>
  and(eq(organisations.tenantId, tenantId), eq(organisations.id, id));

/** The whole record: coordinates, current members, parent and child organisations. */
export async function loadOrganisation(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<OrganisationRecord | undefined> {
  const [row] = await db.select().from(organisations).where(scoped(tenantId, id));
  if (!row) return undefined;
  const [coordinates, members, hierarchy] = await Promise.all([
    loadCoordinates(db, tenantId, 'organisation', [id]),
    currentMembers(db, tenantId, id),
    organisationHierarchy(db, tenantId, id),
  ]);
  return {
    id: row.id,
    name: row.name,
    type: typeOf(row.type),
    siren: row.siren,
    siret: row.siret,
    website: row.website,
    departmentId: row.departmentId,
    ...coordinates.get(id)!,
    tags: row.tags,
    customFields: row.customFields as Record<string, unknown>,
    externalIds: row.externalIds as Record<string, string>,
    members,
    ...hierarchy,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    version: row.version,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

export async function lockOrganisation(tx: DbOrTx, tenantId: string, id: string): Promise<Row | undefined> {
  const [row] = await tx.select().from(organisations).where(scoped(tenantId, id)).for('update');
  return row;
}

export async function insertOrganisations(
  tx: DbOrTx,
  tenantId: string,
  actorId: string | null,
  rows: { id: string; columns: OrganisationColumns }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(organisations)
    .values(
      rows.map(({ id, columns }) => ({ ...columns, id, tenantId, createdBy: actorId, updatedBy: actorId })),
    );
}

export async function updateOrganisationColumns(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  actorId: string | null,
  columns: Partial<OrganisationColumns>,
): Promise<void> {
  await tx
    .update(organisations)
    .set({
      ...columns,
      updatedAt: new Date(),
      updatedBy: actorId,
      version: sql`${organisations.version} + 1`,
    })
    .where(scoped(tenantId, id));
}

export async function setOrganisationDeleted(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  actorId: string | null,
  deletedAt: Date | null,
): Promise<void> {
  await tx
    .update(organisations)
    .set({
      deletedAt,
      deletedBy: deletedAt ? actorId : null,
      updatedAt: new Date(),
      updatedBy: actorId,
      version: sql`${organisations.version} + 1`,
    })
    .where(scoped(tenantId, id));
}

export async function deleteOrganisations(tx: DbOrTx, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .delete(organisations)
    .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, ids)));
}

/** The primary coordinate of the listed organisation (fixed identifiers: safe as raw SQL). */
const primaryOf = (table: 'emails' | 'phones' | 'addresses', column: 'address' | 'e164' | 'city') =>
  sql<string | null>`${sql.raw(
    `(select c.${column} from ${table} c where c.organisation_id = "organisations"."id" and c.is_primary limit 1)`,
  )}`;

/** Live organisations by name, with a name filter ignoring accents and case. */
export async function listOrganisations(
  db: DbOrTx,
  tenantId: string,
  query: { q?: string; type?: OrganisationType; after?: [string, string]; limit: number },
): Promise<OrganisationSummary[]> {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      siren: organisations.siren,
      tags: organisations.tags,
      version: organisations.version,
      city: primaryOf('addresses', 'city'),
      email: primaryOf('emails', 'address'),
      phone: primaryOf('phones', 'e164'),
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, tenantId),
        isNull(organisations.deletedAt),
        pattern ? sql`${organisations.searchName} like f_unaccent(lower(${pattern}))` : undefined,
        query.type ? eq(organisations.type, query.type) : undefined,
        query.after
          ? or(
              gt(organisations.name, query.after[0]),
              and(eq(organisations.name, query.after[0]), gt(organisations.id, query.after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(query.limit);
  return rows.map((row) => ({ ...row, type: typeOf(row.type) }));
}

export async function listTrashedOrganisations(
  db: DbOrTx,
  tenantId: string,
  options: { after?: [string, string]; limit: number },
): Promise<TrashItem[]> {
  const since = new Date(Date.now() - TRASH_RETENTION_DAYS * 86_400_000);
  const after = options.after;
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      deletedAt: organisations.deletedAt,
      deletedBy: organisations.deletedBy,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, tenantId),
        isNotNull(organisations.deletedAt),
        gte(organisations.deletedAt, since),
        after
          ? or(
              lt(organisations.deletedAt, new Date(after[0])),
              and(eq(organisations.deletedAt, new Date(after[0])), lt(organisations.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(organisations.deletedAt), desc(organisations.id))
    .limit(options.limit);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    deletedAt: row.deletedAt!.toISOString(),
    deletedBy: row.deletedBy,
    purgeAt: new Date(row.deletedAt!.getTime() + TRASH_RETENTION_DAYS * 86_400_000).toISOString(),
  }));
}

export async function listOrganisationsToPurge(db: DbOrTx, tenantId: string, limit: number) {
  const before = new Date(Date.now() - TRASH_RETENTION_DAYS * 86_400_000);
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, tenantId),
        isNotNull(organisations.deletedAt),
        lt(organisations.deletedAt, before),
      ),
    )
    .limit(limit);
  return rows.map((row) => row.id);
}

/** A live organisation with exactly this name (accents and case ignored), oldest first. */
export async function findOrganisationIdByName(db: DbOrTx, tenantId: string, name: string) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, tenantId),
        isNull(organisations.deletedAt),
        sql`${organisations.searchName} = f_unaccent(lower(${name}))`,
      ),
    )
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return row?.id;
}
