import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../../app/auth';
import { changePassword, disableTotp, enableTotp, startTotpSetup } from './account-api';

function useRefetchSession() {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      changePassword(input.currentPassword, input.newPassword),
  });
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: startTotpSetup });
}

export function useEnableTotp() {
  const refetchSession = useRefetchSession();
  return useMutation({ mutationFn: (code: string) => enableTotp(code), onSuccess: () => refetchSession() });
}

export function useDisableTotp() {
  const refetchSession = useRefetchSession();
  return useMutation({
    mutationFn: (password: string) => disableTotp(password),
    onSuccess: () => refetchSession(),
  });
}
