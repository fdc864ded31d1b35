import { describe, expect, it } from 'vitest';
import { blockingKeys } from './blocking.ts';
import { type MatchRecord, prepareRecord } from './match-record.ts';
import { applyNameFrequencies, countNameFrequencies } from './name-frequencies.ts';

const original: MatchRecord = {
  id: 'original',
  firstName: 'Hélène',
  lastName: 'Lefèvre',
  birthDate: '1971-04-23',
  emails: ['helene.lefevre@gmail.com'],
  phones: ['+33612345678'],
  addresses: [{ line1: '8 boulevard Saint-Michel', postalCode: '75005', city: 'Paris' }],
};
const noContact = { emails: [], phones: [] };

function shared(a: MatchRecord, b: MatchRecord): string[] {
  const keys = new Set(blockingKeys(prepareRecord(a)));
  return blockingKeys(prepareRecord(b)).filter((key) => keys.has(key));
}

describe('blockingKeys', () => {
  it.each<[string, Partial<MatchRecord>]>([
    ['a typo in the surname', { lastName: 'Lefèbvre' }],
    ['a typo in the first letter of the first name', { firstName: 'Mélène' }],
    ['accents dropped and capitals', { firstName: 'HELENE', lastName: 'LEFEVRE' }],
    ['first and last names swapped', { firstName: 'Lefèvre', lastName: 'Hélène' }],
    ['a married name', { lastName: 'Lefèvre', usageName: 'Garnier' }],
    [
      'a move, with the birth date',
      { addresses: [{ line1: '3 rue Carnot', postalCode: '33000', city: 'Bordeaux' }] },
    ],
    [
      'no birth date, typos in both names',
      { firstName: 'Hélèen', lastName: 'Lefèvrr', birthDate: undefined },
    ],
    [
      'the email only, gmail dots',
      { firstName: undefined, lastName: undefined, emails: ['helenelefevre@gmail.com'] },
    ],
  ])(
    'gives a duplicate with %s a key in common (contact fields only where the case is about them)',
    (_label, change) => {
      const duplicate = { ...original, ...noContact, id: 'duplicate', ...change };
      if ('emails' in change) expect(shared(original, duplicate)).toContain('e:helenelefevre@gmail.com');
      else expect(shared({ ...original, ...noContact }, duplicate).length).toBeGreaterThan(0);
    },
  );

  it('gives unrelated people no key in common', () => {
    const other: MatchRecord = {
      id: 'other',
      firstName: 'Marc',
      lastName: 'Durand',
      birthDate: '1985-10-02',
      emails: ['marc.durand@orange.fr'],
      phones: ['+33798765432'],
      addresses: [{ line1: '40 avenue Jean Jaurès', postalCode: '69007', city: 'Lyon' }],
    };
    expect(shared(original, other)).toEqual([]);
  });

  it('makes a few short keys per record', () => {
    const keys = blockingKeys(prepareRecord(original));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThan(15);
    expect(keys).toContain('e:helenelefevre@gmail.com');
    expect(keys).toContain('p:+33612345678');
    expect(keys).toContain('b:1971-04-23|helene');
    expect(keys).toContain('b:1971-04-23|lefevre');
  });

  it('adds typo keys for rare surnames only, once name counts are known', () => {
    const records = [
      { id: 'a', firstName: 'Hélène', lastName: 'Kerjean', emails: [], phones: [], addresses: [] },
      { id: 'b', firstName: 'Hélène', lastName: 'Kerjaen', emails: [], phones: [], addresses: [] },
      ...Array.from({ length: 20 }, (_, i) => ({
        id: `m${i}`,
        firstName: 'Hélène',
        lastName: 'Martin',
        emails: [],
        phones: [],
        addresses: [],
      })),
    ].map((record) => prepareRecord(record));
    expect(blockingKeys(records[0]).some((key) => key.startsWith('t:'))).toBe(false);
    const frequencies = countNameFrequencies(records);
    for (const record of records) applyNameFrequencies(record, frequencies);
    const typoKeys = (index: number) => blockingKeys(records[index]).filter((key) => key.startsWith('t:'));
    const common = typoKeys(0).filter((key) => typoKeys(1).includes(key));
    expect(common.length).toBeGreaterThan(0);
    expect(common.every((key) => key.endsWith('|kerjan') || key.endsWith('|kerjen'))).toBe(true);
    expect(typoKeys(2)).toEqual([]);
  });
});
