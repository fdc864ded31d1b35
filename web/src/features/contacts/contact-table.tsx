import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { ContactCell, fullName, PersonLink } from './contact-cells';
import { formatSort, type ListColumn, parseSort } from './contact-fields';
import type { PersonListItem, PersonListPage } from './contacts-api';
import type { Selection } from './selection';

interface ContactTableProps {
  list: UseInfiniteQueryResult<InfiniteData<PersonListPage, string | null>, Error>;
  columns: ListColumn[];
  sort: string | undefined;
  onSortChange: (sort: string) => void;
  selection: Selection | null;
  onSelectionChange: (selection: Selection | null) => void;
  departments: Map<string, string>;
  /** Phones get a list of cards instead of the table. */
  compact: boolean;
  emptyText: string;
}

function PersonCards({ records }: { records: PersonListItem[] }) {
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {records.map((person) => (
        <Card key={person.id} component="li" withBorder padding="sm">
          <PersonLink person={person}>{fullName(person) || undefined}</PersonLink>
          {person.primaryEmail && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {person.primaryEmail}
            </Text>
          )}
          {(person.postalCode || person.city) && (
            <Text size="sm" c="dimmed">
              {[person.postalCode, person.city].filter(Boolean).join(' ')}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

/** The people list: sortable, selectable columns on wide screens, cards on phones; "Charger plus". */
export function ContactTable(props: ContactTableProps) {
  const { list, columns, sort, onSortChange, selection, onSelectionChange, departments, compact } = props;
  const { t } = useTranslation();
  const records = list.data?.pages.flatMap((page) => page.data) ?? [];
  const { key, descending } = parseSort(sort);
  const sortStatus: DataTableSortStatus<PersonListItem> = {
    columnAccessor: key,
    direction: descending ? 'desc' : 'asc',
  };
  const selectedRecords =
    selection?.kind === 'all'
      ? records
      : selection?.kind === 'ids'
        ? records.filter((record) => selection.ids.includes(record.id))
        : [];

  if (list.isError && !list.data)
    return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Stack gap="sm">
      {compact ? (
        records.length > 0 ? (
          <PersonCards records={records} />
        ) : (
          <Text c="dimmed" ta="center" py="lg">
            {list.isLoading ? t('common.loading') : props.emptyText}
          </Text>
        )
      ) : (
        <DataTable<PersonListItem>
          aria-label={t('contacts.list.tableLabel')}
          withTableBorder
          borderRadius="sm"
          striped
          highlightOnHover
          verticalAlign="center"
          minHeight={records.length ? undefined : 160}
          records={records}
          fetching={list.isLoading || (list.isPlaceholderData && list.isFetching)}
          noRecordsText={props.emptyText}
          sortStatus={sortStatus}
          onSortStatusChange={(status) =>
            onSortChange(formatSort(String(status.columnAccessor), status.direction === 'desc'))
          }
          selectedRecords={selectedRecords}
          onSelectedRecordsChange={(chosen) =>
            onSelectionChange(chosen.length ? { kind: 'ids', ids: chosen.map((r) => r.id) } : null)
          }
          allRecordsSelectionCheckboxProps={{ 'aria-label': t('contacts.selection.selectShown') }}
          getRecordSelectionCheckboxProps={(person) => ({
            'aria-label': t('contacts.selection.selectOne', { name: fullName(person) }),
          })}
          columns={columns.map((column) => ({
            accessor: column.id,
            title: column.label,
            sortable: column.sortKey !== undefined,
            // Short values stay on one line; the table scrolls sideways when needed.
            noWrap: column.id !== 'tags' && column.id !== 'city' && !column.customField,
            render: (person: PersonListItem) => (
              <ContactCell column={column} person={person} departments={departments} />
            ),
          }))}
        />
      )}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.fetchNextPage()} />}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {records.length > 0 &&
            t('contacts.list.shown', { count: records.length, formatted: formatNumber(records.length) })}
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
