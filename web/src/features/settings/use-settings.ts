import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../../app/auth';
import { getSecuritySettings, type SecuritySettingsInput, updateSecuritySettings } from './settings-api';

const securityKey = ['settings', 'security'] as const;

export function useSecuritySettings() {
  return useQuery({ queryKey: securityKey, queryFn: getSecuritySettings });
}

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { version: number; patch: SecuritySettingsInput }) =>
      updateSecuritySettings(args.version, args.patch),
    onSuccess: (settings) => {
      queryClient.setQueryData(securityKey, settings);
      // The policy may now require the current user to enrol a second factor.
      void queryClient.invalidateQueries({ queryKey: sessionQueryOptions.queryKey });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: securityKey }),
  });
}
