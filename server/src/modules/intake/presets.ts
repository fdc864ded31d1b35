import type { IntakePreset } from '@parterre/contract/intake';
import { AppError } from '../../platform/errors.ts';

/**
 * Mappings shipped for the ticketing systems French venues use, from the layouts documented in
 * shared/ticketing. Sensitive columns (age, sex) are left unmapped, hence ignored.
 */
const presets: IntakePreset[] = [
  {
    name: 'billetweb',
    label: 'Billetweb — participants',
    source: 'billetweb',
    // Billetweb's attendee fields (one row per ticket), as an API connector flattens them.
    columns: {
      id: 'line.externalId',
      order_id: 'order.externalId',
      firstname: 'person.firstName',
      name: 'person.lastName',
      email: 'person.email',
      ticket: 'line.priceCategory',
      price: { target: 'line.amount', transform: 'decimal' },
    },
  },
  {
    name: 'helloasso',
    label: 'HelloAsso — commandes (articles)',
    source: 'helloasso',
    // The /items model flattened with dotted paths; amounts are in cents, the buyer is the payer.
    columns: {
      id: 'line.externalId',
      name: 'line.priceCategory',
      amount: { target: 'line.amount', transform: 'cents' },
      state: 'line.status',
      'order.id': 'order.externalId',
      'order.date': { target: 'order.date', transform: 'date', format: 'ISO' },
      'order.formSlug': 'production.externalId',
      'payer.firstName': 'person.firstName',
      'payer.lastName': 'person.lastName',
      'payer.email': 'person.email',
      'payer.dateOfBirth': { target: 'person.birthDate', transform: 'date', format: 'ISO' },
      'payer.address': 'person.address.line1',
      'payer.zipCode': 'person.address.postalCode',
      'payer.city': 'person.address.city',
      'payer.country': { target: 'person.address.country', transform: 'upper' },
    },
  },
  {
    name: 'eventbrite',
    label: 'Eventbrite — rapport des participants',
    source: 'eventbrite',
    delimiter: ',',
    columns: {
      'Order #': 'order.externalId',
      'Order Date': { target: 'order.date', transform: 'date', format: 'MM/dd/yy HH:mm' },
      'First Name': 'person.firstName',
      'Last Name': 'person.lastName',
      Email: 'person.email',
      'Ticket Type': 'line.priceCategory',
      'Attendee #': 'line.externalId',
      Currency: 'order.currency',
      'Total Paid': { target: 'line.amount', transform: 'decimal' },
      'Attendee Status': 'line.status',
      'Home Address 1': 'person.address.line1',
      'Home Address 2': 'person.address.line2',
      'Home City': 'person.address.city',
      'Home State': 'person.address.region',
      'Home Zip': 'person.address.postalCode',
      'Home Country': 'person.address.country',
    },
  },
  {
    name: 'french-venue',
    label: 'Billetterie de salle — export des billets (CSV « ; »)',
    source: 'french-venue',
    delimiter: ';',
    columns: {
      'Numero billet': 'line.externalId',
      Reservation: 'order.externalId',
      'Date reservation': { target: 'order.date', transform: 'date', format: 'dd/MM/yyyy' },
      'Heure reservation': 'order.time',
      'Cle spectacle': 'production.externalId',
      Spectacle: 'production.title',
      'Cle representation': 'performance.externalId',
      Representation: 'performance.title',
      'Date representation': { target: 'performance.date', transform: 'date', format: 'dd/MM/yyyy' },
      'Heure representation': 'performance.time',
      'Date fin representation': { target: 'performance.end', transform: 'date', format: 'dd/MM/yyyy' },
      'Heure fin representation': 'performance.endTime',
      Prix: { target: 'line.amount', transform: 'decimal' },
      'Type de produit': 'line.productType',
      'Filiere de vente': { target: 'order.channel', transform: 'channel' },
      Nom: 'person.lastName',
      Prenom: 'person.firstName',
      Email: 'person.email',
      Adresse: 'person.address.line1',
      'Code postal': 'person.address.postalCode',
      Pays: 'person.address.country',
    },
  },
];

/** Documented headers of each preset's layout, in file order (used by tests and the assistant). */
export const presetHeaders: Record<string, string[]> = {
  billetweb:
    'id,order_id,ticket_id,ext_id,barcode,pass,price,firstname,name,email,ticket,category,rate_name'.split(
      ',',
    ),
  helloasso: [
    'id',
    'name',
    'type',
    'amount',
    'state',
    'order.id',
    'order.date',
    'order.formSlug',
    'order.formType',
    'payer.firstName',
    'payer.lastName',
    'payer.email',
    'payer.dateOfBirth',
    'payer.address',
    'payer.zipCode',
    'payer.city',
    'payer.country',
  ],
  // Eventbrite's 23 standard attendee-report columns; organisers' questions follow them.
  eventbrite:
    'Order #,Order Date,First Name,Last Name,Email,Quantity,Price Tier,Ticket Type,Attendee #,Group,Order Type,Currency,Total Paid,Fees Paid,Eventbrite Fees,Eventbrite Payment Processing,Attendee Status,Home Address 1,Home Address 2,Home City,Home State,Home Zip,Home Country'.split(
      ',',
    ),
  'french-venue':
    'Numero billet;Reservation;Date reservation;Heure reservation;Cle spectacle;Spectacle;Cle representation;Representation;Date representation;Heure representation;Date fin representation;Heure fin representation;Prix;Type de produit;Filiere de vente;Nom;Prenom;Email;Adresse;Code postal;Pays;Age;Sexe'.split(
      ';',
    ),
};

export function listPresets(): IntakePreset[] {
  return presets.map((preset) => structuredClone(preset));
}

/** A copy of the named preset; `undefined` when there is none (see `getPreset` to throw). */
export function findPreset(name: string): IntakePreset | undefined {
  const preset = presets.find((candidate) => candidate.name === name);
  return preset && structuredClone(preset);
}

export function getPreset(name: string): IntakePreset {
  const preset = findPreset(name);
  if (!preset) throw new AppError('intake.unknown_preset', { details: { name } });
  return preset;
}
