import { uuidSchema } from '@parterre/contract/common';

/** The duplicates queue keeps its minimum score (a whole percentage) and the scan it follows in the address. */
export interface DuplicateListSearch {
  minScore?: number;
  /** Job id of the full-base scan whose progress is shown. */
  scan?: string;
}

export function validateDuplicateListSearch(search: Record<string, unknown>): DuplicateListSearch {
  const result: DuplicateListSearch = {};
  const value = typeof search.minScore === 'string' ? Number(search.minScore) : search.minScore;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100)
    result.minScore = value;
  if (typeof search.scan === 'string' && uuidSchema.safeParse(search.scan).success) result.scan = search.scan;
  return result;
}
