import type { CreatePersonInput, Person } from '@parterre/contract/contacts';
import { and, count, eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { expect } from 'vitest';
import type { TestUser } from '../../../test/builders.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { auditLog, outboxEvents } from '../../platform/platform.tables.ts';

/** Shared by the contacts HTTP tests: create through the API and read back what was written. */
export async function createPerson(t: TestApp, user: TestUser, input: CreatePersonInput): Promise<Person> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/contacts',
    headers: user.headers,
    payload: input,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function createOrganisation(t: TestApp, user: TestUser, input: Record<string, unknown>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/organisations',
    headers: user.headers,
    payload: input,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function countRows(t: TestApp, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await t.database.db.select({ value: count() }).from(table).where(where);
  return row.value;
}

export async function auditActions(t: TestApp, entityId: string): Promise<string[]> {
  const rows = await t.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(auditLog.at);
  return rows.map((row) => row.action);
}

export async function eventsOf(t: TestApp, entityId: string) {
  return t.database.db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.entityId, entityId)))
    .orderBy(outboxEvents.position);
}
