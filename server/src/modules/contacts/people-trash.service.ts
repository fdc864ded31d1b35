import type { Person, TrashItem } from '@parterre/contract/contacts';
import { recordAudit, recordAudits } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsContext } from './contacts.services.ts';
import * as repository from './people.repository.ts';
import { maskPerson, type PeopleService } from './people.service.ts';

export type PeopleTrashService = ReturnType<typeof createPeopleTrashService>;

/** Soft deletion (30 days in the trash), restoration and permanent deletion of people. */
export function createPeopleTrashService(context: ContactsContext, deps: { people: PeopleService }) {
  const db = context.database.db;

  /** Moves a person to the trash; deleting one already there changes nothing. */
  async function deletePerson(scope: RequestScope, id: string): Promise<void> {
    authorize(scope, CONTACTS_PERMISSIONS.delete);
    await db.transaction(async (tx) => {
      const row = await repository.lockPerson(tx, scope.tenantId, id);
      if (!row) throw new AppError('contacts.not_found');
      if (row.deletedAt) return;
      const deletedAt = new Date();
      await repository.setPersonDeleted(tx, scope.tenantId, id, actorOf(scope).actorId, deletedAt);
      await recordAudit(tx, scope, {
        action: 'contact.deleted',
        entityType: 'person',
        entityId: id,
        before: { deletedAt: null, version: row.version },
        after: { deletedAt: deletedAt.toISOString(), version: row.version + 1 },
      });
      await emitEvent(tx, scope, {
        type: 'contact.deleted',
        entityType: 'person',
        entityId: id,
        subjects: [id],
      });
    });
  }

  async function restorePerson(scope: RequestScope, id: string): Promise<Person> {
    authorize(scope, CONTACTS_PERMISSIONS.delete);
    const record = await db.transaction(async (tx) => {
      const row = await repository.lockPerson(tx, scope.tenantId, id);
      if (!row) throw new AppError('contacts.not_found');
      if (!row.deletedAt) throw new AppError('contacts.not_in_trash');
      await repository.setPersonDeleted(tx, scope.tenantId, id, actorOf(scope).actorId, null);
      await recordAudit(tx, scope, {
        action: 'contact.restored',
        entityType: 'person',
        entityId: id,
        before: { deletedAt: row.deletedAt.toISOString(), version: row.version },
        after: { deletedAt: null, version: row.version + 1 },
      });
      await emitEvent(tx, scope, {
        type: 'contact.restored',
        entityType: 'person',
        entityId: id,
        subjects: [id],
      });
      return deps.people.loadOne(scope, id, tx);
    });
    return maskPerson(scope, record, await deps.people.definitions(scope));
  }

  /**
   * Deletes for good (administrators). The audit row records that it happened, not what the record
   * held: keeping the personal data in the trail would defeat the deletion.
   */
  async function purgePerson(
    scope: RequestScope,
    id: string,
    reason = 'suppression définitive',
  ): Promise<void> {
    authorize(scope, CONTACTS_PERMISSIONS.purge);
    await db.transaction(async (tx) => {
      const row = await repository.lockPerson(tx, scope.tenantId, id);
      if (!row) throw new AppError('contacts.not_found');
      await repository.deletePeople(tx, scope.tenantId, [id]);
      await recordAudit(tx, scope, {
        action: 'contact.purged',
        entityType: 'person',
        entityId: id,
        before: { id, version: row.version, deletedAt: row.deletedAt?.toISOString() ?? null },
        reason,
      });
      await emitEvent(tx, scope, { type: 'contact.purged', entityType: 'person', entityId: id });
    });
  }

  /** People deleted in the last 30 days, most recent first. */
  async function listTrash(
    scope: RequestScope,
    query: { cursor?: string; limit: number },
  ): Promise<{ data: TrashItem[]; nextCursor: string | null }> {
    authorize(scope, CONTACTS_PERMISSIONS.delete);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await repository.listTrashedPeople(db, scope.tenantId, { after, limit: query.limit + 1 });
    return toPage(rows, query.limit, (row) => [row.deletedAt, row.id]);
  }

  /** Permanently deletes people trashed more than 30 days ago (daily job), in chunks. */
  async function purgeExpiredPeople(scope: RequestScope): Promise<number> {
    let purged = 0;
    for (;;) {
      const ids = await repository.listPeopleToPurge(db, scope.tenantId, 500);
      if (ids.length === 0) return purged;
      await db.transaction(async (tx) => {
        await repository.deletePeople(tx, scope.tenantId, ids);
        await recordAudits(
          tx,
          scope,
          ids.map((id) => ({
            action: 'contact.purged',
            entityType: 'person',
            entityId: id,
            reason: `corbeille de plus de ${repository.TRASH_RETENTION_DAYS} jours`,
          })),
        );
      });
      purged += ids.length;
    }
  }

  return { deletePerson, restorePerson, purgePerson, listTrash, purgeExpiredPeople };
}
