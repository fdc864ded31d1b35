import { ActionIcon, Anchor, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { DepartmentFormModal } from './department-form-modal';
import type { Department } from './departments-api';
import { useDeleteDepartment, useDepartments } from './use-departments';

export function DepartmentListPage() {
  const { t } = useTranslation();
  const list = useDepartments();
  const remove = useDeleteDepartment();
  const [editing, setEditing] = useState<Department | null>(null);
  const [formOpened, setFormOpened] = useState(false);
  const [deleting, setDeleting] = useState<Department | null>(null);

  const openForm = (department: Department | null) => {
    setEditing(department);
    setFormOpened(true);
  };

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        description={t('departments.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openForm(null)}>
            {t('departments.create')}
          </Button>
        }
      />
      <CursorDataTable<Department>
        list={list}
        label={t('departments.title')}
        noRecordsText={t('departments.empty')}
        columns={[
          {
            accessor: 'name',
            title: t('fields.name'),
            render: (d) => (
              <Anchor component="button" type="button" fw={500} ta="left" onClick={() => openForm(d)}>
                {d.name}
              </Anchor>
            ),
          },
          { accessor: 'code', title: t('fields.code'), render: (d) => <Text ff="monospace">{d.code}</Text> },
          {
            accessor: 'description',
            title: t('fields.description'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (d) => d.description ?? '—',
          },
          {
            accessor: 'actions',
            title: <span className="visually-hidden">{t('common.actions')}</span>,
            textAlign: 'right',
            render: (d) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('departments.editNamed', { name: d.name })}
                  onClick={() => openForm(d)}
                >
                  <IconPencil size={18} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('departments.deleteNamed', { name: d.name })}
                  onClick={() => setDeleting(d)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ),
          },
        ]}
      />
      <DepartmentFormModal opened={formOpened} onClose={() => setFormOpened(false)} department={editing} />
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('departments.deleteTitle')}
        message={t('departments.deleteConfirm', { name: deleting?.name ?? '' })}
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          notifications.show({ color: 'green', message: t('departments.deleted') });
        }}
      />
    </>
  );
}
