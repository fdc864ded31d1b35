import type { MergeableField, MergeInput } from '@parterre/contract/identity';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { reassignConsents } from '../consent/consent-merge.repository.ts';
import * as peopleRepository from '../contacts/people.repository.ts';
import {
  imagePeople,
  markPersonMerged,
  moveMissingCoordinates,
  reassignNotes,
  reassignRelationships,
  reassignTimelineSubjects,
} from '../contacts/people-merge.repository.ts';
import type { PersonColumns } from '../contacts/person-input.ts';
import { reassignPersonReferences } from '../ticketing/person-references.repository.ts';
import {
  decidePair,
  findPairOf,
  insertMerge,
  type MovedReferences,
  orderedIds,
  takePendingPairsOf,
} from './identity.repository.ts';

const SCALARS: MergeableField[] = [
  'civility',
  'firstName',
  'lastName',
  'usageName',
  'birthDate',
  'language',
  'preferredChannel',
  'departmentId',
  'source',
];

const filled = (value: unknown) =>
  value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

type Stored = peopleRepository.PersonRecord;

/**
 * The survivor's columns after the merge: per field, the chosen record's value; unchosen fields
 * keep the survivor's, or take the merged one's where the survivor has none. Tags and external ids
 * are unioned (the survivor's id wins for a source both know).
 */
export function mergedColumns(
  survivor: Stored,
  merged: Stored,
  fields: MergeInput['fields'] = {},
  customKeys: ReadonlySet<string>,
): Partial<PersonColumns> {
  const pick = (path: string, own: unknown, other: unknown) => {
    const choice = fields[path];
    if (choice === 'merged') return other;
    if (choice === 'survivor') return own;
    return filled(own) ? own : other;
  };
  const columns: Partial<PersonColumns> = {};
  for (const field of SCALARS) {
    (columns as Record<string, unknown>)[field] = pick(field, survivor[field], merged[field]) ?? null;
  }
  for (const path of Object.keys(fields)) {
    const key = path.startsWith('customFields.') ? path.slice('customFields.'.length) : undefined;
    if (key !== undefined && !customKeys.has(key))
      throw new AppError('identity.unknown_custom_field', { details: { key } });
  }
  const custom: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(merged.customFields), ...Object.keys(survivor.customFields)])) {
    const value = pick(`customFields.${key}`, survivor.customFields[key], merged.customFields[key]);
    if (value !== undefined && value !== null) custom[key] = value;
  }
  columns.customFields = custom;
  columns.tags = [...new Set([...survivor.tags, ...merged.tags])];
  columns.externalIds = { ...merged.externalIds, ...survivor.externalIds };
  return columns;
}

async function lockLive(tx: DbOrTx, tenantId: string, id: string) {
  const row = await peopleRepository.lockPerson(tx, tenantId, id);
  if (!row) throw new AppError('identity.person_not_found', { details: { id } });
  if (row.deletedAt) throw new AppError('identity.person_in_trash');
  if (row.mergedIntoId) throw new AppError('identity.already_merged');
  return row;
}

export type MergeOutcome = { mergeId: string; moved: Record<string, number> };

/**
 * Merges `mergedId` into `survivorId` inside the caller's transaction: fields per `fields`,
 * coordinates unioned, every reference moved (orders, tickets, visits, notes, relationships,
 * timeline), the merged record pointed at the survivor; the images needed for an exact undo, an
 * audit row and a `contact.merged` event are written in the same transaction.
 */
export async function writeMerge(
  tx: DbOrTx,
  scope: RequestScope,
  input: MergeInput & { customKeys: ReadonlySet<string>; reason?: string },
): Promise<MergeOutcome> {
  const { tenantId } = scope;
  const { survivorId, mergedId } = input;
  if (survivorId === mergedId) throw new AppError('identity.same_person');
  // Lock in id order so that two merges of the same people cannot deadlock.
  for (const id of orderedIds(survivorId, mergedId)) await lockLive(tx, tenantId, id);
  const images = await imagePeople(tx, tenantId, [survivorId, mergedId]);
  const [survivor, merged] = await peopleRepository.loadPeople(tx, tenantId, [survivorId, mergedId]);
  const { actorId } = actorOf(scope);

  const pairBefore = await findPairOf(tx, tenantId, survivorId, mergedId);
  const otherPairs = await takePendingPairsOf(tx, tenantId, mergedId);
  const columns = mergedColumns(survivor, merged, input.fields, input.customKeys);
  await peopleRepository.updatePersonColumns(tx, tenantId, survivorId, actorId, columns);
  const coordinates = await moveMissingCoordinates(tx, tenantId, mergedId, survivorId);
  const ticketing = await reassignPersonReferences(tx, tenantId, mergedId, survivorId);
  const consentEvents = await reassignConsents(tx, tenantId, mergedId, survivorId);
  const notes = await reassignNotes(tx, tenantId, mergedId, survivorId);
  const relationships = await reassignRelationships(tx, tenantId, mergedId, survivorId);
  const timeline = await reassignTimelineSubjects(tx, tenantId, mergedId, survivorId);
  await markPersonMerged(tx, { tenantId, id: mergedId, survivorId, actorId });
  const [aId, bId] = orderedIds(survivorId, mergedId);
  await decidePair(tx, {
    tenantId,
    pair: { aId, bId, score: pairBefore?.score ?? 1, reasons: (pairBefore?.reasons as never) ?? [] },
    status: 'merged',
    decidedBy: actorId,
  });

  const counts = {
    orders: ticketing.orders.length,
    ticketLines: ticketing.ticketLines.length,
    visits: ticketing.visits.length,
    consentEvents: consentEvents.length,
    notes: notes.length,
    relationships: relationships.moved,
    relationshipsRemoved: relationships.deleted,
    emails: coordinates.emails,
    phones: coordinates.phones,
    addresses: coordinates.addresses,
    timelineEvents: timeline.length,
  };
  const [survivorAfter, mergedAfter] = await peopleRepository.loadPeople(tx, tenantId, [
    survivorId,
    mergedId,
  ]);
  const movedReferences: MovedReferences = {
    counts,
    ticketing,
    consentEvents,
    notes,
    relationships: relationships.images,
    timeline,
    // The pair of these two people, when pending, is among the merged person's pending pairs too.
    pairs: [
      ...(pairBefore ? [imageOfPair(pairBefore)] : []),
      ...otherPairs.filter((pair) => pair.id !== pairBefore?.id),
    ],
    survivorVersion: survivorAfter.version,
    mergedVersion: mergedAfter.version,
  };
  const mergeId = newId();
  await insertMerge(tx, {
    id: mergeId,
    tenantId,
    survivorId,
    mergedId,
    survivorBefore: images.get(survivorId)!,
    mergedBefore: images.get(mergedId)!,
    movedReferences,
    mergedBy: actorId,
  });
  const mergedName = peopleRepository.personDisplayName(merged);
  await recordAudit(tx, scope, {
    action: 'contact.merged',
    entityType: 'person',
    entityId: survivorId,
    before: { survivor, merged },
    after: { survivor: survivorAfter, mergeId, moved: counts },
    reason: input.reason ?? null,
  });
  await emitEvent(tx, scope, {
    type: 'contact.merged',
    entityType: 'person',
    entityId: survivorId,
    subjects: [survivorId, mergedId],
    payload: { mergeId, survivorId, mergedId, mergedName, moved: counts },
  });
  return { mergeId, moved: counts };
}

/** A pair row as `to_jsonb` would give it (column names), for `restorePairs`. */
function imageOfPair(row: NonNullable<Awaited<ReturnType<typeof findPairOf>>>): Record<string, unknown> {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    a_id: row.aId,
    b_id: row.bId,
    score: row.score,
    reasons: row.reasons,
    status: row.status,
    decided_by: row.decidedBy,
    decided_at: row.decidedAt?.toISOString() ?? null,
    detected_at: row.detectedAt.toISOString(),
  };
}
