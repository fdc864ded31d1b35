import { ActionIcon, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { CursorDataTable } from '../../components/data-table';
import { type CatalogueFormConfig, CatalogueFormModal, type FormValues } from './catalogue-form-modal';
import { sourceLabel } from './source-label';
import type { CatalogueFilters, CatalogueKind, CatalogueRows } from './ticketing-api';
import { useCatalogueList, useDeleteCatalogueRow } from './use-ticketing';

interface CatalogueTabProps<K extends CatalogueKind, V extends FormValues> {
  kind: K;
  /** i18n prefix of the resource, e.g. `ticketing.seasons`. */
  labels: string;
  /** What names a row: the first column, which opens the form. */
  nameOf: (row: CatalogueRows[K]) => string;
  nameTitle: string;
  columns: DataTableColumn<CatalogueRows[K]>[];
  form: CatalogueFormConfig<K, V>;
  filters?: CatalogueFilters;
  /** Filter inputs shown above the table. */
  toolbar?: ReactNode;
}

/** One tab of « Programmation »: the list of a catalogue resource, its form and deletion. */
export function CatalogueTab<K extends CatalogueKind, V extends FormValues>({
  kind,
  labels,
  nameOf,
  nameTitle,
  columns,
  form,
  filters = {},
  toolbar,
}: CatalogueTabProps<K, V>) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('ticketing.write');
  const list = useCatalogueList(kind, filters);
  const remove = useDeleteCatalogueRow(kind);
  const [editing, setEditing] = useState<CatalogueRows[K] | null>(null);
  const [formOpened, setFormOpened] = useState(false);
  const [deleting, setDeleting] = useState<CatalogueRows[K] | null>(null);

  const openForm = (row: CatalogueRows[K] | null) => {
    setEditing(row);
    setFormOpened(true);
  };

  const all: DataTableColumn<CatalogueRows[K]>[] = [
    {
      accessor: 'name',
      title: nameTitle,
      render: (row) =>
        canWrite ? (
          <Anchor component="button" type="button" fw={500} ta="left" onClick={() => openForm(row)}>
            {nameOf(row)}
          </Anchor>
        ) : (
          <Text fw={500}>{nameOf(row)}</Text>
        ),
    },
    ...columns,
  ];
  if (kind !== 'price-categories') {
    all.push({
      accessor: 'source',
      title: t('ticketing.catalogue.origin'),
      visibleMediaQuery: '(min-width: 62em)',
      render: (row) => (
        <Text size="sm" c="dimmed">
          {'source' in row ? sourceLabel(row) : ''}
        </Text>
      ),
    });
  }
  if (canWrite) {
    all.push({
      accessor: 'actions',
      title: <span className="visually-hidden">{t('common.actions')}</span>,
      textAlign: 'right',
      render: (row) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('ticketing.catalogue.editNamed', { name: nameOf(row) })}
            onClick={() => openForm(row)}
          >
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('ticketing.catalogue.deleteNamed', { name: nameOf(row) })}
            onClick={() => setDeleting(row)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ),
    });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="flex-end" style={{ flex: '1 1 20rem' }}>
          {toolbar}
        </Group>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openForm(null)}>
            {t(`${labels}.create`)}
          </Button>
        )}
      </Group>
      <CursorDataTable<CatalogueRows[K]>
        list={list}
        label={t(`${labels}.title`)}
        noRecordsText={t(`${labels}.empty`)}
        columns={all}
      />
      <CatalogueFormModal
        kind={kind}
        labels={labels}
        config={form}
        opened={formOpened}
        onClose={() => setFormOpened(false)}
        row={editing}
      />
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t(`${labels}.deleteTitle`)}
        message={t('ticketing.catalogue.deleteConfirm', { name: deleting ? nameOf(deleting) : '' })}
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          notifications.show({ color: 'green', message: t('ticketing.catalogue.deleted') });
        }}
      />
    </Stack>
  );
}
