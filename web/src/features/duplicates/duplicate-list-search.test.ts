import { describe, expect, it } from 'vitest';
import { validateDuplicateListSearch } from './duplicate-list-search';

describe('validateDuplicateListSearch', () => {
  it('keeps a whole percentage and a job id, from the address or from navigation', () => {
    const scan = '01a23d51-9acc-768a-a5b6-ddf5103e9770';
    expect(validateDuplicateListSearch({ minScore: '80', scan })).toEqual({ minScore: 80, scan });
    expect(validateDuplicateListSearch({ minScore: 0 })).toEqual({ minScore: 0 });
  });

  it('drops what the queue cannot use', () => {
    expect(validateDuplicateListSearch({ minScore: '120', scan: 'abc' })).toEqual({});
    expect(validateDuplicateListSearch({ minScore: '7.5', scan: 12 })).toEqual({});
  });
});
