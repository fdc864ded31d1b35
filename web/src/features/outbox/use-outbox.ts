import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import { getOutboxMessage, listOutbox } from './outbox-api';

export function useOutbox() {
  return useInfiniteQuery(
    cursorQueryOptions(['outbox', 'list'], (cursor) => listOutbox({ cursor, limit: defaultPageSize })),
  );
}

export function useOutboxMessage(id: string) {
  return useQuery({ queryKey: ['outbox', 'detail', id], queryFn: () => getOutboxMessage(id) });
}
