import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import {
  createDepartment,
  type DepartmentInput,
  deleteDepartment,
  listAllDepartments,
  listDepartments,
  type UpdateDepartmentInput,
  updateDepartment,
} from './departments-api';

export const departmentKeys = {
  all: ['departments'] as const,
  list: () => ['departments', 'list'] as const,
  everything: () => ['departments', 'all'] as const,
};

export const allDepartmentsQueryOptions = queryOptions({
  queryKey: departmentKeys.everything(),
  queryFn: listAllDepartments,
  staleTime: 60_000,
});

export function useDepartments() {
  return useInfiniteQuery(
    cursorQueryOptions(departmentKeys.list(), (cursor) =>
      listDepartments({ cursor, limit: defaultPageSize }),
    ),
  );
}

/** Every department, for pickers and for showing names next to ids. */
export function useAllDepartments() {
  return useQuery(allDepartmentsQueryOptions);
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DepartmentInput) => createDepartment(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; patch: UpdateDepartmentInput }) =>
      updateDepartment(args.id, args.version, args.patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteDepartment(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}
