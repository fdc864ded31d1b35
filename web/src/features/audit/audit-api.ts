import type { AuditEntry } from '@parterre/contract/audit';
import { apiRequest, type Page } from '../../app/api-client';

export type { AuditEntry };

export interface AuditFilters {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** ISO dates (yyyy-mm-dd) from the date inputs. */
  from?: string;
  to?: string;
}

/** Date inputs give local calendar days; the API takes instants. "to" includes its whole day. */
function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function listAudit(
  filters: AuditFilters,
  params: { cursor?: string | null; limit?: number },
): Promise<Page<AuditEntry>> {
  return apiRequest('GET', '/audit', {
    query: {
      ...filters,
      from: dayBound(filters.from, false),
      to: dayBound(filters.to, true),
      ...params,
    },
  });
}
