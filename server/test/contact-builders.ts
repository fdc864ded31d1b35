import { and, eq } from 'drizzle-orm';
import { departments } from '../src/modules/accounts/accounts.tables.ts';
import { normalisePhone } from '../src/modules/contacts/contact-normalisation.ts';
import {
  addresses,
  customFieldDefinitions,
  emails,
  notes,
  organisations,
  people,
  phones,
  relationships,
} from '../src/modules/contacts/contacts.tables.ts';
import { contactsBulkJob } from '../src/modules/contacts/contacts-bulk.service.ts';
import { contactsExportJob } from '../src/modules/contacts/contacts-export.jobs.ts';
import { registerContactListRoutes } from '../src/modules/contacts/contacts-list.routes.ts';
import { modules } from '../src/modules/modules.ts';
import { newId } from '../src/platform/ids.ts';
import { outboxEvents } from '../src/platform/platform.tables.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/**
 * The application with the contact list routes and jobs. Until contacts.module.ts registers them
 * (its jobs then include the export job), a stand-in module does, so these tests run either way.
 */
export async function createContactsTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const wired = modules.some(
    (module) => module.name === 'contact-lists' || module.jobs?.includes(contactsExportJob),
  );
  if (!wired) {
    modules.push({
      name: 'contact-lists',
      routes: registerContactListRoutes,
      jobs: [contactsBulkJob, contactsExportJob],
    });
  }
  return createTestApp(env);
}

export async function departmentIdOf(t: TestApp, code: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.tenantId, t.context.defaultTenantId), eq(departments.code, code)));
  if (!row) throw new Error(`Unknown department ${code}`);
  return row.id;
}

export type PersonSpec = {
  civility?: string;
  firstName?: string;
  lastName?: string;
  usageName?: string;
  emails?: string[];
  phones?: string[];
  line1?: string;
  postalCode?: string;
  city?: string;
  tags?: string[];
  source?: string;
  language?: string;
  departmentId?: string | null;
  customFields?: Record<string, unknown>;
  organisationName?: string;
  createdAt?: Date;
  deleted?: boolean;
};

/** Inserts an organisation (or finds it by name) with an optional postal address. */
export async function buildOrganisation(
  t: TestApp,
  spec: { name: string; emails?: string[]; postalCode?: string; city?: string },
): Promise<string> {
  const db = t.database.db;
  const tenantId = t.context.defaultTenantId;
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.name, spec.name)));
  if (existing) return existing.id;
  const id = newId();
  await db.insert(organisations).values({ id, tenantId, name: spec.name });
  for (const [index, address] of (spec.emails ?? []).entries()) {
    await db.insert(emails).values({
      id: newId(),
      tenantId,
      organisationId: id,
      address: address.toLowerCase(),
      isPrimary: index === 0,
      position: index,
    });
  }
  if (spec.postalCode || spec.city) {
    await db.insert(addresses).values({
      id: newId(),
      tenantId,
      organisationId: id,
      postalCode: spec.postalCode,
      city: spec.city,
      isPrimary: true,
    });
  }
  return id;
}

/** Inserts a person and their coordinates directly, without going through the contacts service. */
export async function buildPerson(t: TestApp, spec: PersonSpec = {}): Promise<string> {
  const db = t.database.db;
  const tenantId = t.context.defaultTenantId;
  const id = newId();
  const at = spec.createdAt ?? new Date();
  await db.insert(people).values({
    id,
    tenantId,
    civility: spec.civility ?? null,
    firstName: spec.firstName ?? null,
    lastName: spec.lastName ?? null,
    usageName: spec.usageName ?? null,
    source: spec.source ?? null,
    language: spec.language ?? null,
    departmentId: spec.departmentId ?? null,
    tags: spec.tags ?? [],
    customFields: spec.customFields ?? {},
    createdAt: at,
    updatedAt: at,
    deletedAt: spec.deleted ? new Date() : null,
  });
  for (const [index, address] of (spec.emails ?? []).entries()) {
    await db.insert(emails).values({
      id: newId(),
      tenantId,
      personId: id,
      address: address.toLowerCase(),
      isPrimary: index === 0,
      position: index,
    });
  }
  for (const [index, raw] of (spec.phones ?? []).entries()) {
    const phone = normalisePhone(raw);
    if (!phone.ok) throw new Error(`Invalid phone in builder: ${raw}`);
    await db.insert(phones).values({
      id: newId(),
      tenantId,
      personId: id,
      e164: phone.e164,
      isPrimary: index === 0,
      position: index,
    });
  }
  if (spec.postalCode || spec.city || spec.line1) {
    await db.insert(addresses).values({
      id: newId(),
      tenantId,
      personId: id,
      line1: spec.line1,
      postalCode: spec.postalCode,
      city: spec.city,
      departementCode: spec.postalCode?.slice(0, 2),
      isPrimary: true,
    });
  }
  if (spec.organisationName) {
    const organisationId = await buildOrganisation(t, { name: spec.organisationName });
    await db.insert(relationships).values({
      id: newId(),
      tenantId,
      kind: 'employment',
      fromPersonId: id,
      toOrganisationId: organisationId,
    });
  }
  return id;
}

/** Many bare people in one statement (pagination and bulk tests). */
export async function buildPeople(t: TestApp, count: number, spec: (index: number) => PersonSpec) {
  const tenantId = t.context.defaultTenantId;
  const rows = Array.from({ length: count }, (_, index) => {
    const s = spec(index);
    return {
      id: newId(),
      tenantId,
      firstName: s.firstName ?? null,
      lastName: s.lastName ?? null,
      tags: s.tags ?? [],
      customFields: s.customFields ?? {},
      source: s.source ?? null,
      createdAt: s.createdAt ?? new Date(),
      updatedAt: s.createdAt ?? new Date(),
    };
  });
  for (let start = 0; start < rows.length; start += 500) {
    await t.database.db.insert(people).values(rows.slice(start, start + 500));
  }
  return rows.map((row) => row.id);
}

export async function buildCustomField(
  t: TestApp,
  spec: { key: string; label?: string; type: string; sensitive?: boolean; options?: string[] },
): Promise<void> {
  await t.database.db.insert(customFieldDefinitions).values({
    id: newId(),
    tenantId: t.context.defaultTenantId,
    entity: 'person',
    key: spec.key,
    label: spec.label ?? spec.key,
    type: spec.type,
    sensitive: spec.sensitive ?? false,
    options: (spec.options ?? []).map((value) => ({ value, label: value })),
  });
}

export async function buildNote(
  t: TestApp,
  spec: { personId: string; body: string; departmentId?: string | null; visibility?: 'department' | 'all' },
): Promise<string> {
  const id = newId();
  await t.database.db.insert(notes).values({
    id,
    tenantId: t.context.defaultTenantId,
    personId: spec.personId,
    body: spec.body,
    departmentId: spec.departmentId ?? null,
    visibility: spec.visibility ?? 'department',
  });
  return id;
}

/** An outbox event, as a service of any module would have written it. */
export async function buildEvent(
  t: TestApp,
  spec: {
    type: string;
    subjects: string[];
    entityType?: string;
    entityId?: string | null;
    departmentId?: string | null;
    actorId?: string | null;
    payload?: Record<string, unknown>;
  },
): Promise<string> {
  const id = newId();
  await t.database.db.insert(outboxEvents).values({
    id,
    tenantId: t.context.defaultTenantId,
    type: spec.type,
    entityType: spec.entityType ?? spec.type.split('.')[0],
    entityId: spec.entityId ?? spec.subjects[0] ?? null,
    departmentId: spec.departmentId ?? null,
    subjects: spec.subjects,
    actorId: spec.actorId ?? null,
    payload: spec.payload ?? {},
  });
  return id;
}
