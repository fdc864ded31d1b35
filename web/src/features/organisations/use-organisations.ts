import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateOrganisationInput,
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  type UpdateOrganisationInput,
  updateOrganisation,
} from './organisations-api';

export const organisationKeys = {
  detail: (id: string) => ['organisations', 'detail', id] as const,
};

/** Lists, links and histories that may show the organisation. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['organisations', 'relationships', 'timeline', 'people', 'search', 'trash'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function organisationQueryOptions(id: string) {
  return queryOptions({ queryKey: organisationKeys.detail(id), queryFn: () => getOrganisation(id) });
}

export function useOrganisation(id: string) {
  return useQuery(organisationQueryOptions(id));
}

export function useCreateOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateOrganisationInput) => createOrganisation(input),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (args: { version: number; patch: UpdateOrganisationInput }) =>
      updateOrganisation(id, args.version, args.patch),
    onSuccess: (organisation) => {
      queryClient.setQueryData(organisationKeys.detail(id), organisation);
      return invalidate();
    },
  });
}

export function useDeleteOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (args: { id: string; permanent?: boolean }) => deleteOrganisation(args.id, args.permanent),
    onSuccess: () => invalidate(),
  });
}
