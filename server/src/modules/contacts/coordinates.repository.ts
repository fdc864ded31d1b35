import {
  type Address,
  addressTypeSchema,
  type Email,
  emailTypeSchema,
  type Phone,
  phoneTypeSchema,
  validitySchema,
} from '@parterre/contract/contacts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { bulkInsert } from '../../platform/bulk-insert.ts';
import { newId } from '../../platform/ids.ts';
import { formatPhoneNational } from './contact-normalisation.ts';
import { addresses, emails, phones } from './contacts.tables.ts';
import type { AddressWrite, CoordinatesWrite, EmailWrite, PhoneWrite } from './coordinates.validation.ts';
import { geographyNames } from './countries.ts';

/** Emails, phones and addresses belong to a person or (exclusively) to an organisation. */
export type OwnerKind = 'person' | 'organisation';
export type Coordinates = { emails: Email[]; phones: Phone[]; addresses: Address[] };

/** Rows written by imports may hold values the API does not know: shown as `other` / `unknown`. */
const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  (values as readonly string[]).includes(value) ? (value as T) : fallback;
const emailType = (v: string) => oneOf(emailTypeSchema.options, v, 'other');
const phoneType = (v: string) => oneOf(phoneTypeSchema.options, v, 'other');
const addressType = (v: string) => oneOf(addressTypeSchema.options, v, 'other');
const validity = (v: string) => oneOf(validitySchema.options, v, 'unknown');

const ownerColumn = {
  person: { emails: emails.personId, phones: phones.personId, addresses: addresses.personId },
  organisation: {
    emails: emails.organisationId,
    phones: phones.organisationId,
    addresses: addresses.organisationId,
  },
} as const;

function owner(kind: OwnerKind, id: string) {
  return kind === 'person' ? { personId: id } : { organisationId: id };
}

/** Inserts the coordinates of many owners in a few multi-row statements (batch creation). */
export async function insertCoordinates(
  tx: DbOrTx,
  tenantId: string,
  kind: OwnerKind,
  items: { ownerId: string; coordinates: CoordinatesWrite }[],
): Promise<void> {
  const emailRows = items.flatMap(({ ownerId, coordinates }) =>
    (coordinates.emails ?? []).map((e: EmailWrite) => ({
      id: newId(),
      tenantId,
      ...owner(kind, ownerId),
      ...e,
    })),
  );
  const phoneRows = items.flatMap(({ ownerId, coordinates }) =>
    (coordinates.phones ?? []).map((p: PhoneWrite) => ({
      id: newId(),
      tenantId,
      ...owner(kind, ownerId),
      ...p,
    })),
  );
  const addressRows = items.flatMap(({ ownerId, coordinates }) =>
    (coordinates.addresses ?? []).map((a: AddressWrite) => ({
      id: newId(),
      tenantId,
      ...owner(kind, ownerId),
      ...a,
    })),
  );
  await bulkInsert(tx, emails, emailRows);
  await bulkInsert(tx, phones, phoneRows);
  await bulkInsert(tx, addresses, addressRows);
}

/** Replaces each list that is given (PATCH semantics); lists left undefined are untouched. */
export async function replaceCoordinates(
  tx: DbOrTx,
  tenantId: string,
  kind: OwnerKind,
  ownerId: string,
  coordinates: CoordinatesWrite,
): Promise<void> {
  const columns = ownerColumn[kind];
  if (coordinates.emails) {
    await tx.delete(emails).where(and(eq(emails.tenantId, tenantId), eq(columns.emails, ownerId)));
  }
  if (coordinates.phones) {
    await tx.delete(phones).where(and(eq(phones.tenantId, tenantId), eq(columns.phones, ownerId)));
  }
  if (coordinates.addresses) {
    await tx.delete(addresses).where(and(eq(addresses.tenantId, tenantId), eq(columns.addresses, ownerId)));
  }
  await insertCoordinates(tx, tenantId, kind, [{ ownerId, coordinates }]);
}

/** Loads the coordinates of several owners at once, in display order. */
export async function loadCoordinates(
  db: DbOrTx,
  tenantId: string,
  kind: OwnerKind,
  ownerIds: string[],
): Promise<Map<string, Coordinates>> {
  const result = new Map<string, Coordinates>(
    ownerIds.map((id) => [id, { emails: [], phones: [], addresses: [] }]),
  );
  if (ownerIds.length === 0) return result;
  const columns = ownerColumn[kind];
  const [emailRows, phoneRows, addressRows] = await Promise.all([
    db
      .select()
      .from(emails)
      .where(and(eq(emails.tenantId, tenantId), inArray(columns.emails, ownerIds)))
      .orderBy(asc(emails.position)),
    db
      .select()
      .from(phones)
      .where(and(eq(phones.tenantId, tenantId), inArray(columns.phones, ownerIds)))
      .orderBy(asc(phones.position)),
    db
      .select()
      .from(addresses)
      .where(and(eq(addresses.tenantId, tenantId), inArray(columns.addresses, ownerIds)))
      .orderBy(asc(addresses.position)),
  ]);
  const ownerOf = (row: { personId: string | null; organisationId: string | null }) =>
    result.get((kind === 'person' ? row.personId : row.organisationId) as string);
  for (const row of emailRows) {
    ownerOf(row)?.emails.push({
      id: row.id,
      address: row.address,
      type: emailType(row.type),
      primary: row.isPrimary,
      validity: validity(row.validity),
    });
  }
  for (const row of phoneRows) {
    ownerOf(row)?.phones.push({
      id: row.id,
      e164: row.e164,
      national: row.validity === 'invalid' ? row.e164 : formatPhoneNational(row.e164),
      type: phoneType(row.type),
      primary: row.isPrimary,
      validity: validity(row.validity),
    });
  }
  for (const row of addressRows) {
    ownerOf(row)?.addresses.push({
      id: row.id,
      type: addressType(row.type),
      primary: row.isPrimary,
      validity: validity(row.validity),
      line1: row.line1,
      line2: row.line2,
      postalCode: row.postalCode,
      city: row.city,
      region: row.region,
      country: row.country,
      inseeCode: row.inseeCode,
      departementCode: row.departementCode,
      regionCode: row.regionCode,
      ...geographyNames(row.departementCode, row.regionCode),
    });
  }
  return result;
}

/** Back to write form, e.g. to merge coordinates from a vCard into an existing record. */
export function coordinatesAsInput(coordinates: Coordinates) {
  return {
    emails: coordinates.emails.map((e) => ({ address: e.address, type: e.type, primary: e.primary })),
    phones: coordinates.phones.map((p) => ({ number: p.e164, type: p.type, primary: p.primary })),
    addresses: coordinates.addresses.map((a) => ({
      type: a.type,
      primary: a.primary,
      line1: a.line1,
      line2: a.line2,
      postalCode: a.postalCode,
      city: a.city,
      region: a.region,
      country: a.country,
    })),
  };
}
