import type { Person, UpdatePersonInput, VCardImportResult } from '@parterre/contract/contacts';
import { recordAccess } from '../../platform/audit.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { normaliseEmail, normalisePhone } from './contact-normalisation.ts';
import { FieldErrors } from './contacts.errors.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsContext } from './contacts.services.ts';
import { coordinatesAsInput } from './coordinates.repository.ts';
import { countryFromText } from './countries.ts';
import type { OrganisationsService } from './organisations.service.ts';
import * as repository from './people.repository.ts';
import { insertPreparedPeople, type PeopleService } from './people.service.ts';
import { preparePerson } from './person-input.ts';
import type { RelationshipsService } from './relationships.service.ts';
import { type ParsedCard, parseVCardFile } from './vcard-parse.ts';
import { type VCardPerson, writeVCard } from './vcard-write.ts';

export const VCARD_MAX_CARDS = 5000;
const cut = (text: string | undefined, max = 200) => text?.slice(0, max);

/** A card as a person input; values are checked leniently (faulty ones kept, flagged invalid). */
function cardToInput(card: ParsedCard) {
  const lastName = card.lastName ?? (card.firstName ? undefined : card.formattedName);
  return {
    civility: cut(card.civility, 30),
    firstName: cut(card.firstName),
    lastName: cut(lastName),
    birthDate: card.birthDate,
    emails: card.emails.map((e) => ({ address: e.value, type: e.type, primary: e.primary })),
    phones: card.phones.map((p) => ({ number: p.value, type: p.type, primary: p.primary })),
    addresses: card.addresses.map((a) => ({ ...a, type: a.type ?? ('home' as const) })),
    tags: card.categories.map((c) => c.slice(0, 100)),
  };
}

/** Numbers without a country code are read in the country of the card's first address. */
function phoneRegionOf(card: ParsedCard): string {
  const country = card.addresses.find((a) => a.country)?.country;
  const code = country ? countryFromText(country) : undefined;
  return code && code !== 'ZZ' ? code : 'FR';
}

const addressKey = (a: { line1?: string | null; postalCode?: string | null; city?: string | null }) =>
  [a.line1, a.postalCode, a.city].map((v) => (v ?? '').trim().toLowerCase()).join('|');

/** Fills empty fields and adds the coordinates the record lacks; nothing it holds is overwritten. */
function mergeCard(
  person: Person,
  card: ReturnType<typeof cardToInput>,
  phoneRegion: string,
): UpdatePersonInput {
  const current = coordinatesAsInput(person);
  const knownEmails = new Set(person.emails.map((e) => e.address));
  const knownPhones = new Set(person.phones.map((p) => p.e164));
  const knownAddresses = new Set(person.addresses.map(addressKey));
  const newEmails = card.emails.filter((e) => {
    const normalised = normaliseEmail(e.address);
    return !knownEmails.has(normalised.ok ? normalised.value : e.address.trim().toLowerCase());
  });
  const newPhones = card.phones.filter((p) => {
    const normalised = normalisePhone(p.number, phoneRegion);
    return !knownPhones.has(normalised.ok ? normalised.e164 : p.number.trim());
  });
  const newAddresses = card.addresses.filter((a) => !knownAddresses.has(addressKey(a)));
  const demote = <T extends { primary?: boolean }>(items: T[]) =>
    items.map((i) => ({ ...i, primary: false }));
  return {
    ...(person.civility ? {} : { civility: card.civility }),
    ...(person.firstName ? {} : { firstName: card.firstName }),
    ...(person.lastName ? {} : { lastName: card.lastName }),
    ...(person.birthDate || person.masked.includes('birthDate') ? {} : { birthDate: card.birthDate }),
    emails: [...current.emails, ...demote(newEmails)],
    phones: [...current.phones, ...demote(newPhones)],
    addresses: [...current.addresses, ...demote(newAddresses)],
    tags: [...new Set([...person.tags, ...card.tags])],
  };
}

/** A person record as vCard data: its first current employer gives ORG and TITLE. */
export function personToVCard(person: Person): VCardPerson {
  const countryName = new Intl.DisplayNames(['fr'], { type: 'region', fallback: 'none' });
  const employer = person.organisations[0];
  const optional = (value: string | null) => value ?? undefined;
  return {
    id: person.id,
    civility: optional(person.civility),
    firstName: optional(person.firstName),
    lastName: optional(person.lastName),
    usageName: optional(person.usageName),
    birthDate: optional(person.birthDate),
    emails: person.emails.map((e) => ({ value: e.address, type: e.type, primary: e.primary })),
    phones: person.phones.map((p) => ({ e164: p.e164, type: p.type, primary: p.primary })),
    addresses: person.addresses.map((a) => ({
      line1: a.line1 ?? '',
      line2: optional(a.line2),
      postalCode: optional(a.postalCode),
      city: optional(a.city),
      region: optional(a.region),
      country: a.country === 'ZZ' ? undefined : (countryName.of(a.country) ?? a.country),
      type: a.type === 'billing' ? 'other' : a.type,
      primary: a.primary,
    })),
    organisationName: employer?.name,
    jobTitle: optional(employer?.role ?? null),
    tags: person.tags,
  };
}

export type VCardService = ReturnType<typeof createVCardService>;

export function createVCardService(
  context: ContactsContext,
  deps: { people: PeopleService; organisations: OrganisationsService; relationships: RelationshipsService },
) {
  const db = context.database.db;

  /** Links the person to the card's organisation (found by name, or created) unless already linked. */
  async function linkEmployer(scope: RequestScope, person: Person, card: ParsedCard) {
    const name = card.organisation?.trim().slice(0, 300);
    if (!name) return;
    const organisation = await deps.organisations.findOrCreateOrganisation(scope, { name });
    if (person.organisations.some((o) => o.organisationId === organisation.id)) return;
    await db.transaction((tx) =>
      deps.relationships.insertRelationship(tx, scope, {
        kind: 'employment',
        fromPersonId: person.id,
        toOrganisationId: organisation.id,
        role: card.title?.slice(0, 200) ?? null,
      }),
    );
  }

  async function importCard(scope: RequestScope, card: ParsedCard, index: number) {
    const definitions = await deps.people.definitions(scope);
    const input = cardToInput(card);
    const phoneRegion = phoneRegionOf(card);
    const errors = new FieldErrors(scope.locale);
    const basePath = `cards.${index}`;
    const addresses = input.emails.flatMap((e) => {
      const normalised = normaliseEmail(e.address);
      return normalised.ok ? [normalised.value] : [];
    });
    const [existingId] = await repository.findPeopleByEmails(db, scope.tenantId, addresses);
    let id: string;
    let status: 'created' | 'updated';
    if (existingId) {
      const existing = await deps.people.getPeople(scope, [existingId]);
      const merged = mergeCard(existing[0], input, phoneRegion);
      await db.transaction(async (tx) => {
        const row = await repository.lockPerson(tx, scope.tenantId, existingId);
        const before = await deps.people.loadOne(scope, existingId, tx);
        const write = preparePerson(merged, {
          definitions,
          errors,
          basePath,
          isCreate: false,
          lenient: true,
          phoneRegion,
          existing: {
            customFields: row!.customFields as Record<string, unknown>,
            externalIds: row!.externalIds as Record<string, string>,
          },
        });
        errors.throwIfAny();
        await deps.people.writePersonUpdate(tx, scope, existingId, write, before);
      });
      id = existingId;
      status = 'updated';
    } else {
      const write = preparePerson(
        { ...input, source: 'vcard' },
        { definitions, errors, basePath, isCreate: true, lenient: true, phoneRegion },
      );
      errors.throwIfAny();
      id = newId();
      await db.transaction((tx) => insertPreparedPeople(tx, scope, [{ id, write }]));
      status = 'created';
    }
    const [person] = await deps.people.getPeople(scope, [id]);
    await linkEmployer(scope, person, card);
    return { id, status };
  }

  /**
   * Imports a .vcf file (vCard 2.1, 3.0 or 4.0; one or many cards). A card sharing an email with a
   * live person updates that person (missing fields filled, new coordinates added); otherwise it
   * creates one. Each card is imported on its own: one faulty card does not stop the others.
   */
  async function importVCards(scope: RequestScope, file: Buffer): Promise<VCardImportResult> {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    const cards = parseVCardFile(file);
    if (cards.length === 0) throw new AppError('contacts.vcard_empty');
    if (cards.length > VCARD_MAX_CARDS) {
      throw new AppError('contacts.vcard_too_many', { details: { max: VCARD_MAX_CARDS } });
    }
    const result: VCardImportResult = { created: 0, updated: 0, cards: [], errors: [] };
    for (const [index, card] of cards.entries()) {
      try {
        const { id, status } = await importCard(scope, card, index);
        result[status] += 1;
        result.cards.push({ index, id, status });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const message = error.fieldErrors?.map((e) => `${e.path} : ${e.message}`).join(' ; ');
        result.cards.push({ index, id: null, status: 'error' });
        result.errors.push({
          index,
          code: error.code,
          message: message || errorMessage(error.code, scope.locale, error.details),
        });
      }
    }
    return result;
  }

  /** The vCard 4.0 text of several people (masked for the caller); the export is logged. */
  async function exportVCards(
    scope: RequestScope,
    ids: string[],
  ): Promise<{ text: string; people: Person[] }> {
    authorize(scope, CONTACTS_PERMISSIONS.export);
    const people = await deps.people.getPeople(scope, [...new Set(ids)]);
    await recordAccess(db, scope, {
      action: 'export',
      entityType: 'person',
      detail: { format: 'vcard', count: people.length, ids: people.map((p) => p.id) },
    });
    return { text: people.map((p) => writeVCard(personToVCard(p))).join(''), people };
  }

  return { importVCards, exportVCards };
}
