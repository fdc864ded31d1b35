import { describe, expect, it } from 'vitest';
import { canonicalEmail, prepareName, prepareRecord } from './match-record.ts';
import { normaliseStreet } from './street-normalisation.ts';

describe('prepareRecord', () => {
  it('folds names to unaccented lower case, compact form, tokens and a phonetic code', () => {
    const name = prepareName('  Jean-François ');
    expect(name).toMatchObject({ raw: 'Jean-François', text: 'jean francois', compact: 'jeanfrancois' });
    expect(name?.tokens).toEqual(['jean', 'francois']);
    expect(prepareName('JEAN FRANCOIS')?.phonetic).toBe(name?.phonetic);
    expect(prepareName('Dupont')?.phonetic).toBe(prepareName('Dupond')?.phonetic);
    expect(prepareName('  ')).toBeUndefined();
  });

  it('canonicalises emails: Gmail dots, plus tags, googlemail.com', () => {
    expect(canonicalEmail('Jean.Dupont+Opera@GoogleMail.com')).toEqual({
      address: 'jeandupont@gmail.com',
      local: 'jeandupont',
      domain: 'gmail.com',
    });
    expect(canonicalEmail('jean.dupont+theatre@orange.fr')?.address).toBe('jean.dupont@orange.fr');
    expect(canonicalEmail('not an email')).toBeUndefined();
  });

  it('spells out street abbreviations and keeps house numbers apart', () => {
    expect(normaliseStreet('12 bis, Bd St-Michel')).toEqual({
      number: '12 bis',
      street: 'boulevard saint michel',
    });
    expect(normaliseStreet('3 av. du Gal de Gaulle')).toEqual({
      number: '3',
      street: 'avenue general gaulle',
    });
    expect(normaliseStreet('12 r. de la République')).toEqual(normaliseStreet('12 RUE REPUBLIQUE'));
    expect(normaliseStreet('rue du 8 Mai 1945')).toEqual({ number: '', street: 'rue 8 mai 1945' });
    expect(normaliseStreet('4B Impasse des Lilas').number).toBe('4 bis');
  });

  it('prepares every field once, dropping what cannot be used', () => {
    const prepared = prepareRecord({
      id: 'r1',
      firstName: 'Hélène',
      lastName: 'Roux',
      usageName: 'ROUX',
      birthDate: '1971-02-03T10:00:00Z',
      emails: ['h.roux@free.fr', 'H.Roux@free.fr', 'broken'],
      phones: ['06 12 34 56 78', '+33612345678', '12'],
      addresses: [{ line1: '8 Bd Carnot', postalCode: '6000', city: 'Nice' }, {}],
      organisationNames: ['Théâtre du Rond-Point'],
    });
    expect(prepared.usage).toBeUndefined();
    expect(prepared.surnames.map((name) => name.compact)).toEqual(['roux']);
    expect(prepared.birth).toEqual({ iso: '1971-02-03', year: 1971, month: 2, day: 3 });
    expect(prepared.emails).toEqual(['h.roux@free.fr']);
    expect(prepared.phones).toEqual(['+33612345678']);
    expect(prepared.addresses).toEqual([
      { number: '8', street: 'boulevard carnot', postalCode: '06000', city: 'nice' },
    ]);
    expect(prepared.organisations).toEqual(['theatre du rond point']);
  });
});
