import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreatePurposeInput,
  createPurpose,
  getContactConsents,
  getPurpose,
  listPurposes,
  type RecordConsentInput,
  recordConsent,
  type UpdatePurposeInput,
  updatePurpose,
} from './consent-api';

export const consentKeys = {
  purposes: ['purposes'] as const,
  purposeList: (includeArchived: boolean) => ['purposes', 'list', includeArchived] as const,
  purpose: (id: string) => ['purposes', 'detail', id] as const,
  person: (personId: string) => ['consents', personId] as const,
};

export function purposeQueryOptions(id: string) {
  return queryOptions({
    queryKey: consentKeys.purpose(id),
    queryFn: () => getPurpose(id),
    staleTime: 60_000,
  });
}

export function usePurposes(includeArchived: boolean, enabled = true) {
  return useQuery({
    queryKey: consentKeys.purposeList(includeArchived),
    queryFn: () => listPurposes(includeArchived),
    staleTime: 60_000,
    enabled,
  });
}

export function usePurpose(id: string | null) {
  return useQuery({ ...purposeQueryOptions(id ?? ''), enabled: Boolean(id) });
}

/** The details (wording versions) of several purposes, e.g. those named in a history. */
export function usePurposeDetails(ids: string[]) {
  return useQueries({ queries: ids.map((id) => purposeQueryOptions(id)) });
}

export function useCreatePurpose() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePurposeInput) => createPurpose(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentKeys.purposes }),
  });
}

export function useUpdatePurpose() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; patch: UpdatePurposeInput }) =>
      updatePurpose(args.id, args.version, args.patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consentKeys.purposes }),
  });
}

export function useContactConsents(personId: string, enabled = true) {
  return useQuery({
    queryKey: consentKeys.person(personId),
    queryFn: () => getContactConsents(personId),
    enabled,
  });
}

export function useRecordConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordConsentInput) => recordConsent(personId, input),
    // The timeline shows the new event too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: consentKeys.person(personId) }),
        queryClient.invalidateQueries({ queryKey: ['timeline', 'person', personId] }),
      ]),
  });
}
