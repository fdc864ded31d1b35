import type { TrashItem } from '@parterre/contract/contacts';
import type { CustomField } from '@parterre/contract/custom-fields';
import type {
  CreateOrganisationInput,
  ListOrganisationsQuery,
  Organisation,
  UpdateOrganisationInput,
} from '@parterre/contract/organisations';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAccess, recordAudit, recordAudits } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, can } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { FieldErrors } from './contacts.errors.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsContext } from './contacts.services.ts';
import { insertCoordinates, replaceCoordinates } from './coordinates.repository.ts';
import { maskCustomFields } from './custom-field-values.ts';
import type { CustomFieldsService } from './custom-fields.service.ts';
import { prepareOrganisation } from './organisation-input.ts';
import * as repository from './organisations.repository.ts';
import { changedFields } from './people.service.ts';

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;

function maskOrganisation(
  scope: RequestScope,
  record: repository.OrganisationRecord,
  definitions: CustomField[],
): Organisation {
  const custom = maskCustomFields(
    definitions,
    record.customFields,
    can(scope, CONTACTS_PERMISSIONS.readSensitive),
  );
  return { ...record, customFields: custom.values, masked: custom.masked };
}

/** Organisations ("structures"): companies, foundations, schools, public bodies, press… */
export function createOrganisationsService(
  context: ContactsContext,
  deps: { customFields: CustomFieldsService },
) {
  const db = context.database.db;
  const definitions = (scope: RequestScope) =>
    deps.customFields.definitionsFor(scope.tenantId, 'organisation');

  async function loadOne(scope: RequestScope, id: string, tx: DbOrTx = db) {
    const record = await repository.loadOrganisation(tx, scope.tenantId, id);
    if (!record) throw new AppError('organisations.not_found');
    return record;
  }

  async function getOrganisation(scope: RequestScope, id: string): Promise<Organisation> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    const record = await loadOne(scope, id);
    await recordAccess(db, scope, { action: 'view', entityType: 'organisation', entityId: id });
    return maskOrganisation(scope, record, await definitions(scope));
  }

  async function listOrganisations(scope: RequestScope, query: ListOrganisationsQuery) {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await repository.listOrganisations(db, scope.tenantId, {
      q: query.q,
      type: query.type,
      after,
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => [row.name, row.id]);
  }

  async function createOrganisation(
    scope: RequestScope,
    input: CreateOrganisationInput,
  ): Promise<Organisation> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    const fields = await definitions(scope);
    const errors = new FieldErrors(scope.locale);
    const write = prepareOrganisation(input, { definitions: fields, errors, isCreate: true });
    errors.throwIfAny();
    const id = newId();
    const record = await db.transaction(async (tx) => {
      await repository.insertOrganisations(tx, scope.tenantId, actorOf(scope).actorId, [
        { id, columns: write.columns as repository.OrganisationColumns },
      ]);
      await insertCoordinates(tx, scope.tenantId, 'organisation', [
        { ownerId: id, coordinates: write.coordinates },
      ]);
      const created = await loadOne(scope, id, tx);
      await recordAudit(tx, scope, {
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: id,
        after: created,
      });
      await emitEvent(tx, scope, {
        type: 'organisation.created',
        entityType: 'organisation',
        entityId: id,
        subjects: [id],
        payload: { name: created.name },
      });
      return created;
    });
    return maskOrganisation(scope, record, fields);
  }

  async function updateOrganisation(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    const fields = await definitions(scope);
    const after = await db.transaction(async (tx) => {
      const row = await repository.lockOrganisation(tx, scope.tenantId, id);
      if (!row) throw new AppError('organisations.not_found');
      if (row.deletedAt) throw new AppError('organisations.in_trash');
      const before = await loadOne(scope, id, tx);
      if (row.version !== version) {
        throw new AppError('common.stale', {
          extensions: { current: maskOrganisation(scope, before, fields) },
        });
      }
      const errors = new FieldErrors(scope.locale);
      const write = prepareOrganisation(input, {
        definitions: fields,
        errors,
        isCreate: false,
        existing: {
          siren: row.siren,
          siret: row.siret,
          customFields: row.customFields as Record<string, unknown>,
          externalIds: row.externalIds as Record<string, string>,
        },
      });
      errors.throwIfAny();
      await repository.updateOrganisationColumns(
        tx,
        scope.tenantId,
        id,
        actorOf(scope).actorId,
        write.columns,
      );
      await replaceCoordinates(tx, scope.tenantId, 'organisation', id, write.coordinates);
      const updated = await loadOne(scope, id, tx);
      await recordAudit(tx, scope, {
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        before,
        after: updated,
      });
      await emitEvent(tx, scope, {
        type: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        subjects: [id],
        payload: { changes: changedFields(before, updated) },
      });
      return updated;
    });
    return maskOrganisation(scope, after, fields);
  }

  /** Trash (soft delete) or, with `permanent` and `admin.contacts_purge`, deletion for good. */
  async function deleteOrganisation(scope: RequestScope, id: string, options: { permanent?: boolean } = {}) {
    authorize(scope, options.permanent ? CONTACTS_PERMISSIONS.purge : CONTACTS_PERMISSIONS.delete);
    await db.transaction(async (tx) => {
      const row = await repository.lockOrganisation(tx, scope.tenantId, id);
      if (!row) throw new AppError('organisations.not_found');
      if (options.permanent) {
        await repository.deleteOrganisations(tx, scope.tenantId, [id]);
        await recordAudit(tx, scope, {
          action: 'organisation.purged',
          entityType: 'organisation',
          entityId: id,
          before: { id, name: row.name, version: row.version },
          reason: 'suppression définitive',
        });
        await emitEvent(tx, scope, { type: 'organisation.purged', entityType: 'organisation', entityId: id });
        return;
      }
      if (row.deletedAt) return;
      await repository.setOrganisationDeleted(tx, scope.tenantId, id, actorOf(scope).actorId, new Date());
      await recordAudit(tx, scope, {
        action: 'organisation.deleted',
        entityType: 'organisation',
        entityId: id,
      });
      await emitEvent(tx, scope, {
        type: 'organisation.deleted',
        entityType: 'organisation',
        entityId: id,
        subjects: [id],
      });
    });
  }

  async function restoreOrganisation(scope: RequestScope, id: string): Promise<Organisation> {
    authorize(scope, CONTACTS_PERMISSIONS.delete);
    const record = await db.transaction(async (tx) => {
      const row = await repository.lockOrganisation(tx, scope.tenantId, id);
      if (!row) throw new AppError('organisations.not_found');
      if (!row.deletedAt) throw new AppError('organisations.not_in_trash');
      await repository.setOrganisationDeleted(tx, scope.tenantId, id, actorOf(scope).actorId, null);
      await recordAudit(tx, scope, {
        action: 'organisation.restored',
        entityType: 'organisation',
        entityId: id,
      });
      await emitEvent(tx, scope, {
        type: 'organisation.restored',
        entityType: 'organisation',
        entityId: id,
        subjects: [id],
      });
      return loadOne(scope, id, tx);
    });
    return maskOrganisation(scope, record, await definitions(scope));
  }

  async function listTrash(
    scope: RequestScope,
    query: { cursor?: string; limit: number },
  ): Promise<{ data: TrashItem[]; nextCursor: string | null }> {
    authorize(scope, CONTACTS_PERMISSIONS.delete);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await repository.listTrashedOrganisations(db, scope.tenantId, {
      after,
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => [row.deletedAt, row.id]);
  }

  async function purgeExpiredOrganisations(scope: RequestScope): Promise<number> {
    let purged = 0;
    for (;;) {
      const ids = await repository.listOrganisationsToPurge(db, scope.tenantId, 500);
      if (ids.length === 0) return purged;
      await db.transaction(async (tx) => {
        await repository.deleteOrganisations(tx, scope.tenantId, ids);
        await recordAudits(
          tx,
          scope,
          ids.map((id) => ({
            action: 'organisation.purged',
            entityType: 'organisation',
            entityId: id,
            reason: 'corbeille de plus de 30 jours',
          })),
        );
      });
      purged += ids.length;
    }
  }

  /** The live organisation with this name, or a new one (vCard import, demo data). */
  async function findOrCreateOrganisation(
    scope: RequestScope,
    input: CreateOrganisationInput,
  ): Promise<{ id: string; created: boolean }> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    const existing = await repository.findOrganisationIdByName(db, scope.tenantId, input.name);
    if (existing) return { id: existing, created: false };
    return { id: (await createOrganisation(scope, input)).id, created: true };
  }

  return {
    getOrganisation,
    listOrganisations,
    createOrganisation,
    updateOrganisation,
    deleteOrganisation,
    restoreOrganisation,
    listTrash,
    purgeExpiredOrganisations,
    findOrCreateOrganisation,
  };
}
