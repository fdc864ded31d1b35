import type {
  CreateRelationshipInput,
  Relationship,
  RelationshipView,
  UpdateRelationshipInput,
} from '@parterre/contract/relationships';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { FieldErrors } from './contacts.errors.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsContext } from './contacts.services.ts';
import { relationshipLabel } from './relationship-labels.ts';
import * as repository from './relationships.repository.ts';

export type RelationshipsService = ReturnType<typeof createRelationshipsService>;

/** Which ends each kind links: P = person, O = organisation. */
const ENDS = {
  employment: ['P', 'O'],
  household: ['P', 'P'],
  family: ['P', 'P'],
  other: ['P', 'P'],
  parent: ['O', 'O'],
  member: ['O', 'O'],
} as const;

const subjectsOf = (r: Relationship) =>
  [r.fromPersonId, r.fromOrganisationId, r.toPersonId, r.toOrganisationId].filter((id): id is string => !!id);

const today = () => new Date().toISOString().slice(0, 10);

export function createRelationshipsService(context: ContactsContext) {
  const db = context.database.db;

  /** Checks kind against end types, self-links, existence of both ends and parent cycles. */
  async function checkEnds(tx: DbOrTx, scope: RequestScope, input: CreateRelationshipInput) {
    const errors = new FieldErrors(scope.locale);
    const [fromType, toType] = ENDS[input.kind];
    const ends = [
      { side: 'from', type: fromType, person: input.fromPersonId, organisation: input.fromOrganisationId },
      { side: 'to', type: toType, person: input.toPersonId, organisation: input.toOrganisationId },
    ];
    for (const end of ends) {
      const wanted = end.type === 'P' ? end.person : end.organisation;
      const other = end.type === 'P' ? end.organisation : end.person;
      const path = `body.${end.side}${end.type === 'P' ? 'PersonId' : 'OrganisationId'}`;
      if (!wanted || other) errors.add(path, 'relationships.invalid_ends');
    }
    errors.throwIfAny();
    const from = (input.fromPersonId ?? input.fromOrganisationId)!;
    const to = (input.toPersonId ?? input.toOrganisationId)!;
    if (from === to)
      errors.add(`body.to${toType === 'P' ? 'PersonId' : 'OrganisationId'}`, 'relationships.self');
    const names = await repository.namesOf(
      tx,
      scope.tenantId,
      [input.fromPersonId, input.toPersonId].filter((id): id is string => !!id),
      [input.fromOrganisationId, input.toOrganisationId].filter((id): id is string => !!id),
    );
    for (const [key, id] of Object.entries(input)) {
      if (!key.endsWith('Id') || typeof id !== 'string') continue;
      const known = key.endsWith('PersonId') ? names.people.has(id) : names.organisations.has(id);
      if (!known) errors.add(`body.${key}`, 'relationships.end_not_found');
    }
    if (input.startDate && input.endDate && input.endDate < input.startDate) {
      errors.add('body.endDate', 'relationships.dates_order');
    }
    errors.throwIfAny();
    if (input.kind === 'parent' && (await repository.isAncestorOrSelf(tx, scope.tenantId, to, from))) {
      throw new AppError('relationships.parent_cycle');
    }
  }

  /** Inside the caller's transaction: used by the routes and by vCard import. */
  async function insertRelationship(tx: DbOrTx, scope: RequestScope, input: CreateRelationshipInput) {
    await checkEnds(tx, scope, input);
    const { actorId } = actorOf(scope);
    const [created] = await repository.insertRelationships(tx, [
      {
        id: newId(),
        tenantId: scope.tenantId,
        kind: input.kind,
        fromPersonId: input.fromPersonId ?? null,
        fromOrganisationId: input.fromOrganisationId ?? null,
        toPersonId: input.toPersonId ?? null,
        toOrganisationId: input.toOrganisationId ?? null,
        role: input.role?.trim() || null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        createdBy: actorId,
        updatedBy: actorId,
      },
    ]);
    await recordAudit(tx, scope, {
      action: 'relationship.created',
      entityType: 'relationship',
      entityId: created.id,
      after: created,
    });
    await emitEvent(tx, scope, {
      type: 'relationship.created',
      entityType: 'relationship',
      entityId: created.id,
      subjects: subjectsOf(created),
      payload: { kind: created.kind, role: created.role },
    });
    return created;
  }

  async function createRelationship(
    scope: RequestScope,
    input: CreateRelationshipInput,
  ): Promise<Relationship> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    return db.transaction((tx) => insertRelationship(tx, scope, input));
  }

  async function updateRelationship(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdateRelationshipInput,
  ): Promise<Relationship> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    return db.transaction(async (tx) => {
      const before = await repository.findRelationship(tx, scope.tenantId, id, true);
      if (!before) throw new AppError('relationships.not_found');
      if (before.version !== version) throw new AppError('common.stale', { extensions: { current: before } });
      const startDate = input.startDate !== undefined ? input.startDate : before.startDate;
      const endDate = input.endDate !== undefined ? input.endDate : before.endDate;
      if (startDate && endDate && endDate < startDate) {
        const errors = new FieldErrors(scope.locale);
        errors.add('body.endDate', 'relationships.dates_order');
        errors.throwIfAny();
      }
      const after = await repository.updateRelationship(tx, scope.tenantId, id, {
        ...(input.role !== undefined ? { role: input.role?.trim() || null } : {}),
        startDate: startDate ?? null,
        endDate: endDate ?? null,
        updatedBy: actorOf(scope).actorId,
      });
      await recordAudit(tx, scope, {
        action: 'relationship.updated',
        entityType: 'relationship',
        entityId: id,
        before,
        after,
      });
      await emitEvent(tx, scope, {
        type: 'relationship.updated',
        entityType: 'relationship',
        entityId: id,
        subjects: subjectsOf(after),
        payload: { kind: after.kind, role: after.role, endDate: after.endDate },
      });
      return after;
    });
  }

  async function deleteRelationship(scope: RequestScope, id: string): Promise<void> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    await db.transaction(async (tx) => {
      const before = await repository.findRelationship(tx, scope.tenantId, id, true);
      if (!before) throw new AppError('relationships.not_found');
      await repository.deleteRelationship(tx, scope.tenantId, id);
      await recordAudit(tx, scope, {
        action: 'relationship.deleted',
        entityType: 'relationship',
        entityId: id,
        before,
      });
      await emitEvent(tx, scope, {
        type: 'relationship.deleted',
        entityType: 'relationship',
        entityId: id,
        subjects: subjectsOf(before),
        payload: { kind: before.kind },
      });
    });
  }

  async function getRelationship(scope: RequestScope, id: string): Promise<Relationship> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    const relationship = await repository.findRelationship(db, scope.tenantId, id);
    if (!relationship) throw new AppError('relationships.not_found');
    return relationship;
  }

  /** Every link of a person or organisation, labelled from its side; links to trashed records are hidden. */
  async function listRelationshipsOf(
    scope: RequestScope,
    end: { personId: string } | { organisationId: string },
  ): Promise<RelationshipView[]> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    const selfId = 'personId' in end ? end.personId : end.organisationId;
    const self = await repository.namesOf(
      db,
      scope.tenantId,
      'personId' in end ? [selfId] : [],
      'personId' in end ? [] : [selfId],
    );
    if (self.people.size + self.organisations.size === 0) {
      throw new AppError('personId' in end ? 'contacts.not_found' : 'organisations.not_found');
    }
    const rows = await repository.listRelationshipsOf(db, scope.tenantId, end);
    const counterparts = rows.map((r) => {
      const outgoing = (r.fromPersonId ?? r.fromOrganisationId) === selfId;
      const personId = outgoing ? r.toPersonId : r.fromPersonId;
      const organisationId = outgoing ? r.toOrganisationId : r.fromOrganisationId;
      return { r, outgoing, personId, organisationId };
    });
    const names = await repository.namesOf(
      db,
      scope.tenantId,
      counterparts.flatMap((c) => c.personId ?? []),
      counterparts.flatMap((c) => c.organisationId ?? []),
    );
    return counterparts.flatMap(({ r, outgoing, personId, organisationId }) => {
      const name = personId ? names.people.get(personId) : names.organisations.get(organisationId!);
      if (name === undefined) return [];
      const direction = outgoing ? ('outgoing' as const) : ('incoming' as const);
      return [
        {
          id: r.id,
          kind: r.kind,
          direction,
          counterpart: {
            type: personId ? ('person' as const) : ('organisation' as const),
            id: (personId ?? organisationId)!,
            name,
          },
          label: relationshipLabel(r.kind, direction, name, r.role, scope.locale),
          role: r.role,
          startDate: r.startDate,
          endDate: r.endDate,
          current: !r.endDate || r.endDate >= today(),
          version: r.version,
        },
      ];
    });
  }

  return {
    createRelationship,
    insertRelationship,
    updateRelationship,
    deleteRelationship,
    getRelationship,
    listRelationshipsOf,
  };
}
