import { Badge, Button, Collapse, Group, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { FilterRule } from '@parterre/contract/contact-lists';
import { IconFilter, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatNumber } from '../../app/format';
import { ForbiddenPage } from '../../app/status-pages';
import { PageHeader } from '../../components/page-header';
import { LinkButton } from '../../components/router-link';
import { useAllDepartments } from '../departments/use-departments';
import { type BulkAction, BulkActionModal } from './bulk-action-modal';
import { ColumnChooser } from './column-chooser';
import { defaultColumnIds, exportColumnOptions, filterFields, listColumns } from './contact-fields';
import type { ContactListSearch } from './contact-list-search';
import { ContactTable } from './contact-table';
import type { PersonListParams } from './contacts-api';
import { ExportModal } from './export-modal';
import { FilterBuilder } from './filter-builder';
import { SavedViewsMenu } from './saved-views-menu';
import type { Selection } from './selection';
import { SelectionBar } from './selection-bar';
import { usePeople, usePersonCustomFields } from './use-contacts';

const route = getRouteApi('/app/contacts');

/** "Publics": every person, searched, filtered, sorted, selected and acted upon in bulk. */
export function ContactListPage() {
  const { can } = useAuth();
  return can('contacts.read') ? <ContactList /> : <ForbiddenPage />;
}

function ContactList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const compact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const customFields = usePersonCustomFields().data ?? [];
  const departments = useAllDepartments();
  const departmentNames = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, d.name])),
    [departments.data],
  );

  const fields = filterFields(t, customFields);
  const columns = listColumns(t, customFields);
  const visibleIds = search.columns ?? defaultColumnIds;
  const visibleColumns = columns.filter((c) => c.id === 'lastName' || visibleIds.includes(c.id));
  const rules = search.filter?.all ?? [];

  const params: PersonListParams = useMemo(
    () => ({ q: search.q, sort: search.sort, filter: search.filter }),
    [search.q, search.sort, search.filter],
  );
  const list = usePeople(params);
  const total = list.data?.pages[0]?.total;

  const setSearch = (patch: Partial<ContactListSearch>, replace = false) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace });

  // Quick search: typed here, sent to the address (and the server) once the user pauses.
  const [typed, setTyped] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(typed.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text triggers
  useEffect(() => {
    if (debounced !== (search.q ?? '')) setSearch({ q: debounced || undefined }, true);
  }, [debounced]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the address (back/forward, views)
  useEffect(() => {
    if ((search.q ?? '') !== debounced) setTyped(search.q ?? '');
  }, [search.q]);

  const [filtersOpen, setFiltersOpen] = useState(rules.length > 0);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [action, setAction] = useState<BulkAction | null>(null);
  const [exporting, setExporting] = useState(false);
  // A new search, filter or sort is a new list: what was ticked no longer applies.
  const listKey = JSON.stringify(params);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key identifies the list
  useEffect(() => setSelection(null), [listKey]);

  const applyFilter = (all: FilterRule[]) => setSearch({ filter: all.length ? { all } : undefined });
  const exportOptions = exportColumnOptions(t, customFields);
  const initialExportColumns = visibleColumns.flatMap((c) => c.exportColumns);

  return (
    <>
      <PageHeader
        title={t('contacts.list.title')}
        description={
          <span aria-live="polite">
            {total === undefined
              ? t('contacts.list.description')
              : t(search.q || rules.length ? 'contacts.list.matching' : 'contacts.list.total', {
                  count: total,
                  formatted: formatNumber(total),
                })}
          </span>
        }
        actions={
          can('contacts.write') && (
            <LinkButton to="/contacts/new" leftSection={<IconUserPlus size={16} aria-hidden />}>
              {t('contacts.list.create')}
            </LinkButton>
          )
        }
      />
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('contacts.list.quickSearch')}
            placeholder={t('contacts.list.quickSearchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
            maw={{ sm: 420 }}
          />
          <Group gap="sm" wrap="wrap">
            <Button
              variant={filtersOpen ? 'light' : 'default'}
              leftSection={<IconFilter size={16} aria-hidden />}
              rightSection={
                rules.length > 0 && (
                  <Badge size="sm" circle>
                    {rules.length}
                  </Badge>
                )
              }
              onClick={() => setFiltersOpen((open) => !open)}
              aria-expanded={filtersOpen}
              aria-controls="contact-filters"
            >
              {t('contacts.filters.button')}
            </Button>
            <SavedViewsMenu
              currentId={search.view}
              definition={{ filter: search.filter, sort: search.sort, columns: search.columns }}
              onPick={(view) => {
                setFiltersOpen((view.definition.filter?.all.length ?? 0) > 0);
                void navigate({
                  search: {
                    q: undefined,
                    view: view.id,
                    filter: view.definition.filter,
                    sort: view.definition.sort,
                    columns: view.definition.columns,
                  },
                });
              }}
              onDeleted={() => setSearch({ view: undefined })}
            />
            {!compact && (
              <ColumnChooser
                columns={columns}
                visible={visibleColumns.map((c) => c.id)}
                onChange={(ids) => setSearch({ columns: ids })}
              />
            )}
          </Group>
        </Group>
        <Collapse expanded={filtersOpen} id="contact-filters">
          <FilterBuilder
            // Re-read the rules whenever they change from outside (a view, back/forward).
            key={JSON.stringify(rules)}
            fields={fields}
            rules={rules}
            onApply={applyFilter}
          />
        </Collapse>
        <SelectionBar
          selection={selection}
          total={total}
          quickSearch={Boolean(search.q)}
          onSelectAll={() => total !== undefined && setSelection({ kind: 'all', count: total })}
          onClear={() => setSelection(null)}
          onAction={(chosen) => (chosen === 'export' ? setExporting(true) : setAction(chosen))}
        />
        <ContactTable
          list={list}
          columns={visibleColumns}
          sort={search.sort}
          onSortChange={(sort) => setSearch({ sort })}
          selection={selection}
          onSelectionChange={setSelection}
          departments={departmentNames}
          compact={compact}
          emptyText={search.q || rules.length ? t('contacts.list.noMatch') : t('contacts.list.empty')}
        />
      </Stack>
      {selection && (
        <BulkActionModal
          action={action}
          selection={selection}
          params={params}
          onClose={() => setAction(null)}
          onDone={() => setSelection(null)}
        />
      )}
      {selection && exporting && (
        <ExportModal
          opened
          selection={selection}
          params={params}
          options={exportOptions}
          initialColumns={initialExportColumns}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}
