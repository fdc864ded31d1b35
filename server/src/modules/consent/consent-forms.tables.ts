import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A public subscription form (double opt-in): the purposes it offers on the email channel.
 * purpose_ids keeps the order shown; archived purposes are left out when the form is shown.
 */
export const consentForms = pgTable('consent_forms', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  name: text('name').notNull(),
  purposeIds: uuid('purpose_ids').array().notNull(),
  channel: text('channel').notNull().default('email'),
  thankYouText: text('thank_you_text'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

/**
 * One submission awaiting (or having received) its confirmation click. The signed link names it;
 * confirmed_at is set once, which makes a replayed link harmless.
 */
export const consentFormSubmissions = pgTable(
  'consent_form_submissions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    formId: uuid('form_id')
      .notNull()
      .references(() => consentForms.id),
    personId: uuid('person_id').notNull(),
    /** The pending events this submission recorded, one per purpose chosen. */
    pendingEventIds: uuid('pending_event_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedEventIds: uuid('confirmed_event_ids').array(),
  },
  (t) => [index('consent_form_submissions_person_idx').on(t.tenantId, t.personId)],
);

export type ConsentFormRow = typeof consentForms.$inferSelect;
