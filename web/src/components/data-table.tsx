import { Button, Group, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import {
  DataTable,
  type DataTableColumn,
  type DataTableRowClickHandler,
  type DataTableRowExpansionProps,
} from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { Page } from '../app/api-client';
import { ErrorAlert } from './error-alert';

interface CursorDataTableProps<T> {
  onRowClick?: DataTableRowClickHandler<T>;
  rowExpansion?: DataTableRowExpansionProps<T>;
  /** The infinite query of a cursor-paginated endpoint. */
  list: UseInfiniteQueryResult<InfiniteData<Page<T>, string | null>, Error>;
  columns: DataTableColumn<T>[];
  /** Accessible name of the table (read by screen readers). */
  label: string;
  noRecordsText?: string;
}

/**
 * mantine-datatable over a cursor-paginated list, with a "Load more" button.
 * Rows should contain a real link to the record: row clicks alone are not keyboard accessible.
 */
export function CursorDataTable<T>({
  list,
  columns,
  label,
  noRecordsText,
  onRowClick,
  rowExpansion,
}: CursorDataTableProps<T>) {
  const { t } = useTranslation();
  const records = list.data?.pages.flatMap((page) => page.data) ?? [];

  if (list.isError && !list.data) {
    return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  }

  return (
    <Stack gap="sm">
      <DataTable<T>
        aria-label={label}
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        verticalAlign="center"
        minHeight={records.length ? undefined : 160}
        records={records}
        columns={columns}
        fetching={list.isLoading}
        noRecordsText={noRecordsText ?? t('common.noRecords')}
        onRowClick={onRowClick}
        rowExpansion={rowExpansion}
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.fetchNextPage()} />}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {records.length > 0 && t('common.shown', { count: records.length })}
        </Text>
        {list.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
