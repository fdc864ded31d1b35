import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { intakePresetSchema } from '@parterre/contract/intake';
import { describe, expect, it } from 'vitest';
import { readRows, type SourceRow } from './file-reader.ts';
import { compileMapping, type MapResult } from './mapping.ts';
import { findPreset, getPreset, listPresets, presetHeaders } from './presets.ts';

/** The repository root is the first ancestor whose package.json declares the workspaces. */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('repository root not found');
}

const eventbriteCsv = path.resolve(repositoryRoot(), '../shared/ticketing/eventbrite_attendee_report.csv');
const venueCsv = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'french-venue-cp1252.csv',
);

async function readAll(file: string): Promise<{ headers: string[]; rows: SourceRow[] }> {
  let headers: string[] = [];
  const rows: SourceRow[] = [];
  for await (const row of readRows({ path: file }, { onHeaders: (names) => (headers = names) }))
    rows.push(row);
  return { headers, rows };
}

const record = (result: MapResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.reasons));
  return result.record;
};

describe('presets', () => {
  it('lists the shipped presets, each a valid mapping that compiles against its documented header', () => {
    expect(listPresets().map((preset) => preset.name)).toEqual([
      'billetweb',
      'helloasso',
      'eventbrite',
      'french-venue',
    ]);
    for (const preset of listPresets()) {
      expect(intakePresetSchema.parse(preset)).toEqual(preset);
      expect(() => compileMapping(preset, presetHeaders[preset.name])).not.toThrow();
    }
    expect(findPreset('weezevent')).toBeUndefined();
    expect(() => getPreset('weezevent')).toThrow('intake.unknown_preset');
  });

  it('hands out copies', () => {
    const preset = findPreset('eventbrite')!;
    preset.columns.Email = null;
    expect(findPreset('eventbrite')!.columns.Email).toBe('person.email');
  });

  it('maps a Billetweb attendee', () => {
    const map = compileMapping(getPreset('billetweb'), presetHeaders.billetweb);
    const values = Object.fromEntries(presetHeaders.billetweb.map((header) => [header, '']));
    Object.assign(values, {
      id: '991',
      order_id: 'W77',
      firstname: 'Zoé',
      name: 'MÜLLER',
      email: 'zoe@example.de',
      price: '15.00',
      ticket: 'Tarif réduit',
    });
    expect(record(map(values))).toEqual({
      person: { firstName: 'Zoé', lastName: 'MÜLLER', email: 'zoe@example.de' },
      order: { externalId: 'W77' },
      line: { externalId: '991', amount: 15, priceCategory: 'Tarif réduit' },
    });
  });

  it('maps a HelloAsso item with amounts in cents and ISO dates', () => {
    const map = compileMapping(getPreset('helloasso'), presetHeaders.helloasso);
    const values: Record<string, string> = {
      id: '12345',
      name: 'NORMAL',
      type: 'Registration',
      amount: '1500',
      state: 'Processed',
      'order.id': '9307923',
      'order.date': '2020-11-14T11:13:08.2972161+00:00',
      'order.formSlug': 'adhesion-a-l-association',
      'order.formType': 'PaymentForm',
      'payer.firstName': 'Robert',
      'payer.lastName': 'Petit',
      'payer.email': 'mail@mail.fr',
      'payer.dateOfBirth': '1971-01-28T00:00:00+01:00',
      'payer.address': '2 Rue Republique',
      'payer.zipCode': '69100',
      'payer.city': 'VILLEURBANNE',
      'payer.country': 'fra',
    };
    expect(record(map(values))).toEqual({
      person: {
        firstName: 'Robert',
        lastName: 'Petit',
        email: 'mail@mail.fr',
        birthDate: '1971-01-28',
        address: { line1: '2 Rue Republique', postalCode: '69100', city: 'VILLEURBANNE', country: 'FRA' },
      },
      order: { externalId: '9307923', date: '2020-11-14T12:13:08.297+01:00' },
      line: { externalId: '12345', amount: 15, priceCategory: 'NORMAL', status: 'confirmed' },
      production: { externalId: 'adhesion-a-l-association' },
    });
  });

  it('maps the real Eventbrite attendee report', async () => {
    const { headers, rows } = await readAll(eventbriteCsv);
    expect(headers.slice(0, 23)).toEqual(presetHeaders.eventbrite);
    const map = compileMapping(getPreset('eventbrite'), headers);
    expect(rows.map((row) => record(map(row.values)))).toEqual([
      {
        person: { firstName: 'John', lastName: 'Doe', email: 'jdoe1@test1mail.com' },
        order: { externalId: '11211912243', date: '2024-11-29T22:28:00+01:00', currency: 'USD' },
        line: {
          externalId: '18441583423',
          amount: 0,
          priceCategory: 'General Admission',
          status: 'confirmed',
        },
      },
      {
        person: { firstName: 'Jane', lastName: 'Doe', email: 'jdoe2@test2mail.com' },
        order: { externalId: '11211987213', date: '2024-11-29T22:54:00+01:00', currency: 'USD' },
        line: {
          externalId: '18441700883',
          amount: 0,
          priceCategory: 'General Admission',
          status: 'confirmed',
        },
      },
    ]);
  });

  it('maps the French venue export, rejecting the bad date and the anonymous sale', async () => {
    const { headers, rows } = await readAll(venueCsv);
    expect(headers).toEqual(presetHeaders['french-venue']);
    const map = compileMapping(getPreset('french-venue'), headers);
    const results = rows.map((row) => ({
      row: row.rowNumber,
      ticket: row.values['Numero billet'],
      result: map(row.values),
    }));
    const rejected = results.filter(({ result }) => !result.ok);
    expect(rejected.map(({ ticket, result }) => [ticket, !result.ok && result.reasons])).toEqual([
      [
        'B1026',
        [
          {
            column: 'Date reservation',
            message: 'Date illisible « 31/02/2024 » (format attendu jj/mm/aaaa)',
          },
        ],
      ],
      [
        'B1027',
        [
          {
            column: 'Nom, Prenom, Email',
            message: 'Ni nom, ni e-mail, ni téléphone : la ligne ne peut être rattachée à personne',
          },
        ],
      ],
    ]);
    const byTicket = (ticket: string) => record(results.find((r) => r.ticket === ticket)!.result);
    expect(byTicket('B1004')).toEqual({
      person: {
        firstName: 'Anaïs',
        lastName: 'Bœuf',
        email: 'anais.boeuf@example.fr',
        address: {
          line1: '12 rue de la Paix',
          line2: 'Bâtiment B, 2e étage',
          postalCode: '44000',
          country: 'France',
        },
      },
      order: { externalId: 'C503', date: '2025-02-04T09:05:00+01:00', channel: 'web' },
      line: { externalId: 'B1004', amount: 18, productType: 'Billet' },
      performance: {
        externalId: 'R012',
        title: 'Le Misanthrope — 13 mars (matinée)',
        start: '2025-03-13T15:00:00+01:00',
        end: '2025-03-13T17:15:00+01:00',
      },
      production: { externalId: 'S01', title: 'Le Misanthrope' },
    });
    expect(byTicket('B1003-R').line).toEqual({
      externalId: 'B1003-R',
      amount: -12.5,
      productType: 'Billet',
      status: 'refunded',
    });
    expect(byTicket('B1006').order?.channel).toBe('revendeur');
    expect(byTicket('B1007').order?.channel).toBe('telephone');
    expect(byTicket('B1011').line?.amount).toBe(1250);
    expect(byTicket('B1006').performance?.start).toBe('2025-04-05T20:30:00+02:00');
    expect(byTicket('B1010').performance).toEqual({
      externalId: 'R031',
      title: "Noël à l'Opéra — soirée",
      start: '2025-12-20T19:00:00+01:00',
    });
    expect(byTicket('B1028').person).toEqual({ firstName: 'Ève', lastName: 'Lebœuf' });
    // Age and sex are in the file but no preset keeps them.
    expect(
      results.some(
        ({ result }) => result.ok && ('age' in result.record.person || 'gender' in result.record.person),
      ),
    ).toBe(false);
  });
});
