import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The register of data-subject requests. kind: access | portability | rectification | erasure |
 * restriction | objection; channel: post | email | form | counter; identity_status: to_verify |
 * verified | rejected; status: received | in_progress | answered | refused | closed. Days are Paris days.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').notNull(),
    personId: uuid('person_id'),
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email'),
    details: text('details'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    identityStatus: text('identity_status').notNull().default('to_verify'),
    identityCheckedBy: uuid('identity_checked_by'),
    identityCheckedByName: text('identity_checked_by_name'),
    identityCheckedAt: timestamp('identity_checked_at', { withTimezone: true }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extensionMonths: integer('extension_months'),
    extensionReason: text('extension_reason'),
    extendedAt: timestamp('extended_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id'),
    status: text('status').notNull().default('received'),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('privacy_requests_due_idx').on(t.tenantId, t.dueOn, t.id),
    index('privacy_requests_person_idx').on(t.tenantId, t.personId),
  ],
);
