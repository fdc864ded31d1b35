import type { MatchingRuleSet } from '@parterre/contract/identity';
import { blockingKeys, DEFAULT_MAX_BLOCK_SIZE } from './blocking.ts';
import type { PreparedRecord } from './match-record.ts';
import { matchScore } from './score.ts';

export type IndexedMatch = { i: number; j: number; score: number };

/**
 * Blocks the records on their keys and scores each pair sharing one, once: the work follows the
 * number of candidate pairs (about one per record, bench/identity), not the square of the base.
 * Most blocks hold a single record, kept as a bare index rather than an array, and keys are kept as
 * 52-bit hashes rather than strings (a million people make some 15 million keys): a collision only
 * adds a candidate pair, which scoring then rejects. Returns the pairs (i < j, indexes into
 * `records`) scoring at least `minScore`.
 */
export function findMatches(
  records: readonly PreparedRecord[],
  rules: MatchingRuleSet,
  options: { minScore: number; maxBlockSize?: number; onProgress?: (done: number) => void },
): { candidatePairs: number; matches: IndexedMatch[] } {
  const n = records.length;
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const blocks = new Map<number, number | number[]>();
  for (let i = 0; i < n; i++) {
    for (const text of blockingKeys(records[i])) {
      const key = hashKey(text);
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, i);
      else if (typeof block === 'number') blocks.set(key, [block, i]);
      else block.push(i);
    }
    if (i % 10_000 === 0) options.onProgress?.(i);
  }
  const seen = new Set<number>();
  const matches: IndexedMatch[] = [];
  for (const block of blocks.values()) {
    if (typeof block === 'number' || block.length > maxBlockSize) continue;
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const [i, j] = block[x] < block[y] ? [block[x], block[y]] : [block[y], block[x]];
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        const score = matchScore(records[i], records[j], rules);
        if (score >= options.minScore) matches.push({ i, j, score });
      }
    }
  }
  return { candidatePairs: seen.size, matches };
}

/** Two 32-bit FNV-1a hashes with different offsets, folded into one 52-bit integer. */
function hashKey(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}
