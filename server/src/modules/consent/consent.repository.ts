import type {
  ConsentChannel,
  ConsentEvent,
  ConsentSourceKind,
  ConsentState,
  ConsentStatus,
  LegalBasis,
  Purpose,
  PurposeWording,
} from '@parterre/contract/consent';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { consentEvents, consentStates, purposes, purposeWordings } from './consent.tables.ts';

type PurposeRow = typeof purposes.$inferSelect;
type WordingRow = typeof purposeWordings.$inferSelect;
type EventRow = typeof consentEvents.$inferSelect;
export type PurposeColumns = Partial<Omit<PurposeRow, 'id' | 'tenantId' | 'createdAt' | 'createdBy'>>;
export type NewConsentEvent = typeof consentEvents.$inferInsert;

/** A purpose as stored, with the id and version of its current wording (what the ledger checks). */
export type PurposeRecord = PurposeRow & { currentWording: WordingRow };

const localised = (fr: string, en: string | null) => ({ fr, en });

export function wordingToDto(row: WordingRow): PurposeWording {
  return {
    id: row.id,
    version: row.version,
    text: localised(row.textFr, row.textEn),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    createdByName: row.createdByName,
  };
}

export function purposeToDto(row: PurposeRecord): Purpose {
  return {
    id: row.id,
    code: row.code,
    name: localised(row.nameFr, row.nameEn),
    description: row.descriptionFr ? localised(row.descriptionFr, row.descriptionEn) : null,
    legalBasis: row.legalBasis as LegalBasis,
    channels: row.channels as ConsentChannel[],
    retention: { text: row.retentionText, months: row.retentionMonths },
    trackingAllowed: row.trackingAllowed,
    archived: row.archived,
    currentWording: wordingToDto(row.currentWording),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The highest wording version of each purpose given. */
async function currentWordings(db: DbOrTx, tenantId: string, purposeIds: string[]) {
  if (purposeIds.length === 0) return new Map<string, WordingRow>();
  const rows = await db
    .selectDistinctOn([purposeWordings.purposeId])
    .from(purposeWordings)
    .where(and(eq(purposeWordings.tenantId, tenantId), inArray(purposeWordings.purposeId, purposeIds)))
    .orderBy(purposeWordings.purposeId, desc(purposeWordings.version));
  return new Map(rows.map((row) => [row.purposeId, row]));
}

async function withWordings(db: DbOrTx, tenantId: string, rows: PurposeRow[]): Promise<PurposeRecord[]> {
  const wordings = await currentWordings(
    db,
    tenantId,
    rows.map((row) => row.id),
  );
  return rows.flatMap((row) => {
    const currentWording = wordings.get(row.id);
    return currentWording ? [{ ...row, currentWording }] : [];
  });
}

export async function listPurposes(
  db: DbOrTx,
  tenantId: string,
  options: { includeArchived: boolean },
): Promise<PurposeRecord[]> {
  const rows = await db
    .select()
    .from(purposes)
    .where(
      and(
        eq(purposes.tenantId, tenantId),
        options.includeArchived ? undefined : eq(purposes.archived, false),
      ),
    )
    .orderBy(asc(purposes.nameFr), asc(purposes.id));
  return withWordings(db, tenantId, rows);
}

export async function findPurposes(db: DbOrTx, tenantId: string, ids: string[]): Promise<PurposeRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(purposes)
    .where(and(eq(purposes.tenantId, tenantId), inArray(purposes.id, ids)));
  return withWordings(db, tenantId, rows);
}

export async function findPurpose(
  db: DbOrTx,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PurposeRecord | undefined> {
  const query = db
    .select()
    .from(purposes)
    .where(and(eq(purposes.tenantId, tenantId), eq(purposes.id, id)));
  const rows = options.lock ? await query.for('update') : await query;
  return (await withWordings(db, tenantId, rows))[0];
}

/** Every wording of a purpose, newest first. */
export async function listWordings(db: DbOrTx, tenantId: string, purposeId: string) {
  const rows = await db
    .select()
    .from(purposeWordings)
    .where(and(eq(purposeWordings.tenantId, tenantId), eq(purposeWordings.purposeId, purposeId)))
    .orderBy(desc(purposeWordings.version));
  return rows.map(wordingToDto);
}

export async function findWordings(db: DbOrTx, tenantId: string, ids: string[]): Promise<WordingRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(purposeWordings)
    .where(and(eq(purposeWordings.tenantId, tenantId), inArray(purposeWordings.id, ids)));
}

export async function insertPurpose(tx: DbOrTx, row: typeof purposes.$inferInsert): Promise<void> {
  await tx.insert(purposes).values(row);
}

export async function insertWording(tx: DbOrTx, row: typeof purposeWordings.$inferInsert): Promise<void> {
  await tx.insert(purposeWordings).values(row);
}

/** Applies the columns and bumps the version. */
export async function updatePurposeColumns(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  columns: PurposeColumns,
): Promise<void> {
  await tx
    .update(purposes)
    .set({ ...columns, updatedAt: new Date(), version: sql`${purposes.version} + 1` })
    .where(and(eq(purposes.tenantId, tenantId), eq(purposes.id, id)));
}

function eventToDto(row: EventRow & { purposeCode: string; wordingVersion: number | null }): ConsentEvent {
  return {
    id: row.id,
    personId: row.personId,
    purposeId: row.purposeId,
    purposeCode: row.purposeCode,
    channel: row.channel as ConsentChannel,
    status: row.status as ConsentStatus,
    wordingId: row.wordingId,
    wordingVersion: row.wordingVersion,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    proof: {
      source: row.sourceKind as ConsentSourceKind,
      detail: row.sourceDetail,
      fileName: row.sourceFileName,
      fileRow: row.sourceFileRow,
      ip: row.ip,
      userAgent: row.userAgent,
      recordedBy: {
        kind: row.recordedByKind as 'user' | 'token' | 'system',
        id: row.recordedById,
        label: row.recordedByLabel,
      },
    },
  };
}

const eventSelection = {
  event: consentEvents,
  purposeCode: purposes.code,
  wordingVersion: purposeWordings.version,
};

/** A person's whole history, newest first (by when it happened, then when it was recorded). */
export async function listConsentEvents(
  db: DbOrTx,
  tenantId: string,
  options: { personId?: string; ids?: string[] },
): Promise<ConsentEvent[]> {
  const rows = await db
    .select(eventSelection)
    .from(consentEvents)
    .innerJoin(purposes, eq(purposes.id, consentEvents.purposeId))
    .leftJoin(purposeWordings, eq(purposeWordings.id, consentEvents.wordingId))
    .where(
      and(
        eq(consentEvents.tenantId, tenantId),
        options.personId ? eq(consentEvents.personId, options.personId) : undefined,
        options.ids ? inArray(consentEvents.id, options.ids) : undefined,
      ),
    )
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.recordedAt), desc(consentEvents.id));
  return rows.map((row) =>
    eventToDto({ ...row.event, purposeCode: row.purposeCode, wordingVersion: row.wordingVersion }),
  );
}

export async function listConsentStates(
  db: DbOrTx,
  tenantId: string,
  personId: string,
): Promise<ConsentState[]> {
  const rows = await db
    .select({ state: consentStates, purposeCode: purposes.code })
    .from(consentStates)
    .innerJoin(purposes, eq(purposes.id, consentStates.purposeId))
    .where(and(eq(consentStates.tenantId, tenantId), eq(consentStates.personId, personId)))
    .orderBy(asc(purposes.code), asc(consentStates.channel));
  return rows.map(({ state, purposeCode }) => ({
    purposeId: state.purposeId,
    purposeCode,
    channel: state.channel as ConsentChannel,
    status: state.status as ConsentStatus,
    eventId: state.eventId,
    since: state.since.toISOString(),
  }));
}

/**
 * Appends events and moves each pair's state forward, in the caller's transaction. A state only
 * moves to an event that happened at the same time or later than its own: an old event recorded
 * late (an import of last year's forms) enters the history without overriding a newer choice.
 * Events must be given in recording order (ids are time-ordered, like the tie-break of a rebuild).
 */
export async function appendConsentEvents(tx: DbOrTx, events: NewConsentEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(consentEvents).values(events);
  for (const event of events) {
    await tx
      .insert(consentStates)
      .values({
        tenantId: event.tenantId,
        personId: event.personId,
        purposeId: event.purposeId,
        channel: event.channel,
        status: event.status,
        eventId: event.id,
        since: event.occurredAt,
      })
      .onConflictDoUpdate({
        target: [
          consentStates.tenantId,
          consentStates.personId,
          consentStates.purposeId,
          consentStates.channel,
        ],
        set: {
          status: sql`excluded.status`,
          eventId: sql`excluded.event_id`,
          since: sql`excluded.since`,
        },
        setWhere: sql`${consentStates.since} <= excluded.since`,
      });
  }
}

/**
 * Rebuilds the states of some people from their events (merge and unmerge): the latest event by
 * occurred_at, then recorded_at, then id, per purpose × channel — the rule `appendConsentEvents`
 * follows incrementally, so a rebuild gives back exactly the states the events produced.
 */
export async function rebuildConsentStates(tx: DbOrTx, tenantId: string, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  const ids = sql`${`{${personIds.join(',')}}`}::uuid[]`;
  await tx.execute(
    sql`DELETE FROM consent_states WHERE tenant_id = ${tenantId}::uuid AND person_id = ANY(${ids})`,
  );
  await tx.execute(sql`
    INSERT INTO consent_states (tenant_id, person_id, purpose_id, channel, status, event_id, since)
    SELECT DISTINCT ON (person_id, purpose_id, channel)
      tenant_id, person_id, purpose_id, channel, status, id, occurred_at
    FROM consent_events
    WHERE tenant_id = ${tenantId}::uuid AND person_id = ANY(${ids})
    ORDER BY person_id, purpose_id, channel, occurred_at DESC, recorded_at DESC, id DESC`);
}
