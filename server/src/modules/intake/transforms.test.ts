import { describe, expect, it } from 'vitest';
import { parseDate, parseTime, toIsoDate, toParisIso } from './date-parse.ts';
import {
  parseDecimal,
  splitFullName,
  transformAge,
  transformCents,
  transformChannel,
  transformCivility,
  transformDate,
  transformDecimal,
  transformStatus,
  transformText,
  transformTime,
} from './transforms.ts';

const paris = (value: string, format?: string) => {
  const parts = parseDate(value, format);
  return parts && toParisIso(parts);
};

describe('date transform', () => {
  it('reads French, US and ISO patterns into Paris time with the offset of the season', () => {
    expect(paris('12/03/2025 20:30')).toBe('2025-03-12T20:30:00+01:00');
    expect(paris('05/04/2025', 'dd/MM/yyyy')).toBe('2025-04-05T00:00:00+02:00');
    expect(paris('11/29/24 22:28', 'MM/dd/yy HH:mm')).toBe('2024-11-29T22:28:00+01:00');
    expect(paris('2025-07-14', 'yyyy-MM-dd')).toBe('2025-07-14T00:00:00+02:00');
    expect(paris('2025-07-14T21:00:00')).toBe('2025-07-14T21:00:00+02:00');
    expect(paris('14.07.2025 21h00', "dd.MM.yyyy HH'h'mm")).toBe('2025-07-14T21:00:00+02:00');
    expect(paris('3/7/2025 8:05 pm', 'M/d/yyyy h:mm a')).toBe('2025-03-07T20:05:00+01:00');
  });

  it('keeps the instant of values that carry an offset, shown in Paris time', () => {
    expect(paris('2020-11-14T11:13:08.2972161+00:00', 'ISO')).toBe('2020-11-14T12:13:08.297+01:00');
    expect(paris('2025-06-01T10:00:00Z')).toBe('2025-06-01T12:00:00+02:00');
  });

  it('accepts a time after a date-only pattern and other date separators', () => {
    expect(paris('12/03/2025 20:30:15', 'dd/MM/yyyy')).toBe('2025-03-12T20:30:15+01:00');
    expect(paris('12-03-2025', 'dd/MM/yyyy')).toBe('2025-03-12T00:00:00+01:00');
  });

  it('handles the daylight-saving changes of Europe/Paris', () => {
    expect(paris('30/03/2025 01:30')).toBe('2025-03-30T01:30:00+01:00');
    expect(paris('30/03/2025 03:30')).toBe('2025-03-30T03:30:00+02:00');
    // 02:30 does not exist that night: the clock jumped from 02:00 to 03:00.
    expect(paris('30/03/2025 02:30')).toBe('2025-03-30T03:30:00+02:00');
    expect(paris('26/10/2025 01:30')).toBe('2025-10-26T01:30:00+02:00');
    expect(paris('26/10/2025 03:30')).toBe('2025-10-26T03:30:00+01:00');
  });

  it('gives birth dates as plain calendar dates', () => {
    expect(toIsoDate(parseDate('1971-01-28T00:00:00+01:00', 'ISO')!)).toBe('1971-01-28');
    expect(toIsoDate(parseDate('28/01/71', 'dd/MM/yy')!)).toBe('1971-01-28');
  });

  it('rejects impossible or malformed dates with a French reason giving the expected pattern', () => {
    expect(transformDate('31/02/2024', 'dd/MM/yyyy')).toEqual({
      ok: false,
      message: 'Date illisible « 31/02/2024 » (format attendu jj/mm/aaaa)',
    });
    expect(transformDate('29/02/2023').ok).toBe(false);
    expect(transformDate('29/02/2024').ok).toBe(true);
    expect(transformDate('2024-13-01', 'ISO')).toEqual({
      ok: false,
      message: 'Date illisible « 2024-13-01 » (format attendu aaaa-mm-jj)',
    });
    expect(transformDate('12/03/2025 25:00').ok).toBe(false);
    expect(transformDate('demain').ok).toBe(false);
    expect(transformDate('11/29/24 22:28', 'dd/MM/yy HH:mm').ok).toBe(false);
  });
});

describe('time transform', () => {
  it('reads the usual ways of writing a time', () => {
    expect(parseTime('20:30')).toEqual({ hour: 20, minute: 30, second: 0 });
    expect(parseTime('20h30')).toEqual({ hour: 20, minute: 30, second: 0 });
    expect(parseTime('20h')).toEqual({ hour: 20, minute: 0, second: 0 });
    expect(parseTime('20:30:15')).toEqual({ hour: 20, minute: 30, second: 15 });
    expect(parseTime('8:30 PM')).toEqual({ hour: 20, minute: 30, second: 0 });
    expect(parseTime('12:00 am')).toEqual({ hour: 0, minute: 0, second: 0 });
    expect(parseTime('1899-12-30T20:30:00')).toEqual({ hour: 20, minute: 30, second: 0 });
  });

  it('rejects what is not a time', () => {
    expect(transformTime('25:00')).toEqual({
      ok: false,
      message: 'Heure illisible « 25:00 » (format attendu hh:mm)',
    });
    expect(transformTime('20').ok).toBe(false);
    expect(transformTime('soir').ok).toBe(false);
  });
});

describe('decimal transform', () => {
  it.each([
    ['12,50', 12.5],
    ['12.50', 12.5],
    ['1 234,56 €', 1234.56],
    ['1\u202f234,56\u00a0€', 1234.56],
    ['€1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1,234,567', 1234567],
    ['$1.00', 1],
    ['-12,50', -12.5],
    ['−12,50 €', -12.5],
    ['12,50-', -12.5],
    ['(12.50)', -12.5],
    ['0', 0],
    ['EUR 45', 45],
    [',5', 0.5],
  ])('reads %s as %d', (raw, expected) => {
    expect(parseDecimal(raw)).toBe(expected);
  });

  it.each(['abc', '12,5,0.1', '1.2.3', '12 euros 50', '--5', '1,2345.6'])('rejects %s', (raw) => {
    expect(transformDecimal(raw)).toEqual({ ok: false, message: `Montant illisible « ${raw} »` });
  });

  it('converts minor units', () => {
    expect(transformCents('1500')).toEqual({ ok: true, value: 15 });
    expect(transformCents('-250')).toEqual({ ok: true, value: -2.5 });
    expect(transformCents('quinze').ok).toBe(false);
  });
});

describe('civility transform', () => {
  it.each([
    ['M.', 'M.'],
    ['M', 'M.'],
    ['Mr', 'M.'],
    ['Mr.', 'M.'],
    ['MONSIEUR', 'M.'],
    ['Mme', 'Mme'],
    ['Madame', 'Mme'],
    ['Mlle', 'Mme'],
    ['Mademoiselle', 'Mme'],
    ['Mrs', 'Mme'],
  ])('maps %s to %s', (raw, expected) => {
    expect(transformCivility(raw)).toEqual({ ok: true, value: expected });
  });

  it('leaves titles without gender empty and rejects the unknown', () => {
    expect(transformCivility('M. et Mme')).toEqual({ ok: true, value: undefined });
    expect(transformCivility('Dr')).toEqual({ ok: true, value: undefined });
    expect(transformCivility('Sa Majesté')).toEqual({
      ok: false,
      message: 'Civilité inconnue « Sa Majesté » (M. ou Mme attendu)',
    });
  });
});

describe('full name split', () => {
  it.each([
    ['DUPONT Jean', { firstName: 'Jean', lastName: 'DUPONT' }],
    ['Jean Dupont', { firstName: 'Jean', lastName: 'Dupont' }],
    ['Jean-Pierre DE LA TOUR', { firstName: 'Jean-Pierre', lastName: 'DE LA TOUR' }],
    ['LE GOFF Marie-Ève', { firstName: 'Marie-Ève', lastName: 'LE GOFF' }],
    ['Dupont, Jean', { firstName: 'Jean', lastName: 'Dupont' }],
    ['Jean de La Fontaine', { firstName: 'Jean', lastName: 'de La Fontaine' }],
    ['Hélène  Lefèvre-Noël ', { firstName: 'Hélène', lastName: 'Lefèvre-Noël' }],
    ['Cher', { lastName: 'Cher' }],
    ['', {}],
  ])('splits %s', (raw, expected) => {
    expect(splitFullName(raw)).toEqual(expected);
  });
});

describe('channel transform', () => {
  it.each([
    ['Guichet', 'guichet'],
    ['Caisse soir', 'guichet'],
    ['Internet', 'web'],
    ['Vente en ligne', 'web'],
    ['WEB', 'web'],
    ['Revendeur FNAC', 'revendeur'],
    ['Ticketmaster', 'revendeur'],
    ['Téléphone', 'telephone'],
    ['Vente par correspondance', 'correspondance'],
    ['Bouche à oreille', 'autre'],
  ])('maps %s to %s', (raw, expected) => {
    expect(transformChannel(raw)).toEqual({ ok: true, value: expected });
  });
});

describe('status transform', () => {
  it.each([
    ['Remboursé', 'refunded'],
    ['Refunded', 'refunded'],
    ['Annulé', 'cancelled'],
    ['Cancelled', 'cancelled'],
    ['Canceled', 'cancelled'],
    ['Not Attending', 'cancelled'],
    ['En attente de paiement', 'pending'],
    ['Payé', 'confirmed'],
    ['Attending', 'confirmed'],
    ['Processed', 'confirmed'],
  ])('maps %s to %s', (raw, expected) => {
    expect(transformStatus(raw)).toEqual({ ok: true, value: expected });
  });
});

describe('text and age transforms', () => {
  it('trims, upper- and lower-cases in French', () => {
    expect(transformText('  Hélène ')).toEqual({ ok: true, value: 'Hélène' });
    expect(transformText('fra', 'upper')).toEqual({ ok: true, value: 'FRA' });
    expect(transformText('ÉLOÏSE', 'lower')).toEqual({ ok: true, value: 'éloïse' });
    expect(transformText('   ')).toEqual({ ok: true, value: undefined });
  });

  it('reads ages and rejects nonsense', () => {
    expect(transformAge('42')).toEqual({ ok: true, value: 42 });
    expect(transformAge('42 ans')).toEqual({ ok: true, value: 42 });
    expect(transformAge('-3')).toEqual({ ok: false, message: 'Âge illisible « -3 »' });
    expect(transformAge('200').ok).toBe(false);
  });
});
