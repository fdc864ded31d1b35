import type { DbOrTx } from '../db/connection.ts';
import { bulkInsert } from './bulk-insert.ts';
import { newId } from './ids.ts';
import { auditLog } from './platform.tables.ts';
import { actorOf, type RequestScope } from './scope.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

/** Secrets never reach the audit trail, whatever a service passes in. */
const SECRET_KEYS = /password|secret|token|hash/i;

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) ? '[masqué]' : redact(v),
      ]),
    );
  }
  return value;
}

/** Call inside the transaction of the change it describes, so that both land or neither. */
export async function recordAudit(tx: DbOrTx, scope: RequestScope, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    id: newId(),
    tenantId: scope.tenantId,
    ...actorOf(scope),
    ip: scope.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before) as object | null,
    after: redact(entry.after) as object | null,
    reason: entry.reason ?? null,
  });
}

/** Reads of personal data (views, searches, exports) are logged too, for the DPO. */
export async function recordAccess(
  db: DbOrTx,
  scope: RequestScope,
  access: { action: 'view' | 'search' | 'export'; entityType: string; entityId?: string; detail?: unknown },
): Promise<void> {
  await recordAudit(db, scope, {
    action: `${access.entityType}.${access.action}`,
    entityType: access.entityType,
    entityId: access.entityId ?? null,
    after: access.detail ?? null,
  });
}

/** Bulk form of `recordAudit` for batch writes: one multi-row insert instead of a round trip per row. */
export async function recordAudits(tx: DbOrTx, scope: RequestScope, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const actor = actorOf(scope);
  await bulkInsert(
    tx,
    auditLog,
    entries.map((entry) => ({
      id: newId(),
      tenantId: scope.tenantId,
      ...actor,
      ip: scope.ip,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: redact(entry.before) as object | null,
      after: redact(entry.after) as object | null,
      reason: entry.reason ?? null,
    })),
  );
}
