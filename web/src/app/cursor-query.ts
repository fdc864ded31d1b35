import { type InfiniteData, infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { Page } from './api-client';

export const defaultPageSize = 50;

/** React Query options for a cursor-paginated list ({data, nextCursor}). */
export function cursorQueryOptions<T, K extends QueryKey>(
  queryKey: K,
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
) {
  return infiniteQueryOptions<Page<T>, Error, InfiniteData<Page<T>, string | null>, K, string | null>({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
