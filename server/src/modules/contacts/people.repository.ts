import {
  type DuplicateCandidate,
  type Person,
  preferredChannelSchema,
  type TrashItem,
} from '@parterre/contract/contacts';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { bulkInsert } from '../../platform/bulk-insert.ts';
import { emails, people } from './contacts.tables.ts';
import { loadCoordinates } from './coordinates.repository.ts';
import type { PersonColumns } from './person-input.ts';
import { currentEmployments } from './relationships.repository.ts';

/** A person as stored: every custom field and the birth date, before masking for the caller. */
export type PersonRecord = Omit<Person, 'masked'>;
type Row = typeof people.$inferSelect;

export const TRASH_RETENTION_DAYS = 30;

export function personDisplayName(p: {
  firstName: string | null;
  lastName: string | null;
  usageName?: string | null;
}): string {
  return [p.firstName, p.usageName || p.lastName].filter(Boolean).join(' ') || '(sans nom)';
}

const scoped = (tenantId: string, id: string) => and(eq(people.tenantId, tenantId), eq(people.id, id));

/** Loads whole records (coordinates and current employers included) in five queries whatever the count. */
export async function loadPeople(db: DbOrTx, tenantId: string, ids: string[]): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
  const found = rows.map((row) => row.id);
  const [coordinates, employments] = await Promise.all([
    loadCoordinates(db, tenantId, 'person', found),
    currentEmployments(db, tenantId, found),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        civility: row.civility,
        firstName: row.firstName,
        lastName: row.lastName,
        usageName: row.usageName,
        birthDate: row.birthDate,
        language: row.language,
        preferredChannel: preferredChannelSchema.safeParse(row.preferredChannel).data ?? null,
        source: row.source,
        departmentId: row.departmentId,
        ...coordinates.get(id)!,
        tags: row.tags,
        customFields: row.customFields as Record<string, unknown>,
        externalIds: row.externalIds as Record<string, string>,
        organisations: employments.get(id) ?? [],
        createdAt: row.createdAt.toISOString(),
        createdBy: row.createdBy,
        updatedAt: row.updatedAt.toISOString(),
        updatedBy: row.updatedBy,
        version: row.version,
        deletedAt: row.deletedAt?.toISOString() ?? null,
      },
    ];
  });
}

/** Locks the row for the rest of the transaction (updates, deletes) and returns what rules need. */
export async function lockPerson(tx: DbOrTx, tenantId: string, id: string): Promise<Row | undefined> {
  const [row] = await tx.select().from(people).where(scoped(tenantId, id)).for('update');
  return row;
}

export async function insertPeople(
  tx: DbOrTx,
  tenantId: string,
  actorId: string | null,
  rows: { id: string; columns: Partial<PersonColumns> }[],
): Promise<void> {
  const values = rows.map(({ id, columns }) => ({
    ...columns,
    id,
    tenantId,
    createdBy: actorId,
    updatedBy: actorId,
  }));
  await bulkInsert(tx, people, values);
}

/** Writes the columns and bumps the version (the caller holds the row lock and checked it). */
export async function updatePersonColumns(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  actorId: string | null,
  columns: Partial<PersonColumns>,
): Promise<void> {
  await tx
    .update(people)
    .set({ ...columns, updatedAt: new Date(), updatedBy: actorId, version: sql`${people.version} + 1` })
    .where(scoped(tenantId, id));
}

/** Moves to the trash (`deletedAt` set) or out of it (null). */
export async function setPersonDeleted(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  actorId: string | null,
  deletedAt: Date | null,
): Promise<void> {
  await tx
    .update(people)
    .set({
      deletedAt,
      deletedBy: deletedAt ? actorId : null,
      updatedAt: new Date(),
      updatedBy: actorId,
      version: sql`${people.version} + 1`,
    })
    .where(scoped(tenantId, id));
}

/** Hard delete; coordinates, relationships and notes go with it (ON DELETE CASCADE). */
export async function deletePeople(tx: DbOrTx, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(people).where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
}

export async function listTrashedPeople(
  db: DbOrTx,
  tenantId: string,
  options: { after?: [string, string]; limit: number },
): Promise<TrashItem[]> {
  const since = new Date(Date.now() - TRASH_RETENTION_DAYS * 86_400_000);
  const after = options.after;
  const rows = await db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      usageName: people.usageName,
      deletedAt: people.deletedAt,
      deletedBy: people.deletedBy,
    })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        isNotNull(people.deletedAt),
        gte(people.deletedAt, since),
        after
          ? or(
              lt(people.deletedAt, new Date(after[0])),
              and(eq(people.deletedAt, new Date(after[0])), lt(people.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(people.deletedAt), desc(people.id))
    .limit(options.limit);
  return rows.map((row) => ({
    id: row.id,
    name: personDisplayName(row),
    deletedAt: row.deletedAt!.toISOString(),
    deletedBy: row.deletedBy,
    purgeAt: new Date(row.deletedAt!.getTime() + TRASH_RETENTION_DAYS * 86_400_000).toISOString(),
  }));
}

/** Ids of people in the trash for longer than the retention period. */
export async function listPeopleToPurge(db: DbOrTx, tenantId: string, limit: number): Promise<string[]> {
  const before = new Date(Date.now() - TRASH_RETENTION_DAYS * 86_400_000);
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), isNotNull(people.deletedAt), lt(people.deletedAt, before)))
    .limit(limit);
  return rows.map((row) => row.id);
}

export type DuplicateProbe = {
  emails: string[];
  phones: string[];
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  postalCodes: string[];
};

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Probable duplicates by simple rules: same email, same phone, or same first and last name (accents
 * and case ignored) with the same birth date or postal code. Identity resolution proper comes later.
 */
export async function findDuplicateCandidates(
  db: DbOrTx,
  tenantId: string,
  probe: DuplicateProbe,
): Promise<DuplicateCandidate[]> {
  const byEmail = probe.emails.length
    ? sql`exists (select 1 from emails e where e.tenant_id = ${tenantId} and e.person_id = p.id
        and e.address in (${sql.join(
          probe.emails.map((e) => sql`${e}`),
          sql`, `,
        )}))`
    : sql`false`;
  const byPhone = probe.phones.length
    ? sql`exists (select 1 from phones t where t.tenant_id = ${tenantId} and t.person_id = p.id
        and t.e164 in (${sql.join(
          probe.phones.map((e) => sql`${e}`),
          sql`, `,
        )}))`
    : sql`false`;
  const sameFacts = [
    probe.birthDate ? sql`p.birth_date = ${probe.birthDate}` : undefined,
    probe.postalCodes.length
      ? sql`exists (select 1 from addresses a where a.tenant_id = ${tenantId} and a.person_id = p.id
          and a.postal_code in (${sql.join(
            probe.postalCodes.map((c) => sql`${c}`),
            sql`, `,
          )}))`
      : undefined,
  ].filter((s) => s !== undefined);
  const byName =
    probe.firstName && probe.lastName && sameFacts.length
      ? sql`(p.search_name like f_unaccent(lower(${`${likeEscape(probe.firstName)} ${likeEscape(probe.lastName)} `})) || '%'
          and f_unaccent(lower(p.last_name)) = f_unaccent(lower(${probe.lastName}))
          and (${sql.join(sameFacts, sql` or `)}))`
      : sql`false`;
  const result = await db.execute<{
    id: string;
    first_name: string | null;
    last_name: string | null;
    by_email: boolean;
    by_phone: boolean;
    by_name: boolean;
  }>(sql`
    select p.id, p.first_name, p.last_name, ${byEmail} as by_email, ${byPhone} as by_phone, ${byName} as by_name
    from people p
    where p.tenant_id = ${tenantId} and p.deleted_at is null and p.merged_into_id is null
      and (${byEmail} or ${byPhone} or ${byName})
    limit 10`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows ?? result;
  const candidates = rows as {
    id: string;
    first_name: string | null;
    last_name: string | null;
    by_email: boolean;
    by_phone: boolean;
    by_name: boolean;
  }[];
  const primary = await primaryEmails(
    db,
    tenantId,
    candidates.map((c) => c.id),
  );
  return candidates.map((c) => ({
    id: c.id,
    firstName: c.first_name,
    lastName: c.last_name,
    email: primary.get(c.id) ?? null,
    reasons: [
      ...(c.by_email ? (['email'] as const) : []),
      ...(c.by_phone ? (['phone'] as const) : []),
      ...(c.by_name ? (['name'] as const) : []),
    ],
  }));
}

async function primaryEmails(db: DbOrTx, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ personId: emails.personId, address: emails.address })
    .from(emails)
    .where(
      and(eq(emails.tenantId, tenantId), inArray(emails.personId, personIds), eq(emails.isPrimary, true)),
    );
  return new Map(rows.map((row) => [row.personId!, row.address]));
}

/** Live (not deleted, not merged) people owning one of these addresses, oldest first. */
export async function findPeopleByEmails(
  db: DbOrTx,
  tenantId: string,
  addresses: string[],
): Promise<string[]> {
  if (addresses.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: people.id, createdAt: people.createdAt })
    .from(emails)
    .innerJoin(people, eq(people.id, emails.personId))
    .where(
      and(
        eq(emails.tenantId, tenantId),
        inArray(emails.address, addresses),
        isNull(people.deletedAt),
        isNull(people.mergedIntoId),
      ),
    )
    .orderBy(asc(people.createdAt));
  return rows.map((row) => row.id);
}
