import type { Database } from '../../db/connection.ts';
import { listPeopleNames, type MatchingPerson } from '../contacts/people-matching.repository.ts';
import { foldText } from './fold-text.ts';
import { type PreparedRecord, prepareRecord } from './match-record.ts';
import { applyNameFrequencies, type NameFrequencies } from './name-frequencies.ts';

/** The contacts' view of a person, as the matcher reads it. */
export function prepareMatchingPerson(person: MatchingPerson): PreparedRecord {
  return prepareRecord({
    id: person.id,
    firstName: person.firstName ?? undefined,
    lastName: person.lastName ?? undefined,
    usageName: person.usageName ?? undefined,
    birthDate: person.birthDate ?? undefined,
    emails: person.emails,
    phones: person.phones,
    addresses: person.addresses.map((address) => ({
      line1: address.line1 ?? undefined,
      postalCode: address.postalCode ?? undefined,
      city: address.city ?? undefined,
    })),
    organisationNames: person.organisationNames,
  });
}

/**
 * Name shares move slowly: an incremental check reuses the counts of the last scan or count for up
 * to this long, instead of reading every name of the base for each batch of new people.
 */
const FREQUENCIES_TTL_MS = 15 * 60_000;
const cache = new WeakMap<Database, Map<string, { frequencies: NameFrequencies; at: number }>>();

export function rememberFrequencies(
  database: Database,
  tenantId: string,
  frequencies: NameFrequencies,
): void {
  let byTenant = cache.get(database);
  if (!byTenant) {
    byTenant = new Map();
    cache.set(database, byTenant);
  }
  byTenant.set(tenantId, { frequencies, at: Date.now() });
}

const compact = (name: string | null) => foldText(name ?? undefined).replace(/ /g, '');

/** The base's name counts, as `countNameFrequencies` would give them, read page by page (names only). */
export async function baseFrequencies(database: Database, tenantId: string): Promise<NameFrequencies> {
  const cached = cache.get(database)?.get(tenantId);
  if (cached && Date.now() - cached.at < FREQUENCIES_TTL_MS) return cached.frequencies;
  const firstNames = new Map<string, number>();
  const surnames = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let records = 0;
  let afterId: string | null = null;
  for (;;) {
    const page = await listPeopleNames(database.db, tenantId, { afterId, limit: 20_000 });
    for (const row of page) {
      records++;
      const first = compact(row.first_name);
      const last = compact(row.last_name);
      const usage = compact(row.usage_name);
      if (first) bump(firstNames, first);
      if (last) bump(surnames, last);
      if (usage && usage !== last) bump(surnames, usage);
    }
    if (page.length < 20_000) break;
    afterId = page[page.length - 1].id;
  }
  const frequencies = { records, firstNames, surnames };
  rememberFrequencies(database, tenantId, frequencies);
  return frequencies;
}

/** Prepared records with the base's name counts attached, keyed by id. */
export function prepareAll(
  people: MatchingPerson[],
  frequencies: NameFrequencies,
): Map<string, PreparedRecord> {
  return new Map(
    people.map((person) => [person.id, applyNameFrequencies(prepareMatchingPerson(person), frequencies)]),
  );
}
