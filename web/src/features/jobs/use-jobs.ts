import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import { cancelJob, getJob, isJobActive, listJobs } from './jobs-api';

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => ['jobs', 'list'] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
};

export function jobQueryOptions(id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: () => getJob(id),
    // Poll every second while the job may still move.
    refetchInterval: (query) => (query.state.data && !isJobActive(query.state.data.status) ? false : 1000),
    refetchIntervalInBackground: false,
  });
}

export function useJobs() {
  return useInfiniteQuery({
    ...cursorQueryOptions(jobKeys.list(), (cursor) => listJobs({ cursor, limit: defaultPageSize })),
    refetchInterval: 5000,
  });
}

export function useJob(id: string) {
  return useQuery(jobQueryOptions(id));
}

export function useCancelJob(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelJob(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
