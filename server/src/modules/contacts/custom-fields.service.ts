import type {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldEntity,
  UpdateCustomFieldInput,
} from '@parterre/contract/custom-fields';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { FieldErrors } from './contacts.errors.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsContext } from './contacts.services.ts';
import * as repository from './custom-fields.repository.ts';

const CHOICE_TYPES = new Set(['choice', 'multi_choice']);

export type CustomFieldsService = ReturnType<typeof createCustomFieldsService>;

/** Definitions of the fields that administrators add to people and organisations. */
export function createCustomFieldsService(context: ContactsContext) {
  const db = context.database.db;

  function checkOptions(scope: RequestScope, type: string, options: string[] | undefined) {
    if (CHOICE_TYPES.has(type) && (!options || options.length === 0)) {
      const errors = new FieldErrors(scope.locale);
      errors.add('body.options', 'custom_fields.options_required');
      errors.throwIfAny();
    }
  }

  /** Any reader may list them: forms and columns are built from them. */
  async function listCustomFields(scope: RequestScope, entity?: CustomFieldEntity): Promise<CustomField[]> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    return repository.listCustomFields(db, scope.tenantId, entity);
  }

  /** For other services validating values: no permission check, the caller did it. */
  function definitionsFor(tenantId: string, entity: CustomFieldEntity): Promise<CustomField[]> {
    return repository.listCustomFields(db, tenantId, entity);
  }

  async function getCustomField(scope: RequestScope, id: string): Promise<CustomField> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    const field = await repository.findCustomField(db, scope.tenantId, id);
    if (!field) throw new AppError('custom_fields.not_found');
    return field;
  }

  async function createCustomField(scope: RequestScope, input: CreateCustomFieldInput): Promise<CustomField> {
    authorize(scope, CONTACTS_PERMISSIONS.manageCustomFields);
    checkOptions(scope, input.type, input.options);
    const { actorId } = actorOf(scope);
    return db.transaction(async (tx) => {
      const created = await repository.insertCustomField(tx, {
        id: newId(),
        tenantId: scope.tenantId,
        entity: input.entity,
        key: input.key,
        label: input.label,
        type: input.type,
        options: CHOICE_TYPES.has(input.type) ? [...new Set(input.options)] : [],
        required: input.required ?? false,
        sensitive: input.sensitive ?? false,
        position: input.position ?? 0,
        createdBy: actorId,
        updatedBy: actorId,
      });
      if (!created) throw new AppError('custom_fields.key_taken');
      await recordAudit(tx, scope, {
        action: 'custom_field.created',
        entityType: 'custom_field',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  async function updateCustomField(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdateCustomFieldInput,
  ): Promise<CustomField> {
    authorize(scope, CONTACTS_PERMISSIONS.manageCustomFields);
    const before = await getCustomField(scope, id);
    if (input.options !== undefined) checkOptions(scope, before.type, input.options);
    return db.transaction(async (tx) => {
      const after = await repository.updateCustomField(tx, scope.tenantId, id, version, {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.options !== undefined && CHOICE_TYPES.has(before.type)
          ? { options: [...new Set(input.options)] }
          : {}),
        ...(input.required !== undefined ? { required: input.required } : {}),
        ...(input.sensitive !== undefined ? { sensitive: input.sensitive } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        updatedBy: actorOf(scope).actorId,
      });
      if (!after) {
        const current = await repository.findCustomField(tx, scope.tenantId, id);
        if (!current) throw new AppError('custom_fields.not_found');
        throw new AppError('common.stale', { extensions: { current } });
      }
      await recordAudit(tx, scope, {
        action: 'custom_field.updated',
        entityType: 'custom_field',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Removes the definition. Stored values stay in the records but are no longer shown; recreating a
   * field with the same key brings them back (rewriting every record would be a long job).
   */
  async function deleteCustomField(scope: RequestScope, id: string): Promise<void> {
    authorize(scope, CONTACTS_PERMISSIONS.manageCustomFields);
    const before = await getCustomField(scope, id);
    await db.transaction(async (tx) => {
      await repository.deleteCustomField(tx, scope.tenantId, id);
      await recordAudit(tx, scope, {
        action: 'custom_field.deleted',
        entityType: 'custom_field',
        entityId: id,
        before,
      });
    });
  }

  return {
    listCustomFields,
    definitionsFor,
    getCustomField,
    createCustomField,
    updateCustomField,
    deleteCustomField,
  };
}
