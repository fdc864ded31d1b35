/** The duplicates queue keeps its minimum score (a whole percentage) in the address. */
export interface DuplicateListSearch {
  minScore?: number;
}

export function validateDuplicateListSearch(search: Record<string, unknown>): DuplicateListSearch {
  const value = typeof search.minScore === 'string' ? Number(search.minScore) : search.minScore;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100
    ? { minScore: value }
    : {};
}
