import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import { type CreateTokenInput, createToken, listTokens, revokeToken } from './tokens-api';

export const tokenKeys = {
  all: ['tokens'] as const,
  list: (userId: string | undefined) => ['tokens', 'list', userId ?? 'all'] as const,
};

/** Tokens of one user, or every token visible to the caller when userId is omitted. */
export function useTokens(userId?: string) {
  return useInfiniteQuery(
    cursorQueryOptions(tokenKeys.list(userId), (cursor) =>
      listTokens({ userId, cursor, limit: defaultPageSize }),
    ),
  );
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => createToken(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
