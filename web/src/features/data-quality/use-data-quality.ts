import { useQuery } from '@tanstack/react-query';
import { getDataQualityReport } from './data-quality-api';

export const dataQualityKeys = { report: ['data-quality'] as const };

/** The report is computed on each request: it is kept a minute, and refreshed on demand. */
export function useDataQualityReport() {
  return useQuery({ queryKey: dataQualityKeys.report, queryFn: getDataQualityReport, staleTime: 60_000 });
}
