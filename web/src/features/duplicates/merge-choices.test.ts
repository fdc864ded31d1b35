import type { Person } from '@parterre/contract/contacts';
import { describe, expect, it } from 'vitest';
import { defaultChoices, defaultSurvivor, differingFields, mergeFields } from './merge-choices';

function person(overrides: Partial<Person>): Person {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    civility: null,
    firstName: null,
    lastName: null,
    usageName: null,
    birthDate: null,
    language: null,
    preferredChannel: null,
    source: null,
    departmentId: null,
    emails: [],
    phones: [],
    addresses: [],
    tags: [],
    customFields: {},
    externalIds: {},
    organisations: [],
    createdAt: '2026-01-01T10:00:00.000Z',
    createdBy: null,
    updatedAt: '2026-01-01T10:00:00.000Z',
    updatedBy: null,
    version: 1,
    deletedAt: null,
    masked: [],
    ...overrides,
  };
}

describe('differingFields', () => {
  it('lists identity and custom fields that differ, ignoring empty-versus-empty and masked fields', () => {
    const a = person({
      firstName: 'Jean',
      lastName: 'Dupont',
      usageName: '',
      birthDate: null,
      customFields: { abonne: true, taille: 'M' },
      masked: ['birthDate'],
    });
    const b = person({
      firstName: 'Jean',
      lastName: 'Dupond',
      usageName: null,
      birthDate: null,
      source: 'billetterie',
      customFields: { taille: 'L' },
    });
    expect(differingFields(a, b)).toEqual([
      { path: 'lastName', a: 'Dupont', b: 'Dupond' },
      { path: 'source', a: null, b: 'billetterie' },
      { path: 'customFields.abonne', a: true, b: undefined },
      { path: 'customFields.taille', a: 'M', b: 'L' },
    ]);
  });
});

describe('defaults', () => {
  it('keeps a filled value over an empty one, and the more recent record’s value otherwise', () => {
    const a = person({ lastName: 'Dupont', civility: 'M.', updatedAt: '2026-03-01T00:00:00.000Z' });
    const b = person({ lastName: 'Dupond', source: 'web', updatedAt: '2026-02-01T00:00:00.000Z' });
    const differences = differingFields(a, b);
    expect(defaultChoices(differences, a, b)).toEqual({ civility: 'a', lastName: 'a', source: 'b' });
    const newerB = { ...b, updatedAt: '2026-04-01T00:00:00.000Z' };
    expect(defaultChoices(differences, a, newerB)).toEqual({ civility: 'a', lastName: 'b', source: 'b' });
  });

  it('makes the more complete record the survivor, the more recent one on a tie', () => {
    const email = { id: '0190a000-0000-7000-8000-0000000000e1', address: 'j@d.fr', type: 'home' as const };
    const a = person({ lastName: 'Dupont', updatedAt: '2026-03-01T00:00:00.000Z' });
    const b = person({
      lastName: 'Dupond',
      emails: [{ ...email, primary: true, validity: 'valid' }],
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(defaultSurvivor(a, b)).toBe('b');
    expect(defaultSurvivor(a, { ...b, emails: [] })).toBe('a');
  });
});

describe('mergeFields', () => {
  it('says, for each chosen field, whether the survivor’s or the merged record’s value stays', () => {
    const choices = { lastName: 'b', civility: 'a', 'customFields.taille': 'b' } as const;
    expect(mergeFields(choices, 'a')).toEqual({
      lastName: 'merged',
      civility: 'survivor',
      'customFields.taille': 'merged',
    });
    expect(mergeFields(choices, 'b')).toEqual({
      lastName: 'survivor',
      civility: 'merged',
      'customFields.taille': 'survivor',
    });
  });
});
