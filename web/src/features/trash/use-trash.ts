import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { cursorQueryOptions } from '../../app/cursor-query';
import { listTrash, purge, restoreFromTrash, type TrashKind } from './trash-api';

export const trashKeys = { list: (kind: TrashKind) => ['trash', kind] as const };

export function useTrash(kind: TrashKind) {
  return useInfiniteQuery(cursorQueryOptions(trashKeys.list(kind), (cursor) => listTrash(kind, cursor)));
}

/** Restore or delete for good; lists and records showing the item are refreshed. */
export function useTrashActions(kind: TrashKind) {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    Promise.all(
      ['trash', 'people', 'organisations', 'contacts', 'relationships', 'search'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
  return {
    restore: useMutation({ mutationFn: (id: string) => restoreFromTrash(kind, id), onSuccess }),
    purge: useMutation({ mutationFn: (id: string) => purge(kind, id), onSuccess }),
  };
}
