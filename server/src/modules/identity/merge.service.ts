import type {
  MergeInput,
  MergeResult,
  MergeSummary,
  UnmergeInput,
  UnmergeResult,
} from '@parterre/contract/identity';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { restoreConsents } from '../consent/consent-merge.repository.ts';
import type { ContactsContext, ContactsServices } from '../contacts/contacts.services.ts';
import * as peopleRepository from '../contacts/people.repository.ts';
import {
  type PersonImage,
  restoreNotes,
  restorePersonImage,
  restoreRelationships,
  restoreTimelineSubjects,
} from '../contacts/people-merge.repository.ts';
import { restorePersonReferences } from '../ticketing/person-references.repository.ts';
import { IDENTITY_PERMISSIONS } from './identity.permissions.ts';
import {
  deletePairOf,
  findMerge,
  listMergesOf,
  type MergeRow,
  type MovedReferences,
  markMergeUndone,
  orderedIds,
  restorePairs,
} from './identity.repository.ts';
import { writeMerge } from './merge-write.ts';

/** Custom field keys of people, to validate `customFields.<key>` choices. */
async function personCustomKeys(contacts: ContactsServices, tenantId: string) {
  const definitions = await contacts.customFields.definitionsFor(tenantId, 'person');
  return new Set(definitions.map((definition) => definition.key));
}

/** Merging two people, undoing it, and a person's merge history. */
export function createMergeService(context: ContactsContext, deps: { contacts: ContactsServices }) {
  const db = context.database.db;
  const { contacts } = deps;

  async function personFor(scope: RequestScope, id: string) {
    const [person] = await contacts.people.getPeople(scope, [id]);
    return person;
  }

  /** Merges `mergedId` into `survivorId`, choosing field values per `fields`; undoable. */
  async function mergePeople(scope: RequestScope, input: MergeInput): Promise<MergeResult> {
    authorize(scope, IDENTITY_PERMISSIONS.merge);
    const customKeys = await personCustomKeys(contacts, scope.tenantId);
    const outcome = await db.transaction((tx) => writeMerge(tx, scope, { ...input, customKeys }));
    return {
      mergeId: outcome.mergeId,
      survivor: await personFor(scope, input.survivorId),
      mergedId: input.mergedId,
      moved: outcome.moved,
    };
  }

  /** The merge an unmerge request names: by the merged person, or by the survivor with `mergeId`. */
  async function mergeToUndo(scope: RequestScope, personId: string, mergeId?: string): Promise<MergeRow> {
    if (mergeId) {
      const merge = await findMerge(db, scope.tenantId, mergeId);
      if (!merge || (merge.survivorId !== personId && merge.mergedId !== personId))
        throw new AppError('identity.merge_not_found');
      return merge;
    }
    const [asMerged] = await listMergesOf(db, scope.tenantId, personId, 'merged');
    if (asMerged) return asMerged;
    const pending = (await listMergesOf(db, scope.tenantId, personId, 'survivor')).filter((m) => !m.undoneAt);
    if (pending.length === 0) throw new AppError('identity.merge_not_found');
    if (pending.length > 1) throw new AppError('identity.merge_id_required');
    return pending[0];
  }

  /**
   * Undoes a merge exactly: both records, their coordinates, and every moved reference are put
   * back as they were. Refused with 409 when either record changed since (a later edit or merge),
   * or when moved orders, tickets, visits or notes no longer name the survivor.
   */
  async function unmergePerson(
    scope: RequestScope,
    personId: string,
    input: UnmergeInput,
  ): Promise<UnmergeResult> {
    authorize(scope, IDENTITY_PERMISSIONS.merge);
    const merge = await mergeToUndo(scope, personId, input.mergeId);
    if (merge.undoneAt) throw new AppError('identity.merge_undone');
    await db.transaction((tx) => undoMerge(tx, scope, merge));
    return {
      mergeId: merge.id,
      survivor: await personFor(scope, merge.survivorId),
      restored: await personFor(scope, merge.mergedId),
    };
  }

  async function undoMerge(tx: DbOrTx, scope: RequestScope, merge: MergeRow): Promise<void> {
    const { tenantId } = scope;
    const moved = merge.movedReferences as MovedReferences;
    const rows = new Map<string, Awaited<ReturnType<typeof peopleRepository.lockPerson>>>();
    for (const id of orderedIds(merge.survivorId, merge.mergedId))
      rows.set(id, await peopleRepository.lockPerson(tx, tenantId, id));
    const survivor = rows.get(merge.survivorId);
    const merged = rows.get(merge.mergedId);
    if (
      !survivor ||
      !merged ||
      survivor.version !== moved.survivorVersion ||
      merged.version !== moved.mergedVersion ||
      survivor.mergedIntoId ||
      merged.mergedIntoId !== merge.survivorId
    ) {
      throw new AppError('identity.survivor_changed');
    }
    const missing = await restorePersonReferences(tx, tenantId, {
      moved: moved.ticketing,
      fromId: merge.survivorId,
      toId: merge.mergedId,
    });
    const notesBack = await restoreNotes(tx, tenantId, moved.notes, merge.mergedId);
    const consentsMissing = await restoreConsents(tx, tenantId, {
      eventIds: moved.consentEvents ?? [],
      fromId: merge.survivorId,
      toId: merge.mergedId,
    });
    const changed = [
      ...Object.entries(missing).flatMap(([kind, count]) => (count > 0 ? [kind] : [])),
      ...(notesBack < moved.notes.length ? ['notes'] : []),
      ...(consentsMissing > 0 ? ['consentEvents'] : []),
    ];
    if (changed.length > 0)
      throw new AppError('identity.references_changed', { details: { kinds: changed.join(', ') } });
    await restoreRelationships(tx, tenantId, moved.relationships);
    await restoreTimelineSubjects(tx, tenantId, moved.timeline);
    // The survivor first: its current coordinates include rows that go back to the merged person.
    await restorePersonImage(tx, tenantId, merge.survivorBefore as PersonImage);
    await restorePersonImage(tx, tenantId, merge.mergedBefore as PersonImage);
    await deletePairOf(tx, tenantId, merge.survivorId, merge.mergedId);
    await restorePairs(tx, tenantId, moved.pairs);
    await markMergeUndone(tx, tenantId, merge.id);
    await recordAudit(tx, scope, {
      action: 'contact.unmerged',
      entityType: 'person',
      entityId: merge.survivorId,
      before: { mergeId: merge.id },
      after: { survivorId: merge.survivorId, restoredId: merge.mergedId },
    });
    await emitEvent(tx, scope, {
      type: 'contact.unmerged',
      entityType: 'person',
      entityId: merge.survivorId,
      subjects: [merge.survivorId, merge.mergedId],
      payload: { mergeId: merge.id, survivorId: merge.survivorId, restoredId: merge.mergedId },
    });
  }

  /** Merges into a person and the merge that absorbed it, if any, newest first. */
  async function listMerges(scope: RequestScope, personId: string): Promise<MergeSummary[]> {
    authorize(scope, IDENTITY_PERMISSIONS.merge);
    const rows = [
      ...(await listMergesOf(db, scope.tenantId, personId, 'survivor')),
      ...(await listMergesOf(db, scope.tenantId, personId, 'merged')),
    ].sort((x, y) => y.mergedAt.getTime() - x.mergedAt.getTime());
    return rows.map((row) => {
      const image = (row.mergedBefore as PersonImage).person;
      return {
        id: row.id,
        survivorId: row.survivorId,
        mergedId: row.mergedId,
        mergedName: peopleRepository.personDisplayName({
          firstName: (image.first_name as string | null) ?? null,
          lastName: (image.last_name as string | null) ?? null,
          usageName: (image.usage_name as string | null) ?? null,
        }),
        mergedAt: row.mergedAt.toISOString(),
        mergedBy: row.mergedBy,
        moved: (row.movedReferences as MovedReferences).counts,
        undoneAt: row.undoneAt?.toISOString() ?? null,
      };
    });
  }

  return { mergePeople, unmergePerson, listMerges };
}

export type MergeService = ReturnType<typeof createMergeService>;
