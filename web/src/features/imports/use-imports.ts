import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isJobActive } from '../jobs/jobs-api';
import {
  deletePreset,
  getImport,
  listImports,
  listPresets,
  previewImport,
  savePreset,
  startImport,
} from './imports-api';

export const importKeys = {
  all: ['imports'] as const,
  list: () => ['imports', 'list'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  presets: () => ['imports', 'presets'] as const,
};

export function importQueryOptions(id: string) {
  return queryOptions({
    queryKey: importKeys.detail(id),
    queryFn: () => getImport(id),
    // Poll every second while the import may still move.
    refetchInterval: (query) => (query.state.data && !isJobActive(query.state.data.status) ? false : 1000),
    refetchIntervalInBackground: false,
  });
}

export function useImport(id: string | null) {
  return useQuery({ ...importQueryOptions(id ?? ''), enabled: Boolean(id) });
}

export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: listImports,
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => isJobActive(run.status)) ? 2000 : false,
  });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.list() }),
  });
}

export function usePresets() {
  return useQuery({ queryKey: importKeys.presets(), queryFn: listPresets, staleTime: 60_000 });
}

export function useSavePreset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePreset,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.presets() }),
  });
}

export function useDeletePreset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePreset,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.presets() }),
  });
}
