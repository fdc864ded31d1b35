import {
  type QueryClient,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import {
  dismissDuplicate,
  getDuplicatePair,
  listDuplicates,
  listMerges,
  type MergeInput,
  mergeContacts,
  scanDuplicates,
  unmergeContact,
} from './duplicates-api';

export const duplicateKeys = {
  all: ['duplicates'] as const,
  list: (minScore: number | undefined) => ['duplicates', 'list', minScore ?? null] as const,
  pair: (id: string) => ['duplicates', 'pair', id] as const,
};

export function useDuplicates(minScore: number | undefined) {
  return useInfiniteQuery(
    cursorQueryOptions(duplicateKeys.list(minScore), (cursor) =>
      listDuplicates({ minScore, cursor, limit: defaultPageSize }),
    ),
  );
}

export function useDuplicatePair(id: string) {
  return useQuery({ queryKey: duplicateKeys.pair(id), queryFn: () => getDuplicatePair(id) });
}

export function mergesQueryOptions(personId: string) {
  return queryOptions({ queryKey: ['duplicates', 'merges', personId], queryFn: () => listMerges(personId) });
}

/**
 * Everything showing people changes after a merge, an unmerge or a dismissal. The queue is dropped
 * rather than marked stale, so that going back to it never shows the decided pair again.
 */
export function invalidateAfterDecision(queryClient: QueryClient) {
  queryClient.removeQueries({ queryKey: ['duplicates', 'list'] });
  return Promise.all(
    ['duplicates', 'people', 'contacts', 'relationships', 'timeline', 'search', 'ticketing', 'notes'].map(
      (key) => queryClient.invalidateQueries({ queryKey: [key] }),
    ),
  );
}

function useInvalidateAfterDecision() {
  const queryClient = useQueryClient();
  return () => invalidateAfterDecision(queryClient);
}

export function useScanDuplicates() {
  return useMutation({ mutationFn: scanDuplicates });
}

export function useDismissDuplicate() {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({ mutationFn: (pairId: string) => dismissDuplicate(pairId), onSuccess: invalidate });
}

export function useMergeContacts() {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({
    mutationFn: (input: MergeInput) => mergeContacts(input),
    onSuccess: invalidate,
  });
}

export function useUnmergeContact() {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({ mutationFn: (mergedId: string) => unmergeContact(mergedId), onSuccess: invalidate });
}
