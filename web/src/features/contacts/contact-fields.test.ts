import { describe, expect, it } from 'vitest';
import {
  type DraftRule,
  formatSort,
  isComplete,
  listColumns,
  parseSort,
  toFilterRules,
} from './contact-fields';
import { validateContactListSearch } from './contact-list-search';
import type { CustomField } from './contacts-api';

const t = (key: string) => key;

describe('filter rules', () => {
  it('keeps complete rules only, without a value where none is expected', () => {
    const drafts: DraftRule[] = [
      { key: 'a', field: 'postalCode', op: 'startsWith', value: '75' },
      { key: 'b', field: 'city', op: 'eq', value: '' },
      { key: 'c', field: 'tags', op: 'hasAny', value: [] },
      { key: 'd', field: 'email', op: 'isEmpty', value: 'ignored' },
    ];
    expect(drafts.map(isComplete)).toEqual([true, false, false, true]);
    expect(toFilterRules(drafts)).toEqual([
      { field: 'postalCode', op: 'startsWith', value: '75' },
      { field: 'email', op: 'isEmpty' },
    ]);
  });
});

describe('sorting', () => {
  it('reads and writes the server sort, descending with a leading dash', () => {
    expect(parseSort(undefined)).toEqual({ key: 'lastName', descending: false });
    expect(parseSort('-customFields.abonne')).toEqual({ key: 'customFields.abonne', descending: true });
    expect(formatSort('createdAt', true)).toBe('-createdAt');
  });

  it('does not sort multiple-choice custom fields', () => {
    const field: Omit<CustomField, 'type'> = {
      id: '0',
      entity: 'person',
      key: 'interets',
      label: 'Intérêts',
      options: [],
      required: false,
      sensitive: false,
      position: 0,
      version: 1,
      createdAt: '',
      updatedAt: '',
    };
    const columns = listColumns(t, [
      { ...field, type: 'multi_choice' },
      { ...field, key: 'abonne', type: 'boolean' },
    ]);
    expect(columns.find((c) => c.id === 'customFields.interets')?.sortKey).toBeUndefined();
    expect(columns.find((c) => c.id === 'customFields.abonne')?.sortKey).toBe('customFields.abonne');
    expect(columns.find((c) => c.id === 'email')?.sortKey).toBeUndefined();
  });
});

describe('list address', () => {
  it('keeps valid state and drops what the server would refuse', () => {
    expect(
      validateContactListSearch({
        q: 'dupont',
        sort: 'email',
        filter: { all: [{ field: 'city', op: 'eq', value: 'Lyon' }] },
        columns: ['lastName', 3],
      }),
    ).toEqual({
      q: 'dupont',
      filter: { all: [{ field: 'city', op: 'eq', value: 'Lyon' }] },
      columns: ['lastName'],
    });
    expect(validateContactListSearch({ filter: { all: [{ op: 'nope' }] }, sort: '-postalCode' })).toEqual({
      sort: '-postalCode',
    });
  });
});
