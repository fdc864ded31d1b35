import type { Relationship, RelationshipKind } from '@parterre/contract/relationships';
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { organisations, people, relationships } from './contacts.tables.ts';

type Row = typeof relationships.$inferSelect;

export function toRelationship(row: Row): Relationship {
  return {
    id: row.id,
    kind: row.kind as RelationshipKind,
    fromPersonId: row.fromPersonId,
    fromOrganisationId: row.fromOrganisationId,
    toPersonId: row.toPersonId,
    toOrganisationId: row.toOrganisationId,
    role: row.role,
    startDate: row.startDate,
    endDate: row.endDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const today = () => new Date().toISOString().slice(0, 10);
const isCurrent = () => or(isNull(relationships.endDate), gte(relationships.endDate, today()));
const displayName = sql<string>`coalesce(nullif(trim(concat_ws(' ', ${people.firstName}, coalesce(nullif(${people.usageName}, ''), ${people.lastName}))), ''), '(sans nom)')`;

/** Current employers of each person, for the person record. */
export async function currentEmployments(db: DbOrTx, tenantId: string, personIds: string[]) {
  const result = new Map<
    string,
    { relationshipId: string; organisationId: string; name: string; role: string | null }[]
  >();
  if (personIds.length === 0) return result;
  const rows = await db
    .select({
      relationshipId: relationships.id,
      personId: relationships.fromPersonId,
      organisationId: organisations.id,
      name: organisations.name,
      role: relationships.role,
    })
    .from(relationships)
    .innerJoin(organisations, eq(organisations.id, relationships.toOrganisationId))
    .where(
      and(
        eq(relationships.tenantId, tenantId),
        eq(relationships.kind, 'employment'),
        inArray(relationships.fromPersonId, personIds),
        isNull(organisations.deletedAt),
        isCurrent(),
      ),
    )
    .orderBy(organisations.name);
  for (const { personId, ...link } of rows) {
    const list = result.get(personId!) ?? [];
    list.push(link);
    result.set(personId!, list);
  }
  return result;
}

/** Current employees of an organisation, for its record. */
export async function currentMembers(db: DbOrTx, tenantId: string, organisationId: string) {
  return db
    .select({
      relationshipId: relationships.id,
      personId: people.id,
      name: displayName,
      role: relationships.role,
    })
    .from(relationships)
    .innerJoin(people, eq(people.id, relationships.fromPersonId))
    .where(
      and(
        eq(relationships.tenantId, tenantId),
        eq(relationships.kind, 'employment'),
        eq(relationships.toOrganisationId, organisationId),
        isNull(people.deletedAt),
        isCurrent(),
      ),
    )
    .orderBy(people.lastName, people.firstName);
}

/** Parent and child organisations (kind `parent`: from = parent, to = child). */
export async function organisationHierarchy(db: DbOrTx, tenantId: string, organisationId: string) {
  const rows = await db
    .select({
      relationshipId: relationships.id,
      fromId: relationships.fromOrganisationId,
      toId: relationships.toOrganisationId,
      otherId: organisations.id,
      name: organisations.name,
    })
    .from(relationships)
    .innerJoin(
      organisations,
      sql`${organisations.id} = case when ${relationships.fromOrganisationId} = ${organisationId}
        then ${relationships.toOrganisationId} else ${relationships.fromOrganisationId} end`,
    )
    .where(
      and(
        eq(relationships.tenantId, tenantId),
        eq(relationships.kind, 'parent'),
        or(
          eq(relationships.fromOrganisationId, organisationId),
          eq(relationships.toOrganisationId, organisationId),
        ),
        isNull(organisations.deletedAt),
      ),
    )
    .orderBy(organisations.name);
  const link = (r: (typeof rows)[number]) => ({
    relationshipId: r.relationshipId,
    organisationId: r.otherId,
    name: r.name,
  });
  return {
    parents: rows.filter((r) => r.toId === organisationId).map(link),
    children: rows.filter((r) => r.fromId === organisationId).map(link),
  };
}

/** Every relationship touching a person or an organisation, from either end. */
export async function listRelationshipsOf(
  db: DbOrTx,
  tenantId: string,
  end: { personId: string } | { organisationId: string },
): Promise<Relationship[]> {
  const touches =
    'personId' in end
      ? or(eq(relationships.fromPersonId, end.personId), eq(relationships.toPersonId, end.personId))
      : or(
          eq(relationships.fromOrganisationId, end.organisationId),
          eq(relationships.toOrganisationId, end.organisationId),
        );
  const rows = await db
    .select()
    .from(relationships)
    .where(and(eq(relationships.tenantId, tenantId), touches))
    .orderBy(relationships.createdAt);
  return rows.map(toRelationship);
}

/** Display names of live people and organisations, to label relationships. */
export async function namesOf(db: DbOrTx, tenantId: string, personIds: string[], organisationIds: string[]) {
  const [personRows, organisationRows] = await Promise.all([
    personIds.length
      ? db
          .select({ id: people.id, name: displayName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds), isNull(people.deletedAt)))
      : [],
    organisationIds.length
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(
            and(
              eq(organisations.tenantId, tenantId),
              inArray(organisations.id, organisationIds),
              isNull(organisations.deletedAt),
            ),
          )
      : [],
  ]);
  return {
    people: new Map(personRows.map((r) => [r.id, r.name])),
    organisations: new Map(organisationRows.map((r) => [r.id, r.name])),
  };
}

export async function findRelationship(db: DbOrTx, tenantId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(relationships)
    .where(and(eq(relationships.tenantId, tenantId), eq(relationships.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toRelationship(row) : undefined;
}

export async function insertRelationships(tx: DbOrTx, values: (typeof relationships.$inferInsert)[]) {
  if (values.length === 0) return [];
  const rows = await tx.insert(relationships).values(values).returning();
  return rows.map(toRelationship);
}

export async function updateRelationship(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  changes: Partial<typeof relationships.$inferInsert>,
): Promise<Relationship> {
  const [row] = await tx
    .update(relationships)
    .set({ ...changes, updatedAt: new Date(), version: sql`${relationships.version} + 1` })
    .where(and(eq(relationships.tenantId, tenantId), eq(relationships.id, id)))
    .returning();
  return toRelationship(row);
}

export async function deleteRelationship(tx: DbOrTx, tenantId: string, id: string): Promise<void> {
  await tx.delete(relationships).where(and(eq(relationships.tenantId, tenantId), eq(relationships.id, id)));
}

/** True when `ancestorId` is `organisationId` or above it through `parent` links (cycle check). */
export async function isAncestorOrSelf(
  db: DbOrTx,
  tenantId: string,
  ancestorId: string,
  organisationId: string,
): Promise<boolean> {
  if (ancestorId === organisationId) return true;
  const result = await db.execute(sql`
    with recursive ancestors(id) as (
      select from_organisation_id from relationships
      where tenant_id = ${tenantId} and kind = 'parent' and to_organisation_id = ${organisationId}
      union
      select r.from_organisation_id from relationships r join ancestors a on r.to_organisation_id = a.id
      where r.tenant_id = ${tenantId} and r.kind = 'parent'
    )
    select 1 as found from ancestors where id = ${ancestorId} limit 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
