import type {
  DuplicatePair,
  DuplicatePairDetail,
  DuplicatePerson,
  MergeInput,
  MergeResult,
  MergeSummary,
  UnmergeResult,
} from '@parterre/contract/identity';
import { apiRequest, type Page } from '../../app/api-client';

export type {
  DuplicatePair,
  DuplicatePairDetail,
  DuplicatePerson,
  MergeInput,
  MergeResult,
  MergeSummary,
  UnmergeResult,
};

/** Permissions the identity routes check (granted to built-in roles by the server). */
export const IDENTITY_PERMISSIONS = { merge: 'contacts.merge', scan: 'admin.identity' } as const;

/** Pairs awaiting review, highest score first; `minScore` in [0, 1]. */
export function listDuplicates(params: {
  minScore?: number;
  cursor?: string | null;
  limit?: number;
}): Promise<Page<DuplicatePair>> {
  return apiRequest('GET', '/duplicates', { query: params });
}

export function getDuplicatePair(id: string): Promise<DuplicatePairDetail> {
  return apiRequest('GET', `/duplicates/${encodeURIComponent(id)}`);
}

/** Starts the full-base scan; its progress is at GET /jobs/{jobId}. */
export function scanDuplicates(): Promise<{ jobId: string }> {
  return apiRequest('POST', '/duplicates/scan');
}

/** "Not the same person": the pair is remembered and never proposed again. */
export async function dismissDuplicate(pairId: string): Promise<void> {
  await apiRequest('POST', '/duplicates/dismiss', { body: { pairId } });
}

export function mergeContacts(input: MergeInput): Promise<MergeResult> {
  return apiRequest('POST', '/contacts/merge', { body: input });
}

/** Restores both records exactly as they were before the merge, from the merged record's id. */
export function unmergeContact(mergedId: string): Promise<UnmergeResult> {
  return apiRequest('POST', `/contacts/${encodeURIComponent(mergedId)}/unmerge`, { body: {} });
}

/** Merges into a person and the merge that absorbed it, if any, newest first. */
export function listMerges(personId: string): Promise<MergeSummary[]> {
  return apiRequest('GET', `/contacts/${encodeURIComponent(personId)}/merges`);
}
