import { getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { people } from './contacts.tables.ts';
import { queryRows, uuidArray } from './contacts-list.sql.ts';

/**
 * What identity resolution needs from the contacts tables to merge two people and to undo it
 * exactly. Rows are kept as `to_jsonb` images (column names, database types) and put back with
 * `jsonb_populate_record`, so that a restored row is the very row that was there: same ids,
 * versions and timestamps.
 */
export type PersonImage = {
  person: Record<string, unknown>;
  emails: Record<string, unknown>[];
  phones: Record<string, unknown>[];
  addresses: Record<string, unknown>[];
};

type Json = Record<string, unknown>;

/** Writable columns of `people` (the generated search name excluded), as SQL names. */
const personColumns = Object.values(getTableColumns(people))
  .filter((column) => !column.generated && column.name !== 'id' && column.name !== 'tenant_id')
  .map((column) => `"${column.name}"`)
  .join(', ');

async function images(db: DbOrTx, table: string, tenantId: string, personIds: string[]) {
  return queryRows<{ owner: string; row: Json }>(
    db,
    sql`SELECT person_id AS owner, to_jsonb(t) AS row FROM ${sql.raw(table)} t
      WHERE tenant_id = ${tenantId}::uuid AND person_id = ANY(${uuidArray(personIds)}) ORDER BY position, id`,
  );
}

/** Images of people with their coordinates, keyed by person id (missing ids are absent). */
export async function imagePeople(
  db: DbOrTx,
  tenantId: string,
  personIds: string[],
): Promise<Map<string, PersonImage>> {
  const rows = await queryRows<{ id: string; row: Json }>(
    db,
    sql`SELECT id, to_jsonb(p) - 'search_name' AS row FROM people p
      WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuidArray(personIds)})`,
  );
  const result = new Map<string, PersonImage>(
    rows.map((r) => [r.id, { person: r.row, emails: [], phones: [], addresses: [] }]),
  );
  for (const kind of ['emails', 'phones', 'addresses'] as const) {
    for (const { owner, row } of await images(db, kind, tenantId, personIds))
      result.get(owner)?.[kind].push(row);
  }
  return result;
}

/** Puts a person and its coordinates back exactly as imaged (the caller holds the row lock). */
export async function restorePersonImage(tx: DbOrTx, tenantId: string, image: PersonImage): Promise<void> {
  const id = String(image.person.id);
  await tx.execute(sql`
    UPDATE people SET (${sql.raw(personColumns)}) = (
      SELECT ${sql.raw(personColumns)} FROM jsonb_populate_record(null::people, ${JSON.stringify(image.person)}::jsonb))
    WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid`);
  for (const kind of ['emails', 'phones', 'addresses'] as const) {
    const table = sql.raw(kind);
    await tx.execute(
      sql`DELETE FROM ${table} WHERE tenant_id = ${tenantId}::uuid AND person_id = ${id}::uuid`,
    );
    if (image[kind].length === 0) continue;
    await tx.execute(sql`INSERT INTO ${table}
      SELECT * FROM jsonb_populate_recordset(null::${table}, ${JSON.stringify(image[kind])}::jsonb)`);
  }
}

/**
 * Gives the survivor the coordinates of the merged person that it lacks (same e-mail address, same
 * number, same folded street, postal code and city count as one), after its own and never primary.
 */
export async function moveMissingCoordinates(
  tx: DbOrTx,
  tenantId: string,
  fromId: string,
  toId: string,
): Promise<{ emails: number; phones: number; addresses: number }> {
  const tenant = sql`${tenantId}::uuid`;
  const same = {
    emails: sql`o.address = t.address`,
    phones: sql`o.e164 = t.e164`,
    addresses: sql`f_unaccent(lower(coalesce(o.line1, ''))) = f_unaccent(lower(coalesce(t.line1, '')))
      AND coalesce(o.postal_code, '') = coalesce(t.postal_code, '')
      AND f_unaccent(lower(coalesce(o.city, ''))) = f_unaccent(lower(coalesce(t.city, '')))`,
  };
  const moved = { emails: 0, phones: 0, addresses: 0 };
  for (const kind of ['emails', 'phones', 'addresses'] as const) {
    const table = sql.raw(kind);
    const rows = await queryRows(
      tx,
      sql`UPDATE ${table} t SET person_id = ${toId}::uuid, is_primary = false,
          position = t.position + 1 + coalesce((SELECT max(position) FROM ${table} WHERE tenant_id = ${tenant} AND person_id = ${toId}::uuid), 0)
        WHERE t.tenant_id = ${tenant} AND t.person_id = ${fromId}::uuid
          AND NOT EXISTS (SELECT 1 FROM ${table} o WHERE o.tenant_id = ${tenant} AND o.person_id = ${toId}::uuid AND ${same[kind]})
        RETURNING t.id`,
    );
    moved[kind] = rows.length;
  }
  return moved;
}

/** Marks a person as merged into another: it leaves lists and search, and intake resolves it to the survivor. */
export async function markPersonMerged(
  tx: DbOrTx,
  options: { tenantId: string; id: string; survivorId: string; actorId: string | null },
): Promise<void> {
  await tx.execute(sql`UPDATE people SET merged_into_id = ${options.survivorId}::uuid, updated_at = now(),
      updated_by = ${options.actorId}::uuid, version = version + 1
    WHERE tenant_id = ${options.tenantId}::uuid AND id = ${options.id}::uuid`);
}

/** Moves a person's notes to another person; returns the ids moved. */
export async function reassignNotes(tx: DbOrTx, tenantId: string, fromId: string, toId: string) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE notes SET person_id = ${toId}::uuid
      WHERE tenant_id = ${tenantId}::uuid AND person_id = ${fromId}::uuid RETURNING id`,
  );
  return rows.map((row) => row.id);
}

/** Gives notes back to the person they were moved from; returns how many were still there to move. */
export async function restoreNotes(tx: DbOrTx, tenantId: string, ids: string[], toId: string) {
  if (ids.length === 0) return 0;
  const rows = await queryRows(
    tx,
    sql`UPDATE notes SET person_id = ${toId}::uuid
      WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuidArray(ids)}) RETURNING id`,
  );
  return rows.length;
}

/**
 * Moves every relationship of `fromId` to `toId`. Links between the two would become self-links
 * and links the survivor already has (same kind, other end and role) would be duplicates: those are
 * deleted. Returns the images of every touched row as it was, for an exact undo, and the counts.
 */
export async function reassignRelationships(tx: DbOrTx, tenantId: string, fromId: string, toId: string) {
  const tenant = sql`${tenantId}::uuid`;
  const before = await queryRows<{ row: Json }>(
    tx,
    sql`SELECT to_jsonb(r) AS row FROM relationships r WHERE r.tenant_id = ${tenant}
      AND (r.from_person_id = ${fromId}::uuid OR r.to_person_id = ${fromId}::uuid) ORDER BY r.id`,
  );
  const swap = (column: string) =>
    sql`CASE WHEN ${sql.raw(column)} = ${fromId}::uuid THEN ${toId}::uuid ELSE ${sql.raw(column)} END`;
  const deleted = await queryRows<{ id: string }>(
    tx,
    sql`DELETE FROM relationships r WHERE r.tenant_id = ${tenant}
      AND (r.from_person_id = ${fromId}::uuid OR r.to_person_id = ${fromId}::uuid)
      AND (
        coalesce(${swap('r.from_person_id')} = ${swap('r.to_person_id')}, false)
        OR EXISTS (SELECT 1 FROM relationships s WHERE s.tenant_id = ${tenant} AND s.id <> r.id
          AND s.kind = r.kind AND coalesce(s.role, '') = coalesce(r.role, '')
          AND s.from_person_id IS NOT DISTINCT FROM ${swap('r.from_person_id')}
          AND s.to_person_id IS NOT DISTINCT FROM ${swap('r.to_person_id')}
          AND s.from_organisation_id IS NOT DISTINCT FROM r.from_organisation_id
          AND s.to_organisation_id IS NOT DISTINCT FROM r.to_organisation_id
          AND (s.from_person_id = ${toId}::uuid OR s.to_person_id = ${toId}::uuid)
          AND s.from_person_id IS DISTINCT FROM ${fromId}::uuid AND s.to_person_id IS DISTINCT FROM ${fromId}::uuid))
      RETURNING r.id`,
  );
  const moved = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE relationships r SET from_person_id = ${swap('r.from_person_id')}, to_person_id = ${swap('r.to_person_id')}
      WHERE r.tenant_id = ${tenant} AND (r.from_person_id = ${fromId}::uuid OR r.to_person_id = ${fromId}::uuid)
      RETURNING r.id`,
  );
  return { images: before.map((b) => b.row), moved: moved.length, deleted: deleted.length };
}

/** Puts relationships back as imaged: the moved ones return to their end, the deleted ones reappear. */
export async function restoreRelationships(tx: DbOrTx, tenantId: string, images: Json[]): Promise<void> {
  if (images.length === 0) return;
  const ids = images.map((row) => String(row.id));
  await tx.execute(
    sql`DELETE FROM relationships WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuidArray(ids)})`,
  );
  await tx.execute(sql`INSERT INTO relationships
    SELECT * FROM jsonb_populate_recordset(null::relationships, ${JSON.stringify(images)}::jsonb)`);
}

/**
 * Timeline events of `fromId` name `toId` instead, so that the survivor's timeline tells both
 * histories. Returns each changed event's former subjects, for an exact undo.
 */
export async function reassignTimelineSubjects(tx: DbOrTx, tenantId: string, fromId: string, toId: string) {
  return queryRows<{ id: string; subjects: string[] }>(
    tx,
    sql`WITH old AS (SELECT id, subjects FROM outbox_events
        WHERE tenant_id = ${tenantId}::uuid AND subjects @> ARRAY[${fromId}::uuid] FOR UPDATE)
      UPDATE outbox_events e SET subjects = ARRAY(SELECT DISTINCT unnest(array_replace(old.subjects, ${fromId}::uuid, ${toId}::uuid)))
      FROM old WHERE e.id = old.id RETURNING old.id, old.subjects::text[] AS subjects`,
  );
}

/** Puts back the subjects of timeline events changed by {@link reassignTimelineSubjects}. */
export async function restoreTimelineSubjects(
  tx: DbOrTx,
  tenantId: string,
  events: { id: string; subjects: string[] }[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`UPDATE outbox_events e SET subjects = x.subjects
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS x(id uuid, subjects uuid[])
    WHERE e.tenant_id = ${tenantId}::uuid AND e.id = x.id`);
}
