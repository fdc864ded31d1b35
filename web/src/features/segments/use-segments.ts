import type { CreateListInput, CreateSegmentInput, UpdateSegmentInput } from '@parterre/contract/segments';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import {
  addSegmentToList,
  type CriteriaGroup,
  changeListMembers,
  countCriteria,
  countSegment,
  createList,
  createSegment,
  deleteList,
  deleteSegment,
  getList,
  getSegment,
  listAllLists,
  listFields,
  listListMembers,
  listLists,
  listOptionsFrom,
  listSegmentMembers,
  listSegments,
  snapshotSegment,
  updateSegment,
} from './segments-api';

export const segmentKeys = {
  all: ['segments'] as const,
  fields: ['segments', 'fields'] as const,
  list: ['segments', 'list'] as const,
  one: (id: string) => ['segments', 'one', id] as const,
  count: (id: string) => ['segments', 'count', id] as const,
  members: (id: string) => ['segments', 'members', id] as const,
  draftCount: (criteria: string) => ['segments', 'draft-count', criteria] as const,
  options: (from: string) => ['segments', 'options', from] as const,
  lists: ['segments', 'lists'] as const,
  oneList: (id: string) => ['segments', 'lists', 'one', id] as const,
  listMembers: (id: string) => ['segments', 'lists', 'members', id] as const,
};

/** The criteria registry; it changes only when custom fields do. */
export function useCriteriaFields() {
  return useQuery({ queryKey: segmentKeys.fields, queryFn: listFields, staleTime: 60_000 });
}

export function useOptionsFrom(optionsFrom: string | undefined) {
  return useQuery({
    queryKey: segmentKeys.options(optionsFrom ?? ''),
    queryFn: () => listOptionsFrom(optionsFrom ?? ''),
    enabled: Boolean(optionsFrom),
    staleTime: 60_000,
  });
}

export function useSegments() {
  return useInfiniteQuery(
    cursorQueryOptions(segmentKeys.list, (cursor) => listSegments({ cursor, limit: defaultPageSize })),
  );
}

export function useSegment(id: string) {
  return useQuery({ queryKey: segmentKeys.one(id), queryFn: () => getSegment(id) });
}

export function useSegmentCount(id: string) {
  return useQuery({ queryKey: segmentKeys.count(id), queryFn: () => countSegment(id) });
}

/** Live count of the criteria being edited (already debounced by the caller), with a sample. */
export function useDraftCount(criteria: CriteriaGroup | null, sample: number) {
  const key = JSON.stringify(criteria);
  return useQuery({
    queryKey: segmentKeys.draftCount(`${sample}:${key}`),
    queryFn: ({ signal }) => countCriteria(criteria as CriteriaGroup, sample, signal),
    enabled: criteria !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSegmentMembers(id: string) {
  return useInfiniteQuery(
    cursorQueryOptions(segmentKeys.members(id), (cursor) =>
      listSegmentMembers(id, { cursor, limit: defaultPageSize }),
    ),
  );
}

export function useCreateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSegmentInput) => createSegment(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.list }),
  });
}

export function useUpdateSegment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { version: number; patch: UpdateSegmentInput }) =>
      updateSegment(id, args.version, args.patch),
    onSuccess: (segment) => {
      queryClient.setQueryData(segmentKeys.one(id), segment);
      void queryClient.invalidateQueries({ queryKey: segmentKeys.list });
      void queryClient.invalidateQueries({ queryKey: segmentKeys.count(id) });
      void queryClient.invalidateQueries({ queryKey: segmentKeys.members(id) });
    },
  });
}

export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSegment(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.list }),
  });
}

export function useSnapshotSegment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateListInput) => snapshotSegment(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists }),
  });
}

export function useLists() {
  return useInfiniteQuery(
    cursorQueryOptions(segmentKeys.lists, (cursor) => listLists({ cursor, limit: defaultPageSize })),
  );
}

export function useList(id: string) {
  return useQuery({ queryKey: segmentKeys.oneList(id), queryFn: () => getList(id) });
}

export function useListMembers(id: string) {
  return useInfiniteQuery(
    cursorQueryOptions(segmentKeys.listMembers(id), (cursor) =>
      listListMembers(id, { cursor, limit: defaultPageSize }),
    ),
  );
}

export function useCreateList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateListInput) => createList(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists }),
  });
}

export function useDeleteList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteList(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists }),
  });
}

export function useChangeListMembers(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { add?: string[]; remove?: string[] }) => changeListMembers(id, input),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.oneList(id) });
      void queryClient.invalidateQueries({ queryKey: segmentKeys.listMembers(id) });
      void queryClient.invalidateQueries({ queryKey: segmentKeys.lists });
    },
  });
}

export function useAllLists(enabled: boolean) {
  return useQuery({ queryKey: [...segmentKeys.lists, 'all'], queryFn: listAllLists, enabled });
}

export function useAddSegmentToList(segmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (listId: string) => addSegmentToList(segmentId, listId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists }),
  });
}
