import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateCustomFieldInput,
  type CustomFieldEntity,
  createCustomField,
  deleteCustomField,
  listCustomFields,
  type UpdateCustomFieldInput,
  updateCustomField,
} from './custom-fields-api';

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  list: (entity: CustomFieldEntity) => ['custom-fields', entity] as const,
};

export function customFieldsQueryOptions(entity: CustomFieldEntity) {
  return queryOptions({
    queryKey: customFieldKeys.list(entity),
    queryFn: () => listCustomFields(entity),
    staleTime: 60_000,
  });
}

/** Definitions of one entity's custom fields, in display order. */
export function useCustomFields(entity: CustomFieldEntity) {
  return useQuery(customFieldsQueryOptions(entity));
}

export function useCreateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCustomFieldInput) => createCustomField(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}

export function useUpdateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; patch: UpdateCustomFieldInput }) =>
      updateCustomField(args.id, args.version, args.patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}

export function useDeleteCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCustomField(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}
