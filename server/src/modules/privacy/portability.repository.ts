import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { auditLog } from '../../platform/platform.tables.ts';

export type AuditRow = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

/**
 * Audit entries about a person: her own record's, and any other entity's whose before or after
 * names her id (a consent, a note, an order's buyer, a merge). Oldest first, as a history reads.
 */
export async function listAuditAbout(db: DbOrTx, tenantId: string, personId: string): Promise<AuditRow[]> {
  const pattern = `%${personId}%`;
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        or(
          eq(auditLog.entityId, personId),
          sql`${auditLog.before}::text LIKE ${pattern}`,
          sql`${auditLog.after}::text LIKE ${pattern}`,
        ),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id));
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
  }));
}
