import type { IntakeMapping } from '@parterre/contract/intake';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { compileMapping, type MapResult } from './mapping.ts';

const headers = [
  'Réf',
  'Commande',
  'Date',
  'Heure',
  'Nom complet',
  'Prénom',
  'Courriel',
  'Montant',
  'Statut',
  'Adresse',
];

function fieldErrors(mapping: unknown, names: readonly string[] = headers) {
  try {
    compileMapping(mapping, names);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('intake.bad_mapping');
    return (error as AppError).fieldErrors!.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('the mapping was accepted');
}

const base: IntakeMapping = {
  source: 'custom',
  columns: {
    Réf: 'line.externalId',
    Commande: 'order.externalId',
    Date: { target: 'order.date', transform: 'date', format: 'dd/MM/yyyy' },
    Heure: 'order.time',
    'Nom complet': 'person.fullName',
    Prénom: 'person.firstName',
    Courriel: 'person.email',
    Montant: 'line.amount',
    Statut: 'line.status',
    Adresse: null,
  },
};

const row = (values: Partial<Record<(typeof headers)[number], string>>) => ({
  Réf: 'T1',
  Commande: 'C1',
  Date: '12/03/2025',
  Heure: '20:30',
  'Nom complet': 'DUPONT Jean',
  Prénom: '',
  Courriel: ' jean@example ',
  Montant: '12,50',
  Statut: '',
  Adresse: 'ignorée',
  ...values,
});

const record = (result: MapResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.reasons));
  return result.record;
};

describe('compileMapping', () => {
  it('names the column absent from the file', () => {
    expect(fieldErrors({ source: 'x', columns: { 'N° billet': 'line.externalId' } })).toEqual([
      { path: 'N° billet', message: 'Colonne « N° billet » absente du fichier' },
    ]);
  });

  it('names the column of an unknown target or transform, or a transform that does not fit', () => {
    expect(
      fieldErrors({
        source: 'x',
        columns: {
          Réf: 'ticket.number',
          Date: { target: 'order.date', transform: 'parse' },
          Montant: { target: 'line.amount', transform: 'upper' },
        },
      }),
    ).toEqual([
      { path: 'Réf', message: 'Cible inconnue « ticket.number » pour la colonne « Réf »' },
      { path: 'Date', message: 'Transformation inconnue « parse » pour la colonne « Date »' },
      {
        path: 'Montant',
        message: 'Transformation « upper » inapplicable à « line.amount » (colonne « Montant »)',
      },
    ]);
  });

  it('refuses a date pattern without day, month and year', () => {
    expect(
      fieldErrors({
        source: 'x',
        columns: { Date: { target: 'order.date', format: 'HH:mm' }, Commande: 'order.externalId' },
      }),
    ).toEqual([{ path: 'Date', message: 'Format de date invalide « HH:mm » pour la colonne « Date »' }]);
  });

  it('refuses a target used twice, a time without its date and orders without a number', () => {
    expect(
      fieldErrors({
        source: 'x',
        columns: { Courriel: 'person.email', Prénom: 'person.email', Heure: 'order.time' },
      }),
    ).toEqual([
      {
        path: 'Prénom',
        message: '« person.email » est déjà associé à la colonne « Courriel » (colonne « Prénom »)',
      },
      {
        path: 'Heure',
        message: '« order.time » (colonne « Heure ») demande aussi une colonne « order.date »',
      },
      {
        path: 'Heure',
        message:
          'Associez une colonne à « order.externalId » (ou « line.externalId ») pour importer les commandes (colonne « Heure »)',
      },
    ]);
  });

  it('reports a malformed mapping document', () => {
    expect(fieldErrors({ columns: {} })[0].path).toBe('source');
    expect(fieldErrors({ source: 'x', columns: {}, delimiter: ';;' })[0].path).toBe('delimiter');
  });

  it('matches columns regardless of case, accents and spacing, and ignores null or empty targets', () => {
    const map = compileMapping(
      {
        source: 'x',
        columns: { ' prenom ': 'person.firstName', COURRIEL: 'person.email', Absente: null, Autre: '' },
      },
      headers,
    );
    expect(record(map(row({ Prénom: 'Zoé' })))).toEqual({
      person: { firstName: 'Zoé', email: 'jean@example' },
    });
  });
});

describe('mapRow', () => {
  const map = compileMapping(base, headers);

  it('maps a row, joining date and time columns in Paris time and splitting the full name', () => {
    expect(record(map(row({})))).toEqual({
      person: { firstName: 'Jean', lastName: 'DUPONT', email: 'jean@example' },
      order: { externalId: 'C1', date: '2025-03-12T20:30:00+01:00' },
      line: { externalId: 'T1', amount: 12.5 },
    });
  });

  it('prefers an explicit first name to the split one, and uses midnight without time', () => {
    const result = record(map(row({ Prénom: 'Jean-Marc', Heure: '', Date: '05/07/2025' })));
    expect(result.person).toMatchObject({ firstName: 'Jean-Marc', lastName: 'DUPONT' });
    expect(result.order?.date).toBe('2025-07-05T00:00:00+02:00');
  });

  it('marks negative amounts as refunds unless cancelled', () => {
    expect(record(map(row({ Montant: '-12,50' }))).line).toEqual({
      externalId: 'T1',
      amount: -12.5,
      status: 'refunded',
    });
    expect(record(map(row({ Montant: '-12,50', Statut: 'Annulé' }))).line?.status).toBe('cancelled');
    expect(record(map(row({ Statut: 'Remboursé' }))).line?.status).toBe('refunded');
  });

  it('gives one French reason per unreadable cell, naming its column', () => {
    expect(map(row({ Date: '31/02/2024', Montant: 'douze', Heure: '8h61' }))).toEqual({
      ok: false,
      reasons: [
        { column: 'Date', message: 'Date illisible « 31/02/2024 » (format attendu jj/mm/aaaa)' },
        { column: 'Heure', message: 'Heure illisible « 8h61 » (format attendu hh:mm)' },
        { column: 'Montant', message: 'Montant illisible « douze »' },
      ],
    });
  });

  it('rejects a row that names no one', () => {
    expect(map(row({ 'Nom complet': '', Courriel: '' }))).toEqual({
      ok: false,
      reasons: [
        {
          column: 'Prénom, Nom complet, Courriel',
          message: 'Ni nom, ni e-mail, ni téléphone : la ligne ne peut être rattachée à personne',
        },
      ],
    });
  });

  it('rejects order data without an order number', () => {
    expect(map(row({ Commande: '' }))).toEqual({
      ok: false,
      reasons: [{ column: 'Commande', message: 'Numéro de commande manquant' }],
    });
  });

  it('uses the ticket number as the order number when no column gives one', () => {
    const lineOnly = compileMapping(
      { source: 'x', columns: { Réf: 'line.externalId', Courriel: 'person.email', Date: 'order.date' } },
      headers,
    );
    expect(record(lineOnly(row({ Date: '2025-03-12T20:30:00' }))).order).toEqual({
      externalId: 'T1',
      date: '2025-03-12T20:30:00+01:00',
    });
  });

  it('keeps sensitive columns only when mapped, and splits multi-line addresses', () => {
    const names = ['Email', 'Adresse', 'Age', 'Sexe', 'Civ'];
    const mapWith = compileMapping(
      {
        source: 'x',
        columns: {
          Email: 'person.email',
          Adresse: 'person.address.line1',
          Age: 'person.age',
          Sexe: 'person.gender',
          Civ: 'person.civility',
        },
      },
      names,
    );
    const values = {
      Email: 'a@b.fr',
      Adresse: '12 rue de la Paix\nBâtiment B\n2e étage',
      Age: '42',
      Sexe: 'F',
      Civ: 'Madame',
    };
    expect(record(mapWith(values)).person).toEqual({
      email: 'a@b.fr',
      civility: 'Mme',
      age: 42,
      gender: 'F',
      address: { line1: '12 rue de la Paix', line2: 'Bâtiment B, 2e étage' },
    });
    const without = compileMapping({ source: 'x', columns: { Email: 'person.email' } }, names);
    expect(record(without(values)).person).toEqual({ email: 'a@b.fr' });
  });
});
