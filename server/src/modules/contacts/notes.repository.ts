import type { Note } from '@parterre/contract/notes';
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { notes } from './contacts.tables.ts';

type Row = typeof notes.$inferSelect;
export type NoteOwner = { personId: string } | { organisationId: string };
/** Who may see department notes: everything, or the notes of these departments plus their own. */
export type NoteReader =
  | { all: true }
  | { all: false; departmentIds: readonly string[]; userId: string | null };

export function toNote(row: Row): Note {
  return {
    id: row.id,
    personId: row.personId,
    organisationId: row.organisationId,
    body: row.body,
    visibility: row.visibility as Note['visibility'],
    departmentId: row.departmentId,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    version: row.version,
  };
}

function visibleTo(reader: NoteReader): SQL | undefined {
  if (reader.all) return undefined;
  return or(
    eq(notes.visibility, 'all'),
    reader.departmentIds.length ? inArray(notes.departmentId, [...reader.departmentIds]) : undefined,
    reader.userId ? eq(notes.createdBy, reader.userId) : undefined,
  );
}

const ownedBy = (owner: NoteOwner) =>
  'personId' in owner ? eq(notes.personId, owner.personId) : eq(notes.organisationId, owner.organisationId);

export async function insertNote(tx: DbOrTx, values: typeof notes.$inferInsert): Promise<Note> {
  const [row] = await tx.insert(notes).values(values).returning();
  return toNote(row);
}

/** A live note the reader may see; undefined otherwise (hidden notes answer 404, not 403). */
export async function findVisibleNote(db: DbOrTx, tenantId: string, id: string, reader: NoteReader) {
  const [row] = await db
    .select()
    .from(notes)
    .where(and(eq(notes.tenantId, tenantId), eq(notes.id, id), isNull(notes.deletedAt), visibleTo(reader)))
    .for('update');
  return row ? toNote(row) : undefined;
}

export async function listNotes(
  db: DbOrTx,
  tenantId: string,
  owner: NoteOwner,
  reader: NoteReader,
  options: { after?: [string, string]; limit: number },
): Promise<Note[]> {
  const after = options.after;
  const rows = await db
    .select()
    .from(notes)
    .where(
      and(
        eq(notes.tenantId, tenantId),
        ownedBy(owner),
        isNull(notes.deletedAt),
        visibleTo(reader),
        after
          ? or(
              lt(notes.createdAt, new Date(after[0])),
              and(eq(notes.createdAt, new Date(after[0])), lt(notes.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notes.createdAt), desc(notes.id))
    .limit(options.limit);
  return rows.map(toNote);
}

export async function updateNote(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  changes: Partial<typeof notes.$inferInsert>,
): Promise<Note> {
  const [row] = await tx
    .update(notes)
    .set({ ...changes, updatedAt: new Date(), version: sql`${notes.version} + 1` })
    .where(and(eq(notes.tenantId, tenantId), eq(notes.id, id)))
    .returning();
  return toNote(row);
}
