import type { Person } from '@parterre/contract/contacts';
import type {
  DismissPairInput,
  DismissPairResult,
  DuplicatePair,
  DuplicatePairDetail,
  DuplicatePairQuery,
  DuplicatePerson,
  MatchReason,
} from '@parterre/contract/identity';
import { recordAccess, recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import type { ContactsServices } from '../contacts/contacts.services.ts';
import { personDisplayName } from '../contacts/people.repository.ts';
import { loadMatchingPeople } from '../contacts/people-matching.repository.ts';
import { IDENTITY_PERMISSIONS } from './identity.permissions.ts';
import {
  decidePair,
  findPair,
  findPairOf,
  listPendingPairs,
  orderedIds,
  type PairRow,
} from './identity.repository.ts';
import { baseFrequencies, prepareAll } from './match-source.ts';
import { loadMatchingRules } from './rules.service.ts';
import { scanJob } from './scan.jobs.ts';
import { scorePair } from './score.ts';

function summarise(person: Person): DuplicatePerson {
  const primary = <T extends { primary: boolean }>(list: T[]) => list.find((item) => item.primary) ?? list[0];
  const address = primary(person.addresses);
  return {
    id: person.id,
    externalIds: person.externalIds,
    displayName: personDisplayName(person),
    firstName: person.firstName,
    lastName: person.lastName,
    usageName: person.usageName,
    birthDate: person.birthDate,
    email: primary(person.emails)?.address ?? null,
    phone: primary(person.phones)?.e164 ?? null,
    postalCode: address?.postalCode ?? null,
    city: address?.city ?? null,
    source: person.source,
    createdAt: person.createdAt,
  };
}

const pairStatus = (row: PairRow) => row.status as DuplicatePair['status'];

/** The review queue: pairs awaiting a decision, one pair side by side, "not the same person", the full scan. */
export function createDuplicatesService(context: AppContext, deps: { contacts: ContactsServices }) {
  const db = context.database.db;
  const { people } = deps.contacts;

  async function livePeople(scope: RequestScope, ids: string[]) {
    const records = await people.getPeople(scope, [...new Set(ids)]);
    return new Map(records.filter((p) => !p.deletedAt).map((p) => [p.id, p]));
  }

  /** Pending pairs at or above `minScore` (the review threshold by default), best first. */
  async function listPairs(scope: RequestScope, query: DuplicatePairQuery) {
    authorize(scope, IDENTITY_PERMISSIONS.merge);
    const minScore = query.minScore ?? (await loadMatchingRules(db, scope.tenantId)).reviewThreshold;
    const after = decodeCursor(query.cursor) as [number, string] | undefined;
    const rows = await listPendingPairs(db, scope.tenantId, { minScore, after, limit: query.limit + 1 });
    const page = toPage(rows, query.limit, (row) => [row.score, row.id]);
    const byId = await livePeople(
      scope,
      page.data.flatMap((row) => [row.aId, row.bId]),
    );
    const data: DuplicatePair[] = page.data.flatMap((row) => {
      const [a, b] = [byId.get(row.aId), byId.get(row.bId)];
      if (!a || !b) return [];
      return [
        {
          id: row.id,
          a: summarise(a),
          b: summarise(b),
          score: row.score,
          reasons: row.reasons as MatchReason[],
          status: pairStatus(row),
          detectedAt: row.detectedAt.toISOString(),
        },
      ];
    });
    return { data, nextCursor: page.nextCursor };
  }

  /** One pair with both full records, masked for the caller. */
  async function getPair(scope: RequestScope, id: string): Promise<DuplicatePairDetail> {
    authorize(scope, IDENTITY_PERMISSIONS.merge);
    const row = await findPair(db, scope.tenantId, id);
    if (!row) throw new AppError('identity.pair_not_found');
    const [a, b] = await people.getPeople(scope, [row.aId, row.bId]);
    if (!a || !b) throw new AppError('identity.pair_not_found');
    for (const entityId of [a.id, b.id])
      await recordAccess(db, scope, { action: 'view', entityType: 'person', entityId });
    return {
      id: row.id,
      a,
      b,
      score: row.score,
      reasons: row.reasons as MatchReason[],
      status: pairStatus(row),
      detectedAt: row.detectedAt.toISOString(),
    };
  }

  /** Scores two people now, for a dismissal of a pair the queue never proposed. */
  async function scoreNow(scope: RequestScope, aId: string, bId: string) {
    const found = await loadMatchingPeople(db, scope.tenantId, [aId, bId]);
    const records = prepareAll(found, await baseFrequencies(context.database, scope.tenantId));
    const [a, b] = [records.get(aId), records.get(bId)];
    if (!a || !b) throw new AppError('identity.person_not_found', { details: { id: a ? bId : aId } });
    return scorePair(a, b, await loadMatchingRules(db, scope.tenantId));
  }

  /** "Not the same person": remembered, so that no later scan or check proposes the pair again. */
  async function dismissPair(scope: RequestScope, input: DismissPairInput): Promise<DismissPairResult> {
    authorize(scope, IDENTITY_PERMISSIONS.merge);
    let pair: { aId: string; bId: string; score: number; reasons: MatchReason[] };
    if ('pairId' in input) {
      const row = await findPair(db, scope.tenantId, input.pairId);
      if (!row) throw new AppError('identity.pair_not_found');
      if (row.status === 'merged') throw new AppError('identity.pair_decided');
      pair = { aId: row.aId, bId: row.bId, score: row.score, reasons: row.reasons as MatchReason[] };
    } else {
      if (input.aId === input.bId) throw new AppError('identity.same_person');
      const [aId, bId] = orderedIds(input.aId, input.bId);
      const existing = await findPairOf(db, scope.tenantId, aId, bId);
      if (existing?.status === 'merged') throw new AppError('identity.pair_decided');
      pair = existing
        ? { aId, bId, score: existing.score, reasons: existing.reasons as MatchReason[] }
        : { aId, bId, ...(await scoreNow(scope, aId, bId)) };
    }
    const row = await db.transaction(async (tx) => {
      const decided = await decidePair(tx, {
        tenantId: scope.tenantId,
        pair,
        status: 'dismissed',
        decidedBy: actorOf(scope).actorId,
      });
      await recordAudit(tx, scope, {
        action: 'duplicate_pair.dismissed',
        entityType: 'duplicate_pair',
        entityId: decided.id,
        after: { aId: pair.aId, bId: pair.bId, score: pair.score },
      });
      await emitEvent(tx, scope, {
        type: 'duplicate_pair.dismissed',
        entityType: 'duplicate_pair',
        entityId: decided.id,
        subjects: [pair.aId, pair.bId],
        payload: { pairId: decided.id, aId: pair.aId, bId: pair.bId },
      });
      return decided;
    });
    return { pairId: row.id, aId: row.aId, bId: row.bId, status: 'dismissed' };
  }

  /** Queues the full-base scan; follow it at `GET /api/v1/jobs/{jobId}`. */
  async function startScan(scope: RequestScope): Promise<{ jobId: string }> {
    authorize(scope, IDENTITY_PERMISSIONS.admin);
    return { jobId: await context.jobs.enqueue(scope, scanJob, {}) };
  }

  return { listPairs, getPair, dismissPair, startScan };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
