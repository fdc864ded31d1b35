import type { DataQualityReport } from '@parterre/contract/data-quality';
import { apiRequest } from '../../app/api-client';

export type { DataQualityCount, DataQualityReport } from '@parterre/contract/data-quality';

/** Counts per source, each with the people-list filter that reproduces it. */
export function getDataQualityReport(): Promise<DataQualityReport> {
  return apiRequest('GET', '/data-quality');
}
