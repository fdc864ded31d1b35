import type { PrivacyRequest, PrivacyRequestCounts } from '@parterre/contract/privacy';
import { and, asc, eq, gt, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { privacyRequests } from './privacy.tables.ts';

type Row = typeof privacyRequests.$inferSelect;
export type PrivacyRequestColumns = Partial<Omit<typeof privacyRequests.$inferInsert, 'id' | 'tenantId'>>;

const OPEN_STATUSES = ['received', 'in_progress'];

export function toPrivacyRequest(row: Row, today: string): PrivacyRequest {
  return {
    id: row.id,
    kind: row.kind as PrivacyRequest['kind'],
    personId: row.personId,
    requesterName: row.requesterName,
    requesterEmail: row.requesterEmail,
    details: row.details,
    receivedOn: row.receivedOn,
    channel: row.channel as PrivacyRequest['channel'],
    identityCheck: {
      status: row.identityStatus as PrivacyRequest['identityCheck']['status'],
      checkedBy: row.identityCheckedBy,
      checkedByName: row.identityCheckedByName,
      checkedAt: row.identityCheckedAt?.toISOString() ?? null,
    },
    dueOn: row.dueOn,
    extension:
      row.extensionMonths && row.extendedAt
        ? {
            months: row.extensionMonths,
            reason: row.extensionReason ?? '',
            extendedAt: row.extendedAt.toISOString(),
          }
        : null,
    assigneeId: row.assigneeId,
    status: row.status as PrivacyRequest['status'],
    answer: row.answer,
    answeredOn: row.answeredOn,
    overdue: OPEN_STATUSES.includes(row.status) && row.dueOn < today,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function insertPrivacyRequest(tx: DbOrTx, values: typeof privacyRequests.$inferInsert) {
  await tx.insert(privacyRequests).values(values);
}

export async function findPrivacyRequest(
  db: DbOrTx,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Row | undefined> {
  const query = db
    .select()
    .from(privacyRequests)
    .where(and(eq(privacyRequests.tenantId, tenantId), eq(privacyRequests.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updatePrivacyRequestColumns(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  columns: PrivacyRequestColumns,
): Promise<void> {
  await tx
    .update(privacyRequests)
    .set({ ...columns, updatedAt: new Date(), version: sql`${privacyRequests.version} + 1` })
    .where(and(eq(privacyRequests.tenantId, tenantId), eq(privacyRequests.id, id)));
}

/** By deadline then id; `after` is the [dueOn, id] of the previous page's last row. */
export async function listPrivacyRequestRows(
  db: DbOrTx,
  options: {
    tenantId: string;
    status?: string;
    kind?: string;
    dueBefore?: string;
    personId?: string;
    after?: [string, string];
    limit: number;
  },
): Promise<Row[]> {
  const conditions: (SQL | undefined)[] = [
    eq(privacyRequests.tenantId, options.tenantId),
    options.status ? eq(privacyRequests.status, options.status) : undefined,
    options.kind ? eq(privacyRequests.kind, options.kind) : undefined,
    options.personId ? eq(privacyRequests.personId, options.personId) : undefined,
    options.dueBefore
      ? and(lte(privacyRequests.dueOn, options.dueBefore), inArray(privacyRequests.status, OPEN_STATUSES))
      : undefined,
    options.after
      ? or(
          gt(privacyRequests.dueOn, options.after[0]),
          and(eq(privacyRequests.dueOn, options.after[0]), gt(privacyRequests.id, options.after[1])),
        )
      : undefined,
  ];
  return db
    .select()
    .from(privacyRequests)
    .where(and(...conditions))
    .orderBy(asc(privacyRequests.dueOn), asc(privacyRequests.id))
    .limit(options.limit);
}

/** Open, overdue and due-within-a-week requests of the whole register, in one pass. */
export async function countOpenPrivacyRequests(
  db: DbOrTx,
  tenantId: string,
  today: string,
  weekEnd: string,
): Promise<PrivacyRequestCounts> {
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) FILTER (WHERE ${privacyRequests.dueOn} < ${today}::date))::int`,
      dueWithin7Days: sql<number>`(count(*) FILTER (WHERE ${privacyRequests.dueOn} >= ${today}::date
        AND ${privacyRequests.dueOn} <= ${weekEnd}::date))::int`,
    })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.tenantId, tenantId), inArray(privacyRequests.status, OPEN_STATUSES)));
  return { open: Number(row.open), overdue: Number(row.overdue), dueWithin7Days: Number(row.dueWithin7Days) };
}
