import type { CreateNoteInput, Note, UpdateNoteInput } from '@parterre/contract/notes';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, CROSS_DEPARTMENT_PERMISSION, can } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { FieldErrors } from './contacts.errors.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsContext } from './contacts.services.ts';
import * as repository from './notes.repository.ts';
import { namesOf } from './relationships.repository.ts';

export type NotesService = ReturnType<typeof createNotesService>;

function readerOf(scope: RequestScope): repository.NoteReader {
  const { principal } = scope;
  if (principal.kind === 'system' || can(scope, CROSS_DEPARTMENT_PERMISSION)) return { all: true };
  if (principal.kind === 'anonymous') return { all: false, departmentIds: [], userId: null };
  return { all: false, departmentIds: principal.departmentIds, userId: principal.userId };
}

const subjectOf = (note: Note) => (note.personId ?? note.organisationId)!;
const excerpt = (body: string) => (body.length > 200 ? `${body.slice(0, 199)}…` : body);

/**
 * Notes on people and organisations. A department note is seen by its department (and by
 * `admin.all_departments`); an `all` note by anyone who reads the contact. Events carry the department of
 * department notes (null for `all` notes) so that the timeline filters them the same way.
 */
export function createNotesService(context: ContactsContext) {
  const db = context.database.db;

  async function assertOwnerExists(scope: RequestScope, owner: repository.NoteOwner) {
    const isPerson = 'personId' in owner;
    const names = await namesOf(
      db,
      scope.tenantId,
      isPerson ? [owner.personId] : [],
      isPerson ? [] : [owner.organisationId],
    );
    if (names.people.size + names.organisations.size === 0) {
      throw new AppError(isPerson ? 'contacts.not_found' : 'organisations.not_found');
    }
  }

  async function addNote(
    scope: RequestScope,
    owner: repository.NoteOwner,
    input: CreateNoteInput,
  ): Promise<Note> {
    authorize(scope, CONTACTS_PERMISSIONS.writeNotes);
    const { principal } = scope;
    const visibility = input.visibility ?? 'department';
    const departmentId =
      input.departmentId ??
      (principal.kind === 'user' || principal.kind === 'token' ? principal.departmentIds[0] : undefined);
    if (!departmentId && visibility === 'department') {
      const errors = new FieldErrors(scope.locale);
      errors.add('body.departmentId', 'notes.department_required');
      errors.throwIfAny();
    }
    // Writing for another department than one's own needs `admin.all_departments`.
    if (departmentId) authorize(scope, CONTACTS_PERMISSIONS.writeNotes, { departmentId });
    await assertOwnerExists(scope, owner);
    const { actorId } = actorOf(scope);
    return db.transaction(async (tx) => {
      const note = await repository.insertNote(tx, {
        id: newId(),
        tenantId: scope.tenantId,
        personId: 'personId' in owner ? owner.personId : null,
        organisationId: 'organisationId' in owner ? owner.organisationId : null,
        departmentId: departmentId ?? null,
        visibility,
        body: input.body,
        createdBy: actorId,
        updatedBy: actorId,
      });
      await recordAudit(tx, scope, {
        action: 'note.added',
        entityType: 'note',
        entityId: note.id,
        after: note,
      });
      await emitEvent(tx, scope, {
        type: 'note.added',
        entityType: 'note',
        entityId: note.id,
        departmentId: visibility === 'all' ? null : note.departmentId,
        subjects: [subjectOf(note)],
        payload: { visibility, departmentId: note.departmentId, excerpt: excerpt(note.body) },
      });
      return note;
    });
  }

  async function listNotes(
    scope: RequestScope,
    owner: repository.NoteOwner,
    query: { cursor?: string; limit: number },
  ): Promise<{ data: Note[]; nextCursor: string | null }> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    await assertOwnerExists(scope, owner);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await repository.listNotes(db, scope.tenantId, owner, readerOf(scope), {
      after,
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (note) => [note.createdAt, note.id]);
  }

  /** The author, or someone with `notes.manage` (responsables), may change or delete a note they see. */
  async function editable(scope: RequestScope, tx: DbOrTx, id: string) {
    authorize(scope, CONTACTS_PERMISSIONS.writeNotes);
    const note = await repository.findVisibleNote(tx, scope.tenantId, id, readerOf(scope));
    if (!note) throw new AppError('notes.not_found');
    if (note.createdBy !== actorOf(scope).actorId) authorize(scope, CONTACTS_PERMISSIONS.manageNotes);
    return note;
  }

  async function updateNote(scope: RequestScope, id: string, version: number, input: UpdateNoteInput) {
    return db.transaction(async (tx) => {
      const before = await editable(scope, tx, id);
      if (before.version !== version) throw new AppError('common.stale', { extensions: { current: before } });
      if (input.visibility === 'department' && !before.departmentId) {
        const errors = new FieldErrors(scope.locale);
        errors.add('body.visibility', 'notes.department_required');
        errors.throwIfAny();
      }
      const after = await repository.updateNote(tx, scope.tenantId, id, {
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
        updatedBy: actorOf(scope).actorId,
      });
      await recordAudit(tx, scope, {
        action: 'note.updated',
        entityType: 'note',
        entityId: id,
        before,
        after,
      });
      await emitEvent(tx, scope, {
        type: 'note.updated',
        entityType: 'note',
        entityId: id,
        departmentId: after.visibility === 'all' ? null : after.departmentId,
        subjects: [subjectOf(after)],
        payload: {
          visibility: after.visibility,
          departmentId: after.departmentId,
          excerpt: excerpt(after.body),
        },
      });
      return after;
    });
  }

  async function deleteNote(scope: RequestScope, id: string): Promise<void> {
    await db.transaction(async (tx) => {
      const before = await editable(scope, tx, id);
      await repository.updateNote(tx, scope.tenantId, id, {
        deletedAt: new Date(),
        updatedBy: actorOf(scope).actorId,
      });
      await recordAudit(tx, scope, { action: 'note.deleted', entityType: 'note', entityId: id, before });
      await emitEvent(tx, scope, {
        type: 'note.deleted',
        entityType: 'note',
        entityId: id,
        departmentId: before.visibility === 'all' ? null : before.departmentId,
        subjects: [subjectOf(before)],
      });
    });
  }

  return { addNote, listNotes, updateNote, deleteNote };
}
