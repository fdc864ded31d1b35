import type { TimelineEntry, TimelineQuery } from '@parterre/contract/timeline';
import type { AppContext } from '../../platform/context.ts';
import { AppError, defineErrors } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { authorize, CROSS_DEPARTMENT_PERMISSION } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';
import { listTimelineEvents, loadNoteAccess, type NoteAccess, subjectExists } from './timeline.repository.ts';
import { summariseEvent } from './timeline.summary.ts';

defineErrors({
  'timeline.subject_not_found': {
    status: 404,
    fr: 'Personne ou structure introuvable.',
    en: 'Person or organisation not found.',
  },
});

/** Payload keys that carry a note's text. */
const NOTE_TEXT_KEYS = ['body', 'excerpt', 'preview', 'text'];

/** Departments whose events the caller sees; undefined: all of them. */
function visibleDepartments(scope: RequestScope): readonly string[] | undefined {
  const { principal } = scope;
  if (principal.kind === 'system') return undefined;
  if (principal.kind === 'anonymous') return [];
  return principal.permissions.has(CROSS_DEPARTMENT_PERMISSION) ? undefined : principal.departmentIds;
}

/** A note's text is readable when its visibility allows it to the caller. */
function canReadNote(scope: RequestScope, note: NoteAccess | undefined): boolean {
  if (!note || note.deleted) return false;
  const { principal } = scope;
  if (principal.kind === 'system') return true;
  if (principal.kind === 'anonymous') return false;
  if (note.visibility === 'private') return note.createdBy === principal.userId;
  if (note.visibility !== 'department' || !note.departmentId) return true;
  return (
    principal.departmentIds.includes(note.departmentId) ||
    principal.permissions.has(CROSS_DEPARTMENT_PERMISSION)
  );
}

export function createTimelineService(context: AppContext) {
  const db = context.database.db;

  /**
   * The history of a person or an organisation, newest first, from the events naming it.
   * Department-owned events are shown to that department (or `admin.all_departments`) only, and a
   * note's text only to those who may read the note.
   */
  async function getTimeline(
    scope: RequestScope,
    subject: { kind: 'person' | 'organisation'; id: string },
    query: TimelineQuery,
  ): Promise<{ data: TimelineEntry[]; nextCursor: string | null }> {
    authorize(scope, LIST_PERMISSIONS.read);
    if (!(await subjectExists(db, scope.tenantId, subject.kind, subject.id))) {
      throw new AppError('timeline.subject_not_found');
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor && typeof cursor[0] !== 'number') throw new AppError('common.bad_cursor');
    const rows = await listTimelineEvents(db, {
      tenantId: scope.tenantId,
      subjectId: subject.id,
      visibleDepartments: visibleDepartments(scope),
      typePrefixes: query.types?.split(','),
      departmentId: query.departmentId,
      beforePosition: cursor?.[0] as number | undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const noteIds = page
      .filter((row) => row.entityType === 'note' && row.entityId)
      .map((row) => row.entityId!);
    const notes = await loadNoteAccess(db, scope.tenantId, noteIds);
    const data = page.map((row): TimelineEntry => {
      let payload = row.payload;
      if (row.entityType === 'note' && !canReadNote(scope, notes.get(row.entityId ?? ''))) {
        payload = Object.fromEntries(
          Object.entries(payload).filter(([key]) => !NOTE_TEXT_KEYS.includes(key)),
        );
        payload.bodyHidden = true;
      }
      return {
        id: row.id,
        type: row.type,
        occurredAt: row.occurredAt,
        actorId: row.actorId,
        actorName: row.actorName,
        departmentId: row.departmentId,
        summary: summariseEvent(row.type, payload, row.departmentName),
        payload,
      };
    });
    const nextCursor = rows.length > query.limit ? encodeCursor([page[page.length - 1].position]) : null;
    return { data, nextCursor };
  }

  return { getTimeline };
}
