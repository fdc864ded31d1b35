import type { CreatePersonInput, Person, UpdatePersonInput } from '@parterre/contract/contacts';
import type { CustomField } from '@parterre/contract/custom-fields';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAccess, recordAudits } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent, emitEvents } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { authorize, can } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { FieldErrors } from './contacts.errors.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsContext } from './contacts.services.ts';
import { insertCoordinates, replaceCoordinates } from './coordinates.repository.ts';
import { maskCustomFields } from './custom-field-values.ts';
import type { CustomFieldsService } from './custom-fields.service.ts';
import * as repository from './people.repository.ts';
import { type PersonWrite, preparePerson } from './person-input.ts';

export type PeopleService = ReturnType<typeof createPeopleService>;

/** Hides what the caller may not see: the birth date and sensitive custom fields. */
export function maskPerson(scope: RequestScope, record: repository.PersonRecord, definitions: CustomField[]) {
  const sensitive = can(scope, CONTACTS_PERMISSIONS.readSensitive);
  const custom = maskCustomFields(definitions, record.customFields, sensitive);
  const masked = [...(!sensitive && record.birthDate ? ['birthDate'] : []), ...custom.masked];
  return {
    ...record,
    birthDate: sensitive ? record.birthDate : null,
    customFields: custom.values,
    masked,
  } satisfies Person;
}

/** What the audit trail keeps of a new person: the normalised write itself. */
function createdSnapshot(id: string, write: PersonWrite) {
  return { id, ...write.columns, ...write.coordinates };
}

/**
 * Inserts prepared people with a constant number of statements whatever their count: people,
 * emails, phones and addresses, audit rows and outbox events each go in multi-row inserts.
 */
export async function insertPreparedPeople(
  tx: DbOrTx,
  scope: RequestScope,
  items: { id: string; write: PersonWrite }[],
): Promise<void> {
  const { actorId } = actorOf(scope);
  await repository.insertPeople(
    tx,
    scope.tenantId,
    actorId,
    items.map(({ id, write }) => ({ id, columns: write.columns })),
  );
  await insertCoordinates(
    tx,
    scope.tenantId,
    'person',
    items.map(({ id, write }) => ({ ownerId: id, coordinates: write.coordinates })),
  );
  await recordAudits(
    tx,
    scope,
    items.map(({ id, write }) => ({
      action: 'contact.created',
      entityType: 'person',
      entityId: id,
      after: createdSnapshot(id, write),
    })),
  );
  await emitEvents(
    tx,
    scope,
    items.map(({ id, write }) => ({
      type: 'contact.created',
      entityType: 'person',
      entityId: id,
      subjects: [id],
      payload: { name: repository.personDisplayName(write.columns as never), source: write.columns.source },
    })),
  );
}

/** Top-level fields whose value differs, for the `contact.updated` event. */
export function changedFields(before: object, after: object): string[] {
  const ignored = new Set(['version', 'updatedAt', 'updatedBy', 'organisations']);
  const strip = (list: unknown) =>
    Array.isArray(list) ? list.map((item) => ({ ...item, id: undefined })) : list;
  return Object.keys(after).filter(
    (key) =>
      !ignored.has(key) &&
      JSON.stringify(strip((before as Record<string, unknown>)[key])) !==
        JSON.stringify(strip((after as Record<string, unknown>)[key])),
  );
}

export function createPeopleService(context: ContactsContext, deps: { customFields: CustomFieldsService }) {
  const db = context.database.db;
  const definitions = (scope: RequestScope) => deps.customFields.definitionsFor(scope.tenantId, 'person');

  async function loadOne(scope: RequestScope, id: string, tx: DbOrTx = db) {
    const [record] = await repository.loadPeople(tx, scope.tenantId, [id]);
    if (!record) throw new AppError('contacts.not_found');
    return record;
  }

  /** A person's record, masked for the caller; the view is logged for the DPO. */
  async function getPerson(scope: RequestScope, id: string): Promise<Person> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    const record = await loadOne(scope, id);
    await recordAccess(db, scope, { action: 'view', entityType: 'person', entityId: id });
    return maskPerson(scope, record, await definitions(scope));
  }

  /** Several records at once (vCard export), masked; the caller logs the access. */
  async function getPeople(scope: RequestScope, ids: string[]): Promise<Person[]> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    const records = await repository.loadPeople(db, scope.tenantId, ids);
    const fields = await definitions(scope);
    return records.map((record) => maskPerson(scope, record, fields));
  }

  /**
   * Creates a person. With `checkDuplicates` (and without `force`), refuses with 409
   * `contacts.probable_duplicate` listing the candidates when one probably exists already.
   */
  async function createPerson(
    scope: RequestScope,
    input: CreatePersonInput,
    options: { checkDuplicates?: boolean; force?: boolean } = {},
  ): Promise<Person> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    const fields = await definitions(scope);
    const errors = new FieldErrors(scope.locale);
    const write = preparePerson(input, { definitions: fields, errors, basePath: 'body', isCreate: true });
    errors.throwIfAny();
    if (options.checkDuplicates && !options.force) {
      const candidates = await repository.findDuplicateCandidates(db, scope.tenantId, {
        emails: (write.coordinates.emails ?? []).map((e) => e.address),
        phones: (write.coordinates.phones ?? []).map((p) => p.e164),
        firstName: write.columns.firstName ?? null,
        lastName: write.columns.lastName ?? null,
        birthDate: write.columns.birthDate ?? null,
        postalCodes: (write.coordinates.addresses ?? []).flatMap((a) => a.postalCode ?? []),
      });
      if (candidates.length > 0) {
        throw new AppError('contacts.probable_duplicate', { extensions: { candidates } });
      }
    }
    const id = newId();
    const record = await db.transaction(async (tx) => {
      await insertPreparedPeople(tx, scope, [{ id, write }]);
      return loadOne(scope, id, tx);
    });
    return maskPerson(scope, record, fields);
  }

  /**
   * Updates at the version the caller read (`If-Match`); a stale version is refused with 412 and the
   * current record. Lists given (emails, phones, addresses, tags) replace the stored ones.
   */
  async function updatePerson(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdatePersonInput,
  ): Promise<Person> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    const fields = await definitions(scope);
    const after = await db.transaction(async (tx) => {
      const row = await repository.lockPerson(tx, scope.tenantId, id);
      if (!row) throw new AppError('contacts.not_found');
      if (row.deletedAt) throw new AppError('contacts.in_trash');
      const before = await loadOne(scope, id, tx);
      if (row.version !== version) {
        throw new AppError('common.stale', { extensions: { current: maskPerson(scope, before, fields) } });
      }
      const errors = new FieldErrors(scope.locale);
      const write = preparePerson(input, {
        definitions: fields,
        errors,
        basePath: 'body',
        isCreate: false,
        existing: {
          customFields: row.customFields as Record<string, unknown>,
          externalIds: row.externalIds as Record<string, string>,
        },
      });
      errors.throwIfAny();
      await writePersonUpdate(tx, scope, id, write, before);
      return loadOne(scope, id, tx);
    });
    return maskPerson(scope, after, fields);
  }

  /** Applies a prepared update under the caller's lock, with its audit row and event. */
  async function writePersonUpdate(
    tx: DbOrTx,
    scope: RequestScope,
    id: string,
    write: PersonWrite,
    before: repository.PersonRecord,
  ): Promise<void> {
    await repository.updatePersonColumns(tx, scope.tenantId, id, actorOf(scope).actorId, write.columns);
    await replaceCoordinates(tx, scope.tenantId, 'person', id, write.coordinates);
    const after = await loadOne(scope, id, tx);
    await recordAudits(tx, scope, [
      { action: 'contact.updated', entityType: 'person', entityId: id, before, after },
    ]);
    await emitEvent(tx, scope, {
      type: 'contact.updated',
      entityType: 'person',
      entityId: id,
      subjects: [id],
      payload: { changes: changedFields(before, after) },
    });
  }

  return { getPerson, getPeople, createPerson, updatePerson, writePersonUpdate, definitions, loadOne };
}
