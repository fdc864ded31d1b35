import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import {
  type CreateUserInput,
  createUser,
  getUser,
  listUsers,
  type UpdateUserInput,
  updateUser,
} from './users-api';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function userQueryOptions(id: string) {
  return queryOptions({ queryKey: userKeys.detail(id), queryFn: () => getUser(id) });
}

export function useUsers(q: string) {
  return useInfiniteQuery({
    ...cursorQueryOptions(userKeys.list(q), (cursor) => listUsers({ q, cursor, limit: defaultPageSize })),
    placeholderData: (previous) => previous,
  });
}

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => createUser(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { version: number; patch: UpdateUserInput }) =>
      updateUser(id, args.version, args.patch),
    onSuccess: (user) => queryClient.setQueryData(userKeys.detail(id), user),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
