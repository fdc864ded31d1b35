import type { AuditEntry, AuditQuery } from '@parterre/contract/audit';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { AppContext } from './context.ts';
import { decodeCursor, toPage } from './pagination.ts';
import { authorize, definePermissions } from './permissions.ts';
import { auditLog } from './platform.tables.ts';
import type { RequestScope } from './scope.ts';

/**
 * `admin.audit`, not `audit.read`: the trail holds personal data and every before → after, so the
 * built-in lecteur/agent/responsable roles must not get it through the `read` verb rule.
 * Administrators have it; a DPO gets it through a custom role.
 */
export const AUDIT_PERMISSION = 'admin.audit';

definePermissions('admin', {
  [AUDIT_PERMISSION]: {
    fr: "Consulter le journal d'audit (qui a fait quoi, avant → après)",
    en: 'Browse the audit trail (who did what, before → after)',
  },
});

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  /** Microsecond precision, for a cursor that never skips rows written in the same millisecond. */
  atKey: sql<string>`${auditLog.at}::text`,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  ip: auditLog.ip,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  reason: auditLog.reason,
};

/** Read side of the append-only audit trail (writing is `recordAudit`, in the changing transaction). */
export function createAuditService(context: AppContext) {
  const db = context.database.readDb;

  /** Newest first, keyset-paginated on (at, id) so that deep pages stay as fast as the first. */
  async function listAudit(scope: RequestScope, query: AuditQuery) {
    authorize(scope, AUDIT_PERMISSION);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await db
      .select(columns)
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, scope.tenantId),
          query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
          query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
          query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
          query.action ? eq(auditLog.action, query.action) : undefined,
          query.from ? gte(auditLog.at, new Date(query.from)) : undefined,
          query.to ? lt(auditLog.at, new Date(query.to)) : undefined,
          after
            ? sql`(${auditLog.at}, ${auditLog.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.limit + 1);
    const page = toPage(rows, query.limit, (row) => [row.atKey, row.id]);
    return {
      data: page.data.map(
        (row): AuditEntry => ({
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
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  return { listAudit };
}
