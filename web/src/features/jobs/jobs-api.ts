import type { Job } from '@parterre/contract/jobs';
import { apiRequest, type Page } from '../../app/api-client';

export type { Job };
export type JobStatus = Job['status'];

export function isJobActive(status: JobStatus): boolean {
  return status === 'queued' || status === 'running';
}

export function listJobs(params: { cursor?: string | null; limit?: number }): Promise<Page<Job>> {
  return apiRequest('GET', '/jobs', { query: params });
}

export function getJob(id: string): Promise<Job> {
  return apiRequest('GET', `/jobs/${encodeURIComponent(id)}`);
}

export async function cancelJob(id: string): Promise<void> {
  await apiRequest('POST', `/jobs/${encodeURIComponent(id)}/cancel`);
}
