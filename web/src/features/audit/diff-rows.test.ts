import { describe, expect, it } from 'vitest';
import { diffRows } from './diff-rows';

describe('diffRows', () => {
  it('lists every field of both sides and flags the changed ones', () => {
    expect(diffRows({ name: 'A', status: 'active' }, { name: 'B', status: 'active', locale: 'fr' })).toEqual([
      { key: 'locale', before: undefined, after: 'fr', changed: true },
      { key: 'name', before: 'A', after: 'B', changed: true },
      { key: 'status', before: 'active', after: 'active', changed: false },
    ]);
  });

  it('handles a creation (no before)', () => {
    expect(diffRows(null, { name: 'A' })).toEqual([
      { key: 'name', before: undefined, after: 'A', changed: true },
    ]);
  });

  it('shows non-object values as one row', () => {
    expect(diffRows(['a'], ['b'], 'valeur')).toEqual([
      { key: 'valeur', before: ['a'], after: ['b'], changed: true },
    ]);
  });
});
