import { describe, expect, it } from 'vitest';
import {
  formatPhoneNational,
  lookupFrenchPostalCode,
  nameKeys,
  normaliseCivility,
  normaliseEmail,
  normalisePhone,
  normaliseSiren,
  normaliseSiret,
  splitFullName,
  stripAccents,
} from './contact-normalisation.ts';

describe('normaliseEmail', () => {
  it('trims and lower-cases a valid address', () => {
    expect(normaliseEmail('  Jean.Dupont+Opera@Example.FR \n')).toEqual({
      ok: true,
      value: 'jean.dupont+opera@example.fr',
    });
  });

  it('keeps an internationalised domain in Unicode', () => {
    expect(normaliseEmail('Accueil@Théâtre.fr')).toEqual({ ok: true, value: 'accueil@théâtre.fr' });
  });

  it.each(['', 'jean.dupont', 'jean@localhost', '"jean"@example.fr', 'jean@[192.0.2.1]'])(
    'refuses %j with contacts.invalid_email',
    (raw) => {
      expect(normaliseEmail(raw)).toEqual({ ok: false, code: 'contacts.invalid_email' });
    },
  );
});

describe('normalisePhone', () => {
  it.each([
    '06 12 34 56 78',
    '+33612345678',
    '0033 6 12 34 56 78',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '+33 (0)6 12 34 56 78',
  ])('reads %j as a French mobile', (raw) => {
    expect(normalisePhone(raw)).toEqual({
      ok: true,
      e164: '+33612345678',
      national: '06 12 34 56 78',
      type: 'mobile',
    });
  });

  it('recognises a landline', () => {
    expect(normalisePhone('01 42 60 34 56')).toMatchObject({
      ok: true,
      e164: '+33142603456',
      type: 'fixed_line',
    });
  });

  it('reads an overseas number typed in national form', () => {
    expect(normalisePhone('0692 12 34 56')).toMatchObject({
      ok: true,
      e164: '+262692123456',
      type: 'mobile',
    });
  });

  it('uses the given default region for national numbers', () => {
    expect(normalisePhone('020 7946 0958', 'GB')).toMatchObject({ ok: true, e164: '+442079460958' });
    expect(normalisePhone('+44 20 7946 0958')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it.each(['', 'BusinessPhone', '123456', '06 12 34', '+33 6 12 34 56 78 90'])('refuses %j', (raw) => {
    expect(normalisePhone(raw)).toEqual({ ok: false, code: 'contacts.invalid_phone' });
  });
});

describe('formatPhoneNational', () => {
  it('formats French numbers nationally and others internationally', () => {
    expect(formatPhoneNational('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhoneNational('+262692123456')).toBe('0692 12 34 56');
    expect(formatPhoneNational('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhoneNational('+12125550123')).toBe('+1 212 555 0123');
  });

  it('returns what it cannot parse unchanged', () => {
    expect(formatPhoneNational('n/a')).toBe('n/a');
  });
});

describe('lookupFrenchPostalCode', () => {
  it('finds a postal code served by one commune, with names and accents from the COG', () => {
    const result = lookupFrenchPostalCode('69001');
    expect(result).toEqual({
      ok: true,
      communes: [
        {
          inseeCode: '69123',
          name: 'Lyon',
          departementCode: '69',
          departementName: 'Rhône',
          regionCode: '84',
          regionName: 'Auvergne-Rhône-Alpes',
        },
      ],
      best: expect.objectContaining({ inseeCode: '69123' }),
    });
  });

  it('returns the commune itself, not a municipal arrondissement', () => {
    const result = lookupFrenchPostalCode('75001', 'Paris');
    expect(result.ok && result.communes.map((commune) => commune.inseeCode)).toEqual(['75056']);
    expect(result.ok && result.best?.regionName).toBe('Île-de-France');
  });

  it('picks the commune named by the city when several share the code', () => {
    const result = lookupFrenchPostalCode('01400', 'CHATILLON SUR CHALARONNE');
    expect(result.ok && result.communes.length).toBeGreaterThan(1);
    expect(result.ok && result.best?.name).toBe('Châtillon-sur-Chalaronne');
  });

  it('matches "St" for "Saint" and ignores a CEDEX suffix', () => {
    const result = lookupFrenchPostalCode('44600', 'st nazaire cedex');
    expect(result.ok && result.best?.name).toBe('Saint-Nazaire');
    const multiple = lookupFrenchPostalCode('76800', 'St-Etienne-du-Rouvray');
    expect(multiple.ok && multiple.best?.inseeCode).toBe('76575');
  });

  it('returns every commune and no best when the city matches none', () => {
    const result = lookupFrenchPostalCode('01400', 'Lyon');
    expect(result.ok && result.communes.length).toBeGreaterThan(1);
    expect(result.ok && 'best' in result).toBe(false);
  });

  it('restores the leading zero a spreadsheet dropped', () => {
    expect(lookupFrenchPostalCode('1400', 'Romans')).toMatchObject({
      ok: true,
      best: { inseeCode: '01328' },
    });
  });

  it('covers overseas communes', () => {
    expect(lookupFrenchPostalCode('97400')).toMatchObject({
      ok: true,
      best: { name: 'Saint-Denis', departementName: 'La Réunion' },
    });
  });

  it.each(['99999', '750', '750011', 'ABCDE', ''])('refuses %j', (code) => {
    expect(lookupFrenchPostalCode(code)).toEqual({ ok: false, code: 'contacts.unknown_postal_code' });
  });
});

describe('normaliseSiren and normaliseSiret', () => {
  it('accepts a SIREN with its Luhn key, spaces removed', () => {
    expect(normaliseSiren('443 061 841')).toEqual({ ok: true, value: '443061841' });
    expect(normaliseSiren('443\u00a0061\u202f841')).toEqual({ ok: true, value: '443061841' });
  });

  it.each(['443061842', '44306184', '4430618411', '443-061-841', 'ABCDEFGHI'])('refuses SIREN %j', (raw) => {
    expect(normaliseSiren(raw)).toEqual({ ok: false, code: 'organisations.invalid_siren' });
  });

  it('accepts a SIRET with its Luhn key', () => {
    expect(normaliseSiret('443 061 841 00047')).toEqual({ ok: true, value: '44306184100047' });
  });

  it.each(['44306184100048', '4430618410004', '443061841000470'])('refuses SIRET %j', (raw) => {
    expect(normaliseSiret(raw)).toEqual({ ok: false, code: 'organisations.invalid_siret' });
  });

  it('applies the digit-sum rule to La Poste establishments', () => {
    // Digit sum 45: valid for La Poste, although the Luhn key would refuse it.
    expect(normaliseSiret('356 000 000 49837')).toEqual({ ok: true, value: '35600000049837' });
    expect(normaliseSiret('35600000049838')).toEqual({ ok: false, code: 'organisations.invalid_siret' });
    expect(normaliseSiren('356000000')).toEqual({ ok: true, value: '356000000' });
  });
});

describe('stripAccents', () => {
  it('removes diacritics and spells out ligatures, keeping case', () => {
    expect(stripAccents('Hélène Çelik-Kœnig, Ægir, Groß, Øre')).toBe(
      'Helene Celik-Koenig, AEgir, Gross, Ore',
    );
  });
});

describe('nameKeys', () => {
  it('folds case, accents and punctuation', () => {
    expect(nameKeys('Jean-Pierre', "D'Alembert-Lefèvre")).toMatchObject({
      first: 'jean pierre',
      last: 'd alembert lefevre',
    });
  });

  it.each([
    ['Dupont', 'Dupond'],
    ['Dupont', 'DUPON'],
    ['Philippe', 'Filipe'],
    ['Gauthier', 'Gautier'],
    ['Mathieu', 'Matthieu'],
    ['Chloé', 'Cloe'],
    ['Françoise', 'Francoise'],
    ['Rousseau', 'Roussot'],
    ['Thibaut', 'Tibo'],
  ])('gives %s and %s the same phonetic key', (a, b) => {
    expect(nameKeys(a, a).firstPhonetic).toBe(nameKeys(b, b).firstPhonetic);
    expect(nameKeys(a, a).lastPhonetic).toBe(nameKeys(b, b).lastPhonetic);
  });

  it('keeps different names apart', () => {
    expect(nameKeys('Martin', 'Durand').lastPhonetic).not.toBe(nameKeys('Martin', 'Dupont').lastPhonetic);
  });

  it('never returns an empty key for a non-empty name', () => {
    expect(nameKeys('Ñ', 'O').firstPhonetic).toBe('N');
    expect(nameKeys('Ñ', 'O').lastPhonetic).not.toBe('');
    expect(nameKeys(undefined, '')).toEqual({ first: '', last: '', firstPhonetic: '', lastPhonetic: '' });
  });
});

describe('normaliseCivility', () => {
  it.each([
    ['M.', 'M.'],
    ['m', 'M.'],
    ['Monsieur', 'M.'],
    ['MR.', 'M.'],
    ['Mme', 'Mme'],
    ['Madame', 'Mme'],
    ['Mrs', 'Mme'],
    ['Ms.', 'Mme'],
    ['Mlle', 'Mme'],
    ['Mademoiselle', 'Mme'],
    ['Dr', undefined],
    ['M. et Mme', undefined],
    ['', undefined],
  ])('maps %j to %j', (raw, expected) => {
    expect(normaliseCivility(raw)).toBe(expected);
  });
});

describe('splitFullName', () => {
  it.each([
    ['Jean Dupont', { firstName: 'Jean', lastName: 'Dupont' }],
    ['Jean-Pierre de La Fontaine', { firstName: 'Jean-Pierre', lastName: 'de La Fontaine' }],
    ['Mme Hélène Lefèvre', { civility: 'Mme', firstName: 'Hélène', lastName: 'Lefèvre' }],
    ['DUPONT Jean', { firstName: 'Jean', lastName: 'DUPONT' }],
    ['LE GUEN Anne-Marie', { firstName: 'Anne-Marie', lastName: 'LE GUEN' }],
    ['Dupont, Jean', { firstName: 'Jean', lastName: 'Dupont' }],
    ['Molière', { lastName: 'Molière' }],
    ['M.', { lastName: 'M.' }],
    ['  ', {}],
  ])('splits %j', (full, expected) => {
    expect(splitFullName(full)).toEqual(expected);
  });
});
