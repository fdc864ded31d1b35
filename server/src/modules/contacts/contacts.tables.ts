import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const audited = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    civility: text('civility'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    usageName: text('usage_name'),
    /** Sensitive: masked for users without `contacts.read_sensitive`. */
    birthDate: date('birth_date'),
    language: text('language'),
    preferredChannel: text('preferred_channel'),
    source: text('source'),
    departmentId: uuid('department_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields').notNull().default(sql`'{}'::jsonb`),
    /** Source system → id in that system, e.g. {"billetweb": "A-1234"}. */
    externalIds: jsonb('external_ids').notNull().default(sql`'{}'::jsonb`),
    /** Accent- and case-folded "first last usage" for fuzzy search. */
    searchName: text('search_name')
      .notNull()
      .generatedAlwaysAs(
        sql`f_unaccent(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(usage_name, '')))`,
      ),
    mergedIntoId: uuid('merged_into_id'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
    ...audited(),
  },
  (t) => [
    index('people_tenant_name_idx').on(t.tenantId, t.lastName, t.firstName, t.id),
    index('people_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('people_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('people_tenant_tags_idx').using('gin', t.tags),
    index('people_external_ids_idx').using('gin', sql`${t.externalIds} jsonb_path_ops`),
    index('people_tenant_deleted_idx').on(t.tenantId, t.deletedAt),
  ],
);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    /** entreprise, fondation, association, etablissement_scolaire, collectivite, media, autre */
    type: text('type').notNull().default('autre'),
    siren: text('siren'),
    siret: text('siret'),
    website: text('website'),
    departmentId: uuid('department_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields').notNull().default(sql`'{}'::jsonb`),
    externalIds: jsonb('external_ids').notNull().default(sql`'{}'::jsonb`),
    searchName: text('search_name').notNull().generatedAlwaysAs(sql`f_unaccent(lower(name))`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
    ...audited(),
  },
  (t) => [
    index('organisations_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('organisations_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('organisations_tenant_siren_idx').on(t.tenantId, t.siren),
    index('organisations_tenant_tags_idx').using('gin', t.tags),
  ],
);

const ownerColumns = () => ({
  personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
});

const oneOwner = (table: string) =>
  check(`${table}_one_owner`, sql`(person_id IS NULL) <> (organisation_id IS NULL)`);

/** validity: valid | invalid | bounced | unknown */
export const emails = pgTable(
  'emails',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...ownerColumns(),
    address: text('address').notNull(),
    type: text('type').notNull().default('other'),
    isPrimary: boolean('is_primary').notNull().default(false),
    validity: text('validity').notNull().default('valid'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    oneOwner('emails'),
    index('emails_address_prefix_idx').using('btree', sql`${t.tenantId}, ${t.address} text_pattern_ops`),
    index('emails_person_idx').on(t.personId),
    index('emails_organisation_idx').on(t.organisationId),
  ],
);

export const phones = pgTable(
  'phones',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...ownerColumns(),
    /** E.164, e.g. +33612345678 */
    e164: text('e164').notNull(),
    type: text('type').notNull().default('other'),
    isPrimary: boolean('is_primary').notNull().default(false),
    validity: text('validity').notNull().default('valid'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    oneOwner('phones'),
    index('phones_tenant_e164_idx').on(t.tenantId, t.e164),
    index('phones_person_idx').on(t.personId),
    index('phones_organisation_idx').on(t.organisationId),
  ],
);

export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...ownerColumns(),
    type: text('type').notNull().default('home'),
    isPrimary: boolean('is_primary').notNull().default(false),
    validity: text('validity').notNull().default('valid'),
    line1: text('line1'),
    line2: text('line2'),
    postalCode: text('postal_code'),
    city: text('city'),
    region: text('region'),
    /** ISO 3166-1 alpha-2 */
    country: text('country').notNull().default('FR'),
    /** Linked from the postal code for French addresses (INSEE codes). */
    inseeCode: text('insee_code'),
    departementCode: text('departement_code'),
    regionCode: text('region_code'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    oneOwner('addresses'),
    index('addresses_tenant_postal_idx').on(t.tenantId, t.postalCode),
    index('addresses_tenant_departement_idx').on(t.tenantId, t.departementCode),
    index('addresses_person_idx').on(t.personId),
    index('addresses_organisation_idx').on(t.organisationId),
  ],
);

/**
 * One table for every link. kind: employment (person→organisation, with role and dates),
 * household | family | other (person↔person, symmetric), parent | member (organisation→organisation).
 */
export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').notNull(),
    fromPersonId: uuid('from_person_id').references(() => people.id, { onDelete: 'cascade' }),
    fromOrganisationId: uuid('from_organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    toPersonId: uuid('to_person_id').references(() => people.id, { onDelete: 'cascade' }),
    toOrganisationId: uuid('to_organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    ...audited(),
  },
  (t) => [
    index('relationships_from_person_idx').on(t.fromPersonId),
    index('relationships_to_person_idx').on(t.toPersonId),
    index('relationships_from_organisation_idx').on(t.fromOrganisationId),
    index('relationships_to_organisation_idx').on(t.toOrganisationId),
  ],
);

export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    /** person | organisation */
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    /** text, long_text, number, date, boolean, choice, multi_choice, url, email, phone */
    type: text('type').notNull(),
    options: jsonb('options').notNull().default(sql`'[]'::jsonb`),
    required: boolean('required').notNull().default(false),
    sensitive: boolean('sensitive').notNull().default(false),
    position: integer('position').notNull().default(0),
    ...audited(),
  },
  (t) => [uniqueIndex('custom_field_definitions_key_idx').on(t.tenantId, t.entity, t.key)],
);

/** Visible to the author's department, or to everyone who may read the contact. */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...ownerColumns(),
    departmentId: uuid('department_id'),
    visibility: text('visibility').notNull().default('department'),
    body: text('body').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...audited(),
  },
  (t) => [
    oneOwner('notes'),
    index('notes_person_idx').on(t.personId),
    index('notes_organisation_idx').on(t.organisationId),
  ],
);

export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    entity: text('entity').notNull(),
    name: text('name').notNull(),
    /** {filters, sort, columns} as the list page uses them. */
    definition: jsonb('definition').notNull(),
    ...audited(),
  },
  (t) => [index('saved_views_user_idx').on(t.tenantId, t.userId, t.entity)],
);
