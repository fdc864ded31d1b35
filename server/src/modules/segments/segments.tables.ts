import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const audited = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

/** A dynamic audience: its criteria are evaluated each time it is used. */
export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** The criteria tree as the contract defines it (groups and rules). */
    criteria: jsonb('criteria').notNull(),
    ...audited(),
  },
  (t) => [index('segments_tenant_name_idx').on(t.tenantId, t.name, t.id)],
);

/** A static set of people: picked by hand or snapshotted from a segment. */
export const staticLists = pgTable(
  'static_lists',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    sourceSegmentId: uuid('source_segment_id'),
    ...audited(),
  },
  (t) => [index('static_lists_tenant_name_idx').on(t.tenantId, t.name, t.id)],
);

export const staticListMembers = pgTable(
  'static_list_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    listId: uuid('list_id')
      .notNull()
      .references(() => staticLists.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.personId] }),
    index('static_list_members_person_idx').on(t.tenantId, t.personId),
  ],
);

/** One count per segment and day (Europe/Paris), written by the daily snapshot job. */
export const segmentSizeHistory = pgTable(
  'segment_size_history',
  {
    tenantId: uuid('tenant_id').notNull(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    count: integer('count').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.day] })],
);
