import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A purpose (finalité): why people are contacted. legal_basis: consent | contract | legal_obligation
 * | legitimate_interest | public_task | vital_interests; channels ⊆ email, sms, post, phone.
 */
export const purposes = pgTable(
  'purposes',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en'),
    descriptionFr: text('description_fr'),
    descriptionEn: text('description_en'),
    legalBasis: text('legal_basis').notNull(),
    channels: text('channels').array().notNull(),
    retentionText: text('retention_text').notNull(),
    retentionMonths: integer('retention_months'),
    trackingAllowed: boolean('tracking_allowed').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('purposes_code_idx').on(t.tenantId, t.code)],
);

/** Every wording a purpose ever had; a migration trigger refuses UPDATE and DELETE. */
export const purposeWordings = pgTable(
  'purpose_wordings',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    purposeId: uuid('purpose_id')
      .notNull()
      .references(() => purposes.id),
    version: integer('version').notNull(),
    textFr: text('text_fr').notNull(),
    textEn: text('text_en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    /** The author's name (user or token label) as it was when written. */
    createdByName: text('created_by_name'),
  },
  (t) => [uniqueIndex('purpose_wordings_version_idx').on(t.tenantId, t.purposeId, t.version)],
);

/**
 * The consent ledger, append-only (a migration trigger refuses DELETE and any UPDATE but of
 * person_id, which merges and unmerges move). status: granted | withdrawn | pending | unknown;
 * source_kind: form | import | counter | api | preference_centre; recorded_by_kind: user | token | system.
 * person_id has no foreign key, like orders: the proof outlives a permanent deletion.
 */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    purposeId: uuid('purpose_id')
      .notNull()
      .references(() => purposes.id),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    wordingId: uuid('wording_id').references(() => purposeWordings.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    sourceKind: text('source_kind').notNull(),
    sourceDetail: text('source_detail'),
    sourceFileName: text('source_file_name'),
    sourceFileRow: integer('source_file_row'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    recordedByKind: text('recorded_by_kind').notNull(),
    recordedById: uuid('recorded_by_id'),
    recordedByLabel: text('recorded_by_label').notNull(),
  },
  (t) => [index('consent_events_person_idx').on(t.tenantId, t.personId, t.occurredAt)],
);

/**
 * Current status per person × purpose × channel: the event with the latest occurred_at (then
 * recorded_at, then id). A projection of consent_events, written in the same transaction.
 */
export const consentStates = pgTable(
  'consent_states',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    purposeId: uuid('purpose_id')
      .notNull()
      .references(() => purposes.id),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => consentEvents.id),
    since: timestamp('since', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.purposeId, t.channel] }),
    // Segments: "status S for purpose P on channel C" reads this index, not the people.
    index('consent_states_purpose_idx').on(t.tenantId, t.purposeId, t.channel, t.status, t.personId),
  ],
);
