import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import { currentLanguage } from '../../app/i18n';
import {
  createRole,
  deleteRole,
  listAllRoles,
  listPermissions,
  listRoles,
  type Permission,
  type RoleInput,
  type UpdateRoleInput,
  updateRole,
} from './roles-api';

export const roleKeys = {
  all: ['roles'] as const,
  list: () => ['roles', 'list'] as const,
  everything: () => ['roles', 'all'] as const,
  permissions: ['permissions'] as const,
};

export const allRolesQueryOptions = queryOptions({
  queryKey: roleKeys.everything(),
  queryFn: listAllRoles,
  staleTime: 60_000,
});

export function useRoles() {
  return useInfiniteQuery(
    cursorQueryOptions(roleKeys.list(), (cursor) => listRoles({ cursor, limit: defaultPageSize })),
  );
}

export function useAllRoles() {
  return useQuery(allRolesQueryOptions);
}

export function usePermissionCatalogue() {
  return useQuery({ queryKey: roleKeys.permissions, queryFn: listPermissions, staleTime: 5 * 60_000 });
}

export function permissionLabel(permission: Permission): string {
  return currentLanguage() === 'en' ? permission.labelEn : permission.labelFr;
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RoleInput) => createRole(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.all }),
  });
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; patch: UpdateRoleInput }) =>
      updateRole(args.id, args.version, args.patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: roleKeys.all }),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteRole(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.all }),
  });
}
