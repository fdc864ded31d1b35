import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchContacts } from './search-api';

/** Shortest text worth asking for: one letter matches too much to help. */
export const minSearchLength = 2;

export function useGlobalSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    // React Query aborts the request when a newer text replaces it.
    queryFn: ({ signal }) => searchContacts(q, signal),
    enabled: q.length >= minSearchLength,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
