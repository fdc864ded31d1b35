import type { ScanResult } from '@parterre/contract/identity';
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs.ts';
import { countLivePeople, listMatchingPeople } from '../contacts/people-matching.repository.ts';
import {
  deletePairs,
  type FoundPair,
  listPendingPairKeys,
  orderedIds,
  upsertPendingPairs,
} from './identity.repository.ts';
import type { PreparedRecord } from './match-record.ts';
import { prepareMatchingPerson, rememberFrequencies } from './match-source.ts';
import { applyNameFrequencies, countNameFrequencies } from './name-frequencies.ts';
import { findMatches } from './pair-finder.ts';
import { tryMerge } from './people-check.jobs.ts';
import { loadMatchingRules } from './rules.service.ts';
import { scorePair } from './score.ts';

/** People read per query, and pairs written per transaction. */
export const scanTuning = { pageSize: 5000, writeChunk: 1000 };

type ScanJob = Pick<JobContext, 'database' | 'scope' | 'reportProgress' | 'throwIfCancelled'>;

/**
 * The full-base duplicate scan. Streams live people in id order, prepares each once, counts name
 * frequencies, blocks and scores in memory (pair-finder.ts), then writes the pairs at or above the
 * review threshold in short transactions: new pairs become pending, pending ones get their new
 * score, dismissed and merged ones keep their decision. Pending pairs it no longer finds (people
 * merged, deleted or changed) are dropped. Re-running it, after a crash too, gives the same queue.
 * Progress: people read, then people blocked (total: twice the base).
 */
export async function runScan(job: ScanJob): Promise<ScanResult> {
  const { database, scope } = job;
  const db = database.db;
  const { tenantId } = scope;
  const rules = await loadMatchingRules(db, tenantId);
  const total = await countLivePeople(db, tenantId);
  const records: PreparedRecord[] = [];
  let afterId: string | null = null;
  for (;;) {
    await job.throwIfCancelled();
    const page = await listMatchingPeople(db, tenantId, { afterId, limit: scanTuning.pageSize });
    for (const person of page) records.push(prepareMatchingPerson(person));
    await job.reportProgress(records.length, 2 * Math.max(total, records.length));
    if (page.length < scanTuning.pageSize) break;
    afterId = page[page.length - 1].id;
  }
  const frequencies = countNameFrequencies(records);
  for (const record of records) applyNameFrequencies(record, frequencies);
  rememberFrequencies(database, tenantId, frequencies);
  const n = records.length;
  const { candidatePairs, matches } = findMatches(records, rules, { minScore: rules.reviewThreshold });
  await job.reportProgress(2 * n - 1, 2 * n);

  const found: FoundPair[] = matches.map(({ i, j }) => {
    const [aId, bId] = orderedIds(records[i].id, records[j].id);
    const [a, b] = aId === records[i].id ? [records[i], records[j]] : [records[j], records[i]];
    return { aId, bId, ...scorePair(a, b, rules) };
  });
  const keys = new Set(found.map((pair) => `${pair.aId}|${pair.bId}`));
  let pending = 0;
  for (let start = 0; start < found.length; start += scanTuning.writeChunk) {
    await job.throwIfCancelled();
    const chunk = found.slice(start, start + scanTuning.writeChunk);
    pending += await db.transaction((tx) => upsertPendingPairs(tx, tenantId, chunk));
  }
  const stale = (await listPendingPairKeys(db, tenantId))
    .filter((pair) => !keys.has(`${pair.aId}|${pair.bId}`))
    .map((pair) => pair.id);
  for (let start = 0; start < stale.length; start += scanTuning.writeChunk) {
    await db.transaction((tx) =>
      deletePairs(tx, tenantId, stale.slice(start, start + scanTuning.writeChunk)),
    );
  }

  let autoMerged = 0;
  if (rules.autoMergeEnabled) {
    // Only pairs still pending: a dismissed pair is never merged.
    const pendingNow = new Set((await listPendingPairKeys(db, tenantId)).map((p) => `${p.aId}|${p.bId}`));
    const sure = found
      .filter((pair) => pair.score >= rules.autoThreshold && pendingNow.has(`${pair.aId}|${pair.bId}`))
      .sort((p, q) => q.score - p.score);
    for (const pair of sure) {
      await job.throwIfCancelled();
      if (await tryMerge(database, scope, { survivorId: pair.aId, mergedId: pair.bId, score: pair.score }))
        autoMerged++;
    }
  }
  await job.reportProgress(2 * n, 2 * n);
  return { people: n, candidatePairs, matches: found.length, pending, dropped: stale.length, autoMerged };
}

export const scanJob = defineJob({
  type: 'identity.scan',
  version: 1,
  payload: z.object({}),
  expireInSeconds: 4 * 3600,
  async run(job) {
    return runScan(job);
  },
});
