import type { CreatePersonInput } from '@parterre/contract/contacts';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudits } from '../../platform/audit.ts';
import { emitEvents } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { normaliseEmail, normalisePhone, stripAccents } from './contact-normalisation.ts';
import { FieldErrors } from './contacts.errors.ts';
import { insertCoordinates } from './coordinates.repository.ts';
import { insertPreparedPeople } from './people.service.ts';
import {
  type FoundPerson,
  fillPeopleFields,
  findLivePeople,
  findPeopleByKeys,
  loadEnrichmentState,
  loadPersonNames,
} from './people-intake.repository.ts';
import { type PersonWrite, preparePerson } from './person-input.ts';

/** A buyer or ticket holder as a ticketing system describes them (file row, push API, webhook). */
export type IntakePerson = {
  /** The customer's id in the source system. */
  externalId?: string | null;
  civility?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  birthDate?: string | null;
  address?: {
    line1?: string | null;
    line2?: string | null;
    postalCode?: string | null;
    city?: string | null;
    region?: string | null;
    country?: string | null;
  } | null;
  /** A person this record probably is when nothing else identifies it (the previous holder of the same ticket): taken when the names agree. */
  candidateId?: string | null;
};

export type ResolvedPeople = {
  /** Per input, in order: the person it is (null for an input with no identity at all). */
  ids: (string | null)[];
  /** Created by this call: the identity engine checks them for duplicates later. */
  createdIds: string[];
  /** Existing people that received coordinates or fields they lacked. */
  enrichedIds: string[];
};

type Names = { first: string; last: string };
type Cluster = {
  inputs: IntakePerson[];
  keys: Set<string>;
  names: Names;
  personId?: string;
};

const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);
/** Accent-, case- and punctuation-folded, as contacts' name keys (without their costly phonetics). */
const fold = (name: string | null | undefined) =>
  name
    ? stripAccents(name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : '';
const namesOf = (p: { firstName?: string | null; lastName?: string | null }): Names => ({
  first: fold(p.firstName),
  last: fold(p.lastName),
});

/** Same folded last name, and the same first name unless one side lacks it. */
export function namesAgree(
  a: { firstName?: string | null; lastName?: string | null },
  b: { firstName?: string | null; lastName?: string | null },
): boolean {
  return sameNames(namesOf(a), namesOf(b));
}

function sameNames(a: Names, b: Names): boolean {
  if (!a.last || a.last !== b.last) return false;
  return !a.first || !b.first || a.first === b.first;
}

/** Whether an input carries something that identifies a person: an external id, a valid email or phone. */
export function hasIdentifier(person: IntakePerson): boolean {
  return matchKeys(person).length > 0;
}

/** Keys that identify a person, strongest first: external id, email, phone with the names. */
function matchKeys(person: IntakePerson): string[] {
  const keys: string[] = [];
  const externalId = blank(person.externalId);
  if (externalId) keys.push(`x:${externalId}`);
  const emailText = blank(person.email);
  const email = emailText ? normaliseEmail(emailText) : undefined;
  if (email?.ok) keys.push(`e:${email.value}`);
  const phoneText = blank(person.phone);
  const phone = phoneText ? normalisePhone(phoneText) : undefined;
  const names = namesOf(person);
  if (phone?.ok && names.last) keys.push(`p:${phone.e164}:${names.last}:${names.first}`);
  return keys;
}

const isEmpty = (p: IntakePerson) =>
  !blank(p.externalId) && !blank(p.firstName) && !blank(p.lastName) && !blank(p.email) && !blank(p.phone);

/** Inputs that share a key are one person: a buyer on 30 rows of a file is created once. */
function cluster(people: IntakePerson[]): { clusters: Cluster[]; clusterOf: (Cluster | null)[] } {
  const byKey = new Map<string, Cluster>();
  const clusters: Cluster[] = [];
  const clusterOf = people.map((person) => {
    if (isEmpty(person)) return null;
    const keys = matchKeys(person);
    let found = keys.map((key) => byKey.get(key)).find(Boolean);
    if (!found) {
      found = { inputs: [], keys: new Set(), names: namesOf(person) };
      clusters.push(found);
    }
    found.inputs.push(person);
    if (!found.names.last) found.names = namesOf(person);
    for (const key of keys) {
      found.keys.add(key);
      if (!byKey.has(key)) byKey.set(key, found);
    }
    return found;
  });
  return { clusters, clusterOf };
}

/** Everything the cluster's inputs say, as one create input (the first value given wins). */
function mergedInput(source: string, inputs: IntakePerson[]): CreatePersonInput {
  const first = (pick: (p: IntakePerson) => string | null | undefined) =>
    inputs.map((p) => blank(pick(p))).find(Boolean) ?? null;
  const externalId = first((p) => p.externalId);
  const address = inputs.find((p) => p.address && Object.values(p.address).some((v) => blank(v)))?.address;
  return {
    civility: first((p) => p.civility),
    firstName: first((p) => p.firstName),
    lastName: first((p) => p.lastName),
    birthDate: first((p) => p.birthDate),
    source,
    emails: [...new Set(inputs.flatMap((p) => blank(p.email) ?? []))].map((address) => ({ address })),
    phones: [...new Set(inputs.flatMap((p) => blank(p.phone) ?? []))].map((number) => ({ number })),
    addresses: address ? [{ ...address }] : [],
    externalIds: externalId ? { [source]: externalId } : {},
  };
}

function agreesWith(names: Names, found: FoundPerson): boolean {
  return (
    sameNames(names, namesOf({ firstName: found.first, lastName: found.last })) ||
    (found.usage !== null && sameNames(names, namesOf({ firstName: found.first, lastName: found.usage })))
  );
}

/** External id first, then email (preferring agreeing names), then phone when the names agree. */
function pickMatch(group: Cluster, byKey: Map<string, FoundPerson[]>): string | undefined {
  const keys = [...group.keys];
  for (const key of keys.filter((k) => k.startsWith('x:'))) {
    const found = byKey.get(key);
    if (found?.length) return found[0].id;
  }
  for (const key of keys.filter((k) => k.startsWith('e:'))) {
    const found = byKey.get(key);
    if (found?.length) return (found.find((f) => agreesWith(group.names, f)) ?? found[0]).id;
  }
  for (const key of keys.filter((k) => k.startsWith('p:'))) {
    const found = byKey.get(`p:${key.split(':')[1]}`);
    const agreeing = found?.find((f) => agreesWith(group.names, f));
    if (agreeing) return agreeing.id;
  }
  return undefined;
}

/**
 * Finds or creates the people behind the buyers and holders of a batch, with a constant number of
 * statements: inputs sharing a key are grouped, each group is matched by (source, external id) in
 * `people.external_ids`, then by normalised email, then by normalised phone when the names agree,
 * then by its `candidateId` when the names agree. Groups still unknown become new people (invalid
 * emails and phones are kept, flagged `invalid`); matched people receive the coordinates and fields
 * they lacked. Call it inside the caller's transaction.
 */
export async function resolvePeople(
  tx: DbOrTx,
  scope: RequestScope,
  options: { source: string; people: IntakePerson[] },
): Promise<ResolvedPeople> {
  const { source } = options;
  const { clusters, clusterOf } = cluster(options.people);
  const keys = [...new Set(clusters.flatMap((c) => [...c.keys]))];
  const found = await findPeopleByKeys(tx, scope.tenantId, source, {
    externalIds: keys.filter((k) => k.startsWith('x:')).map((k) => k.slice(2)),
    emails: keys.filter((k) => k.startsWith('e:')).map((k) => k.slice(2)),
    phones: [...new Set(keys.filter((k) => k.startsWith('p:')).map((k) => k.split(':')[1]))],
  });
  const byKey = new Map<string, FoundPerson[]>();
  for (const row of found) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  for (const group of clusters) group.personId = pickMatch(group, byKey);
  await matchCandidates(tx, scope.tenantId, clusters);

  const prepared = clusters.map((group) => {
    const errors = new FieldErrors(scope.locale);
    const write = preparePerson(mergedInput(source, group.inputs), {
      definitions: [],
      errors,
      basePath: 'person',
      isCreate: true,
      lenient: true,
    });
    return { group, write, valid: errors.empty };
  });
  const matched = prepared.filter((p) => p.group.personId);
  const toCreate = prepared.filter((p) => !p.group.personId && p.valid).map((p) => ({ id: newId(), ...p }));
  for (const item of toCreate) item.group.personId = item.id;
  if (toCreate.length > 0) await insertPreparedPeople(tx, scope, toCreate);
  const enrichedIds = await enrichPeople(tx, scope, source, matched);
  return {
    ids: clusterOf.map((group) => group?.personId ?? null),
    createdIds: toCreate.map((item) => item.id),
    enrichedIds,
  };
}

/** Groups that nothing identified take their candidate when the names agree. */
async function matchCandidates(tx: DbOrTx, tenantId: string, clusters: Cluster[]): Promise<void> {
  const pending = clusters.filter((c) => !c.personId && c.inputs.some((p) => p.candidateId));
  if (pending.length === 0) return;
  const ids = [...new Set(pending.flatMap((c) => c.inputs.flatMap((p) => p.candidateId ?? [])))];
  const byId = await findLivePeople(tx, tenantId, ids);
  for (const group of pending) {
    const candidate = group.inputs
      .map((p) => (p.candidateId ? byId.get(p.candidateId) : undefined))
      .find((c) => c && agreesWith(group.names, c));
    if (candidate) group.personId = candidate.id;
  }
}

/**
 * Adds to matched people what they lacked: emails and phones they do not have, an address when they
 * have none, empty names, civility and birth date, and this source's external id. One statement per
 * kind, one audit row and one `contact.updated` event per person actually changed.
 */
async function enrichPeople(
  tx: DbOrTx,
  scope: RequestScope,
  source: string,
  matched: { group: Cluster; write: PersonWrite }[],
): Promise<string[]> {
  const byPerson = new Map<string, PersonWrite[]>();
  for (const { group, write } of matched)
    byPerson.set(group.personId!, [...(byPerson.get(group.personId!) ?? []), write]);
  if (byPerson.size === 0) return [];
  const ids = [...byPerson.keys()];
  const current = await loadEnrichmentState(tx, scope.tenantId, source, ids);
  const columnRows: Record<string, unknown>[] = [];
  const coordinates: Parameters<typeof insertCoordinates>[3] = [];
  const audits: Parameters<typeof recordAudits>[2] = [];
  for (const row of current) {
    const { id } = row;
    const writes = byPerson.get(id)!;
    const emails = new Set(row.emails);
    const phones = new Set(row.phones);
    const emailCount = emails.size;
    const phoneCount = phones.size;
    const newEmails = writes
      .flatMap((w) => w.coordinates.emails ?? [])
      .filter((e) => !emails.has(e.address) && emails.add(e.address));
    const newPhones = writes
      .flatMap((w) => w.coordinates.phones ?? [])
      .filter((p) => !phones.has(p.e164) && phones.add(p.e164));
    const address = row.hasAddress ? undefined : writes.flatMap((w) => w.coordinates.addresses ?? [])[0];
    const fill = (
      column: 'civility' | 'first_name' | 'last_name' | 'birth_date',
      key: 'civility' | 'firstName' | 'lastName' | 'birthDate',
    ) => (row[column] === null ? (writes.map((w) => w.columns[key]).find(Boolean) ?? null) : null);
    const fields = {
      civility: fill('civility', 'civility'),
      first_name: fill('first_name', 'firstName'),
      last_name: fill('last_name', 'lastName'),
      birth_date: fill('birth_date', 'birthDate'),
      external_id: row.hasSource
        ? null
        : (writes.map((w) => w.columns.externalIds?.[source]).find(Boolean) ?? null),
    };
    const changed = Object.entries(fields)
      .filter(([, v]) => v !== null)
      .map(([k]) => k);
    if (changed.length === 0 && newEmails.length === 0 && newPhones.length === 0 && !address) continue;
    // Appended after what the person has; primary only when they had none.
    coordinates.push({
      ownerId: id,
      coordinates: {
        emails: newEmails.map((e, i) => ({
          ...e,
          isPrimary: emailCount === 0 && i === 0,
          position: emailCount + i,
        })),
        phones: newPhones.map((p, i) => ({
          ...p,
          isPrimary: phoneCount === 0 && i === 0,
          position: phoneCount + i,
        })),
        addresses: address ? [{ ...address, isPrimary: true, position: 0 }] : [],
      },
    });
    columnRows.push({ id, ...fields });
    const changes = [
      ...changed,
      ...(newEmails.length ? ['emails'] : []),
      ...(newPhones.length ? ['phones'] : []),
      ...(address ? ['addresses'] : []),
    ];
    audits.push({
      action: 'contact.updated',
      entityType: 'person',
      entityId: id,
      after: {
        added: {
          ...fields,
          emails: newEmails.map((e) => e.address),
          phones: newPhones.map((p) => p.e164),
          address: address ?? null,
        },
        changes,
      },
      reason: `Import depuis ${source}`,
    });
  }
  if (columnRows.length === 0) return [];
  await insertCoordinates(tx, scope.tenantId, 'person', coordinates);
  await fillPeopleFields(tx, {
    tenantId: scope.tenantId,
    actorId: actorOf(scope).actorId,
    source,
    rows: columnRows,
  });
  await recordAudits(tx, scope, audits);
  await emitEvents(
    tx,
    scope,
    audits.map((audit) => ({
      type: 'contact.updated',
      entityType: 'person',
      entityId: audit.entityId!,
      subjects: [audit.entityId!],
      payload: { changes: (audit.after as { changes: string[] }).changes, source },
    })),
  );
  return columnRows.map((row) => String(row.id));
}

/** Display names of people, for order and ticket pages (an unknown id is simply absent). */
export { loadPersonNames };
