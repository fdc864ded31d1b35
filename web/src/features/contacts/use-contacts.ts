import type { CreateSavedViewInput, UpdateSavedViewInput } from '@parterre/contract/contact-lists';
import {
  type InfiniteData,
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import {
  type BulkActionInput,
  createSavedView,
  deleteSavedView,
  type ExportInput,
  listOrganisations,
  listPeople,
  listPersonCustomFields,
  listSavedViews,
  type OrganisationType,
  type PersonListPage,
  type PersonListParams,
  requestExport,
  runBulkAction,
  type SavedView,
  updateSavedView,
} from './contacts-api';
import { resolveSelection, type Selection } from './selection';

export const contactKeys = {
  all: ['contacts'] as const,
  people: ['contacts', 'people'] as const,
  list: (params: PersonListParams) => ['contacts', 'people', params] as const,
  customFields: ['contacts', 'custom-fields', 'person'] as const,
  savedViews: ['contacts', 'saved-views', 'person'] as const,
  organisations: (q: string, type: OrganisationType | undefined) =>
    ['contacts', 'organisations', q, type ?? null] as const,
};

/** People matching the list's search, filter and sort; the first page carries the total. */
export function usePeople(params: PersonListParams) {
  return useInfiniteQuery<
    PersonListPage,
    Error,
    InfiniteData<PersonListPage, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: contactKeys.list(params),
    queryFn: ({ pageParam }) =>
      listPeople({ ...params, cursor: pageParam, limit: defaultPageSize, withTotal: pageParam === null }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function usePersonCustomFields() {
  return useQuery({ queryKey: contactKeys.customFields, queryFn: listPersonCustomFields, staleTime: 60_000 });
}

export function useSavedViews() {
  return useQuery({ queryKey: contactKeys.savedViews, queryFn: listSavedViews });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSavedViewInput) => createSavedView(input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactKeys.savedViews }),
  });
}

export function useUpdateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { view: SavedView; patch: UpdateSavedViewInput }) =>
      updateSavedView(args.view, args.patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactKeys.savedViews }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSavedView(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactKeys.savedViews }),
  });
}

/** What a bulk action adds to the selection. */
export type BulkFields = Pick<BulkActionInput, 'action' | 'tag' | 'departmentId' | 'confirm'>;

/** Runs a bulk action on a selection; the list is refreshed when it was done at once (else by the job). */
export function useBulkAction(selection: Selection, params: PersonListParams) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fields: BulkFields) =>
      runBulkAction({ ...fields, ...(await resolveSelection(selection, params)) }),
    onSuccess: (result) => {
      if (!result.jobId) void queryClient.invalidateQueries({ queryKey: contactKeys.people });
    },
  });
}

export function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: contactKeys.people });
}

export type ExportFields = Pick<ExportInput, 'format' | 'delimiter' | 'columns'>;

/** Starts an export job of a selection. */
export function useExportPeople(selection: Selection, params: PersonListParams) {
  return useMutation({
    mutationFn: async (fields: ExportFields) =>
      requestExport({ ...fields, ...(await resolveSelection(selection, params)) }),
  });
}

export function useOrganisations(q: string, type: OrganisationType | undefined) {
  return useInfiniteQuery({
    ...cursorQueryOptions(contactKeys.organisations(q, type), (cursor) =>
      listOrganisations({ q: q || undefined, type, cursor, limit: defaultPageSize }),
    ),
    placeholderData: (previous) => previous,
  });
}
