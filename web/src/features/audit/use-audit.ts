import { useInfiniteQuery } from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import { type AuditFilters, listAudit } from './audit-api';

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    ...cursorQueryOptions(['audit', filters], (cursor) =>
      listAudit(filters, { cursor, limit: defaultPageSize }),
    ),
    placeholderData: (previous) => previous,
  });
}
