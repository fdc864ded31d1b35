import type { MatchingRuleSet } from '@parterre/contract/identity';
import { blockingKeys, DEFAULT_MAX_BLOCK_SIZE } from '../../server/src/modules/identity/blocking.ts';
import {
  AddressLevel,
  CoordLevel,
  compareRecords,
  createComparison,
  DateLevel,
} from '../../server/src/modules/identity/compare-fields.ts';
import {
  DEFAULT_PHONETIC,
  type PreparedRecord,
  prepareRecord,
} from '../../server/src/modules/identity/match-record.ts';
import { defaultMatchingRules } from '../../server/src/modules/identity/matching-rules.ts';
import {
  applyNameFrequencies,
  countNameFrequencies,
} from '../../server/src/modules/identity/name-frequencies.ts';
import { matchScore, scorePair } from '../../server/src/modules/identity/score.ts';
import type { PhoneticAlgorithm } from '../../server/src/modules/identity/talisman.ts';
import { type Dataset, withoutContactFields } from './generate-dataset.ts';

export type EvaluationOptions = {
  rules?: MatchingRuleSet;
  maxBlockSize?: number;
  phonetic?: PhoneticAlgorithm;
  /** Drop emails and phones before matching. */
  noContact?: boolean;
  /** Weigh name agreement by the base's name frequencies (default true). */
  termFrequencies?: boolean;
  /** How many false positives and false negatives to return with their explanations. */
  examples?: number;
};

const round = (value: number, digits = 4) => Number(value.toFixed(digits));
/** CPU microseconds (user + system) spent since `start`. */
const cpuSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return user + system;
};

/**
 * Runs blocking and scoring over a dataset in memory, as the scan does in chunks, and measures
 * pair-level quality at the review threshold against the generator's ground truth.
 */
export function evaluateMatching(dataset: Dataset, options: EvaluationOptions = {}) {
  const rules = options.rules ?? defaultMatchingRules;
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const records = options.noContact ? withoutContactFields(dataset.records) : dataset.records;
  const n = records.length;

  let started = process.cpuUsage();
  const prepared: PreparedRecord[] = records.map((record) =>
    prepareRecord(record, options.phonetic ?? DEFAULT_PHONETIC),
  );
  if (options.termFrequencies ?? true) {
    const frequencies = countNameFrequencies(prepared);
    for (const record of prepared) applyNameFrequencies(record, frequencies);
  }
  const prepareUs = cpuSince(started);

  started = process.cpuUsage();
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    for (const key of blockingKeys(prepared[i])) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  }
  const candidates = new Set<number>();
  let skippedBlocks = 0;
  let largestBlock = 0;
  for (const block of blocks.values()) {
    if (block.length > maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    largestBlock = Math.max(largestBlock, block.length);
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) candidates.add(block[x] * n + block[y]);
    }
  }
  const blockingUs = cpuSince(started);

  started = process.cpuUsage();
  const matched = new Set<number>();
  for (const pair of candidates) {
    if (matchScore(prepared[Math.floor(pair / n)], prepared[pair % n], rules) >= rules.reviewThreshold) {
      matched.add(pair);
    }
  }
  const scoringUs = cpuSince(started);

  const { personOf } = dataset;
  let truePositives = 0;
  const falsePositivesByKind: Record<string, number> = { household: 0, homonym: 0, other: 0 };
  const falsePositives: number[] = [];
  for (const pair of matched) {
    const [i, j] = [Math.floor(pair / n), pair % n];
    if (personOf[i] === personOf[j]) {
      truePositives++;
      continue;
    }
    falsePositives.push(pair);
    const related =
      dataset.relatedPerson[i] === personOf[j] ? i : dataset.relatedPerson[j] === personOf[i] ? j : -1;
    falsePositivesByKind[related >= 0 ? dataset.negativeKind[related] : 'other']++;
  }

  const byPerson = new Map<number, number[]>();
  personOf.forEach((person, index) => {
    const group = byPerson.get(person);
    if (group) group.push(index);
    else byPerson.set(person, [index]);
  });
  let truePairs = 0;
  let namesOnlyPairs = 0;
  let blocked = 0;
  const byCorruption: Record<string, { pairs: number; missed: number; notBlocked: number }> = {};
  const falseNegatives: number[] = [];
  /** Why true pairs were missed: never compared or scored too low, with or without evidence beyond names. */
  const missedAs: Record<string, number> = {
    notBlockedWithEvidence: 0,
    notBlockedNamesOnly: 0,
    scoredWithEvidence: 0,
    scoredNamesOnly: 0,
  };
  for (const group of byPerson.values()) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const [i, j] = group[x] < group[y] ? [group[x], group[y]] : [group[y], group[x]];
        const pair = i * n + j;
        truePairs++;
        if (!evidenceBeyondNames(prepared[i], prepared[j])) namesOnlyPairs++;
        const inBlock = candidates.has(pair);
        if (inBlock) blocked++;
        const found = matched.has(pair);
        if (!found) {
          falseNegatives.push(pair);
          const evidence = evidenceBeyondNames(prepared[i], prepared[j]);
          missedAs[`${inBlock ? 'scored' : 'notBlocked'}${evidence ? 'WithEvidence' : 'NamesOnly'}`]++;
        }
        const labels = new Set([...dataset.corruptions[i], ...dataset.corruptions[j]]);
        if (labels.size === 0) labels.add('none');
        for (const label of labels) {
          byCorruption[label] ??= { pairs: 0, missed: 0, notBlocked: 0 };
          byCorruption[label].pairs++;
          if (!found) byCorruption[label].missed++;
          if (!inBlock) byCorruption[label].notBlocked++;
        }
      }
    }
  }

  const precision = matched.size ? truePositives / matched.size : 1;
  const recall = truePairs ? truePositives / truePairs : 1;
  const explainPairs = (pairs: number[]) =>
    pairs.slice(0, options.examples ?? 0).map((pair) => {
      const [i, j] = [Math.floor(pair / n), pair % n];
      const { score, reasons } = scorePair(prepared[i], prepared[j], rules);
      return {
        a: records[i],
        b: records[j],
        score: round(score),
        compared: candidates.has(pair),
        corruptions: [...dataset.corruptions[i], ...dataset.corruptions[j]],
        reasons: reasons.map(
          (reason) => `${reason.evidence >= 0 ? '+' : ''}${reason.evidence} ${reason.detail}`,
        ),
      };
    });

  return {
    records: n,
    people: byPerson.size,
    noContact: options.noContact ?? false,
    reviewThreshold: rules.reviewThreshold,
    truePairs,
    /** True pairs sharing nothing but names: only a rare name can bring them to review. */
    namesOnlyPairs,
    candidatePairs: candidates.size,
    candidatePairsPerRecord: round(candidates.size / n, 2),
    blockingRecall: round(blocked / truePairs),
    blocks: { count: blocks.size, skipped: skippedBlocks, largest: largestBlock, maxBlockSize },
    matchedPairs: matched.size,
    truePositives,
    falsePositives: matched.size - truePositives,
    falseNegatives: truePairs - truePositives,
    precision: round(precision),
    recall: round(recall),
    f1: round((2 * precision * recall) / (precision + recall || 1)),
    falsePositivesByKind,
    missedAs,
    byCorruption: Object.fromEntries(
      Object.entries(byCorruption)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([label, counts]) => [label, { ...counts, recall: round(1 - counts.missed / counts.pairs, 3) }]),
    ),
    timings: {
      /** CPU time, not wall time: the figures hold on a busy machine. */
      prepareMicrosecondsPerRecord: round(prepareUs / n, 2),
      blockingMicrosecondsPerRecord: round(blockingUs / n, 2),
      scoringMs: Math.round(scoringUs / 1000),
      microsecondsPerPair: round(scoringUs / Math.max(1, candidates.size), 3),
    },
    examples: options.examples
      ? { falsePositives: explainPairs(falsePositives), falseNegatives: explainPairs(falseNegatives) }
      : undefined,
  };
}

const comparison = createComparison();

/** Whether a pair shares anything besides names: a birth date, a postal code, an email or a phone. */
function evidenceBeyondNames(a: PreparedRecord, b: PreparedRecord): boolean {
  const c = compareRecords(a, b, comparison);
  return (
    c.dateLevel > DateLevel.disagree ||
    c.addressLevel > AddressLevel.otherPostalCode ||
    c.emailLevel >= CoordLevel.partial ||
    c.phoneLevel === CoordLevel.agree
  );
}

export type EvaluationSummary = ReturnType<typeof evaluateMatching>;
