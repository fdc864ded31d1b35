import type { Civility, MappingTarget, OrderChannel, SaleStatus } from '@parterre/contract/intake';
import { type DateParts, type TimeParts, toIsoDate, toParisIso } from './date-parse.ts';
import type { FieldValues, IntakeRecord, MapResult, RowReason } from './mapping.ts';
import { splitFullName } from './transforms.ts';

const IDENTITY: MappingTarget[] = [
  'person.externalId',
  'person.lastName',
  'person.firstName',
  'person.fullName',
  'person.email',
  'person.phone',
];

const ORDER: MappingTarget[] = [
  'order.externalId',
  'order.date',
  'order.channel',
  'order.status',
  'order.total',
];

/**
 * Puts the converted cells of one row together: splits full names, joins date and time columns
 * into Paris timestamps, marks negative amounts as refunds, and rejects a row that names no one.
 */
export function assembleRecord(
  fields: FieldValues,
  columnOf: (target: MappingTarget) => string | undefined,
): MapResult {
  const text = (target: MappingTarget) => fields[target] as string | undefined;
  const number = (target: MappingTarget) => fields[target] as number | undefined;
  const date = (target: MappingTarget) => fields[target] as DateParts | undefined;
  const time = (target: MappingTarget) => fields[target] as TimeParts | undefined;
  const reasons: RowReason[] = [];

  const named = text('person.fullName') ? splitFullName(text('person.fullName')!) : {};
  const birthDate = date('person.birthDate');
  const person: IntakeRecord['person'] =
    compact({
      externalId: text('person.externalId'),
      civility: fields['person.civility'] as Civility | undefined,
      firstName: text('person.firstName') ?? named.firstName,
      lastName: text('person.lastName') ?? named.lastName,
      birthDate: birthDate && toIsoDate(birthDate),
      email: text('person.email'),
      phone: text('person.phone'),
      gender: text('person.gender'),
      age: number('person.age'),
      address: compact({
        ...addressLines(text('person.address.line1'), text('person.address.line2')),
        postalCode: text('person.address.postalCode'),
        city: text('person.address.city'),
        region: text('person.address.region'),
        country: text('person.address.country'),
      }),
    }) ?? {};
  const identityColumns = IDENTITY.map(columnOf).filter((column) => column !== undefined);
  if (
    identityColumns.length > 0 &&
    !IDENTITY.some((target) => target !== 'person.fullName' && target.slice(7) in person)
  ) {
    reasons.push({
      column: identityColumns.join(', '),
      message: 'Ni nom, ni e-mail, ni téléphone : la ligne ne peut être rattachée à personne',
    });
  }

  const total = number('order.total');
  const orderFields = compact({
    date: stamp(date('order.date'), time('order.time')),
    channel: fields['order.channel'] as OrderChannel | undefined,
    status: refundIfNegative(fields['order.status'] as SaleStatus | undefined, total),
    total,
    currency: text('order.currency'),
  });
  const orderId =
    text('order.externalId') ?? (columnOf('order.externalId') ? undefined : text('line.externalId'));
  const ordersMapped = ORDER.some((target) => columnOf(target) !== undefined);
  let order: IntakeRecord['order'];
  if (!ordersMapped) order = undefined;
  else if (orderId) order = { externalId: orderId, ...orderFields };
  else if (orderFields) {
    const column = columnOf('order.externalId') ?? columnOf('line.externalId') ?? '';
    reasons.push({ column, message: 'Numéro de commande manquant' });
  }
  if (reasons.length > 0) return { ok: false, reasons };

  const amount = number('line.amount');
  const record: IntakeRecord = {
    person,
    order,
    line: compact({
      externalId: text('line.externalId'),
      amount,
      priceCategory: text('line.priceCategory'),
      productType: text('line.productType'),
      seat: text('line.seat'),
      status: refundIfNegative(fields['line.status'] as SaleStatus | undefined, amount),
    }),
    performance: compact({
      externalId: text('performance.externalId'),
      title: text('performance.title'),
      start: stamp(date('performance.start') ?? date('performance.date'), time('performance.time')),
      end: stamp(date('performance.end'), time('performance.endTime')),
    }),
    production: compact({
      externalId: text('production.externalId'),
      title: text('production.title'),
      genre: text('production.genre'),
    }),
    venue: compact({ name: text('venue.name') }),
  };
  for (const key of Object.keys(record) as (keyof IntakeRecord)[]) {
    if (record[key] === undefined) delete record[key];
  }
  return { ok: true, record };
}

/** A multi-line address cell fills the second line too, when no column does. */
function addressLines(line1: string | undefined, line2: string | undefined) {
  if (!line1?.includes('\n') || line2) return { line1, line2 };
  const [first, ...rest] = line1
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return { line1: first, line2: rest.length > 0 ? rest.join(', ') : undefined };
}

/** A date and an optional separate time as one Paris timestamp; midnight when no time is given. */
function stamp(date: DateParts | undefined, time: TimeParts | undefined): string | undefined {
  if (!date) return undefined;
  return toParisIso(time ? { ...date, ...time, millisecond: 0 } : date);
}

/** A negative amount is a refund unless the source says the sale was cancelled. */
function refundIfNegative(
  status: SaleStatus | undefined,
  amount: number | undefined,
): SaleStatus | undefined {
  if (amount !== undefined && amount < 0 && status !== 'cancelled') return 'refunded';
  return status;
}

/** The object without its undefined members, or undefined when nothing is left (runs ~6 times a row). */
function compact<T extends Record<string, unknown>>(object: T): T | undefined {
  const result: Record<string, unknown> = {};
  let empty = true;
  for (const key in object) {
    if (object[key] === undefined) continue;
    result[key] = object[key];
    empty = false;
  }
  return empty ? undefined : (result as T);
}
