import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { defineJob, type JobContext, type JobRunner } from '../../platform/jobs.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { findMatchingCandidates, loadMatchingPeople } from '../contacts/people-matching.repository.ts';
import { type FoundPair, findPairOf, orderedIds, upsertPendingPairs } from './identity.repository.ts';
import { baseFrequencies, prepareAll } from './match-source.ts';
import { writeMerge } from './merge-write.ts';
import { loadMatchingRules } from './rules.service.ts';
import { scorePair } from './score.ts';

const MAX_IDS_PER_JOB = 2000;

const checkPayload = z.object({
  personIds: z.array(z.uuid()).min(1).max(MAX_IDS_PER_JOB),
  /** `review`: pairs go to the queue; `merge`: pairs at or above the automatic threshold are merged. */
  dedupe: z.enum(['review', 'merge']),
});
type CheckPayload = z.infer<typeof checkPayload>;

/**
 * Compares people just created (by an import, a push batch, a webhook) with the rest of the base,
 * through the candidates the indexes give (same e-mail or phone, similar name, similar name at the
 * same postal code), and queues or merges the pairs found. Safe to re-run: pairs are upserted and a
 * person already merged is skipped.
 */
export async function checkPeople(job: Pick<JobContext, 'database' | 'scope'>, payload: CheckPayload) {
  const { database, scope } = job;
  const db = database.db;
  const { tenantId } = scope;
  const rules = await loadMatchingRules(db, tenantId);
  const candidates = await findMatchingCandidates(db, tenantId, payload.personIds);
  const involved = [...new Set([...payload.personIds, ...candidates.flat()])];
  const records = prepareAll(
    await loadMatchingPeople(db, tenantId, involved),
    await baseFrequencies(database, tenantId),
  );
  const fresh = new Set(payload.personIds);
  const found = new Map<string, FoundPair>();
  for (const [x, y] of candidates) {
    const [aId, bId] = orderedIds(x, y);
    const a = records.get(aId);
    const b = records.get(bId);
    if (!a || !b || found.has(`${aId}|${bId}`)) continue;
    const { score, reasons } = scorePair(a, b, rules);
    if (score >= rules.reviewThreshold) found.set(`${aId}|${bId}`, { aId, bId, score, reasons });
  }
  const toMerge: FoundPair[] = [];
  const toQueue: FoundPair[] = [];
  for (const pair of found.values()) {
    if (payload.dedupe === 'merge' && pair.score >= rules.autoThreshold) toMerge.push(pair);
    else toQueue.push(pair);
  }
  const pending = await db.transaction((tx) => upsertPendingPairs(tx, tenantId, toQueue));
  let merged = 0;
  for (const pair of toMerge.sort((p, q) => q.score - p.score)) {
    const previous = await findPairOf(db, tenantId, pair.aId, pair.bId);
    if (previous?.status === 'dismissed') continue;
    // The person already in the base survives; between two new ones, the older.
    const [survivorId, mergedId] =
      fresh.has(pair.aId) && !fresh.has(pair.bId) ? [pair.bId, pair.aId] : [pair.aId, pair.bId];
    if (await tryMerge(database, scope, { survivorId, mergedId, score: pair.score })) merged++;
  }
  return { checked: payload.personIds.length, pending, merged };
}

/** Merges unless one side is gone or already merged by an earlier pair of the same run. */
export async function tryMerge(
  database: Database,
  scope: RequestScope,
  pair: { survivorId: string; mergedId: string; score: number },
): Promise<boolean> {
  try {
    await database.db.transaction((tx) =>
      writeMerge(tx, scope, {
        survivorId: pair.survivorId,
        mergedId: pair.mergedId,
        customKeys: new Set(),
        reason: `Fusion automatique (score ${pair.score.toFixed(3)})`,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('identity.')) return false;
    throw error;
  }
}

export const checkPeopleJob = defineJob({
  type: 'identity.check-people',
  version: 1,
  payload: checkPayload,
  async run(job, payload) {
    return checkPeople(job, payload);
  },
});

/**
 * Jobs get the database but not the job runner: each runtime's runner is remembered by its
 * database, so that a running import can queue the check of the people it created.
 */
const runners = new WeakMap<Database, JobRunner>();

export function registerPeopleCheckRunner(context: Pick<AppContext, 'database' | 'jobs'>): void {
  runners.set(context.database, context.jobs);
}

/**
 * Queues `identity.check-people` for people just created with `dedupe` review or merge (nothing
 * with `off`). Call it after the transaction that created them has committed. Returns the job ids.
 */
export async function requestPeopleCheck(
  database: Database,
  scope: RequestScope,
  input: { personIds: string[]; dedupe: 'off' | 'review' | 'merge' },
): Promise<string[]> {
  const { dedupe } = input;
  const runner = runners.get(database);
  if (dedupe === 'off' || input.personIds.length === 0 || !runner) return [];
  const ids = [...new Set(input.personIds)];
  const jobIds: string[] = [];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_JOB) {
    const personIds = ids.slice(start, start + MAX_IDS_PER_JOB);
    jobIds.push(await runner.enqueue(scope, checkPeopleJob, { personIds, dedupe }));
  }
  return jobIds;
}
