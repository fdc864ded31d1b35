import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQueryOptions, setupStatusQueryOptions } from '../../app/auth';
import {
  confirmPasswordReset,
  type LoginInput,
  login,
  requestPasswordReset,
  runSetup,
  type SetupInput,
} from './auth-api';

/** Signs in, then reloads the session (and its CSRF token). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: () => queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 }),
  });
}

/** Creates the first administrator; the server signs them in. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => runSetup(input),
    onSuccess: async () => {
      queryClient.setQueryData(setupStatusQueryOptions.queryKey, { needsSetup: false });
      await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => requestPasswordReset(email) });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      confirmPasswordReset(input.token, input.password),
  });
}
