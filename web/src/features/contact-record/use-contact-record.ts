import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cursorQueryOptions } from '../../app/cursor-query';
import {
  addNote,
  type CreatePersonInput,
  createPerson,
  createRelationship,
  deleteNote,
  deletePerson,
  deleteRelationship,
  getPerson,
  getTimeline,
  importVCards,
  listNotes,
  listRelationships,
  type RecordRef,
  searchContacts,
  type TimelineFilters,
  type UpdatePersonInput,
  updatePerson,
  updateRelationship,
} from './contact-record-api';

export const recordKeys = {
  person: (id: string) => ['people', 'detail', id] as const,
  relationships: (ref: RecordRef) => ['relationships', ref.kind, ref.id] as const,
  notes: (ref: RecordRef) => ['notes', ref.kind, ref.id] as const,
  timeline: (ref: RecordRef, filters: TimelineFilters) => ['timeline', ref.kind, ref.id, filters] as const,
  search: (q: string) => ['search', q] as const,
};

/** Everything that shows people or organisations, refreshed after a change on either. */
function useInvalidateRecords() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['people', 'organisations', 'relationships', 'timeline', 'contacts', 'search', 'trash'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function personQueryOptions(id: string) {
  return queryOptions({ queryKey: recordKeys.person(id), queryFn: () => getPerson(id) });
}

export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}

export function useCreatePerson() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (args: { input: CreatePersonInput; force: boolean }) => createPerson(args.input, args.force),
    onSuccess: () => invalidate(),
  });
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (args: { version: number; patch: UpdatePersonInput }) =>
      updatePerson(id, args.version, args.patch),
    onSuccess: (person) => {
      queryClient.setQueryData(recordKeys.person(id), person);
      return invalidate();
    },
  });
}

export function useDeletePerson() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (args: { id: string; permanent?: boolean }) => deletePerson(args.id, args.permanent),
    onSuccess: () => invalidate(),
  });
}

export function useImportVCards() {
  const invalidate = useInvalidateRecords();
  return useMutation({ mutationFn: (file: File) => importVCards(file), onSuccess: () => invalidate() });
}

export function useRelationships(ref: RecordRef) {
  return useQuery({ queryKey: recordKeys.relationships(ref), queryFn: () => listRelationships(ref) });
}

/** Create, update (role, dates) or delete a relationship; both ends are refreshed. */
export function useRelationshipMutations() {
  const invalidate = useInvalidateRecords();
  const onSuccess = () => invalidate();
  return {
    create: useMutation({ mutationFn: createRelationship, onSuccess }),
    update: useMutation({
      mutationFn: (args: Parameters<typeof updateRelationship>) => updateRelationship(...args),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: deleteRelationship, onSuccess }),
  };
}

export function useNotes(ref: RecordRef) {
  return useInfiniteQuery(cursorQueryOptions(recordKeys.notes(ref), (cursor) => listNotes(ref, cursor)));
}

export function useNoteMutations(ref: RecordRef) {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: recordKeys.notes(ref) }),
      queryClient.invalidateQueries({ queryKey: ['timeline', ref.kind, ref.id] }),
    ]);
  return {
    add: useMutation({
      mutationFn: (input: Parameters<typeof addNote>[1]) => addNote(ref, input),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: deleteNote, onSuccess }),
  };
}

export function useTimeline(ref: RecordRef, filters: TimelineFilters) {
  return useInfiniteQuery(
    cursorQueryOptions(recordKeys.timeline(ref, filters), (cursor) => getTimeline(ref, filters, cursor)),
  );
}

/** Whether the record has any event of these types (to offer a filter only when it is useful). */
export function useHasTimelineEntries(ref: RecordRef, types: string) {
  return useQuery({
    queryKey: [...recordKeys.timeline(ref, { types }), 'exists'],
    queryFn: async () => (await getTimeline(ref, { types }, null, 1)).data.length > 0,
    staleTime: 60_000,
  });
}

export function useContactSearch(q: string) {
  return useQuery({
    queryKey: recordKeys.search(q),
    queryFn: () => searchContacts(q),
    enabled: q.length >= 2,
    placeholderData: (previous) => previous,
  });
}
