import { ActionIcon, Badge, Button, Group, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ForbiddenPage } from '../../app/status-pages';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { CustomFieldFormModal } from './custom-field-form-modal';
import type { CustomField, CustomFieldEntity } from './custom-fields-api';
import { useCustomFields, useDeleteCustomField } from './use-custom-fields';

function FieldTable({ entity }: { entity: CustomFieldEntity }) {
  const { t } = useTranslation();
  const fields = useCustomFields(entity);
  const remove = useDeleteCustomField();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const records = fields.data ?? [];
  const entityLabel =
    entity === 'person' ? t('customFields.entityPerson') : t('customFields.entityOrganisation');

  if (fields.isError) return <ErrorAlert error={fields.error} onRetry={() => void fields.refetch()} />;

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('customFields.add')}
        </Button>
      </Group>
      <DataTable<CustomField>
        aria-label={t('customFields.tableLabel', { entity: entityLabel.toLowerCase() })}
        withTableBorder
        borderRadius="sm"
        striped
        minHeight={records.length ? undefined : 140}
        fetching={fields.isLoading}
        records={records}
        noRecordsText={t('customFields.empty')}
        columns={[
          { accessor: 'position', title: t('customFields.positionShort'), width: 80 },
          { accessor: 'label', title: t('customFields.label') },
          { accessor: 'key', title: t('customFields.key'), render: (f) => <code>{f.key}</code> },
          {
            accessor: 'type',
            title: t('customFields.type'),
            render: (f) => t(`customFields.types.${f.type}`),
          },
          {
            accessor: 'flags',
            title: t('customFields.flags'),
            render: (f) => (
              <Group gap={4}>
                {f.required && <Badge variant="light">{t('customFields.required')}</Badge>}
                {f.sensitive && (
                  <Badge variant="light" color="orange">
                    {t('customFields.sensitive')}
                  </Badge>
                )}
                {f.options.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {f.options.join(' · ')}
                  </Text>
                )}
              </Group>
            ),
          },
          {
            accessor: 'actions',
            title: t('common.actions'),
            textAlign: 'right',
            render: (f) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  aria-label={t('customFields.edit', { label: f.label })}
                  onClick={() => setEditing(f)}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('customFields.delete', { label: f.label })}
                  onClick={() => setDeleting(f)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ),
          },
        ]}
      />
      {editing && (
        <CustomFieldFormModal
          opened
          onClose={() => setEditing(null)}
          entity={entity}
          field={editing === 'new' ? null : editing}
          nextPosition={records.reduce((max, f) => Math.max(max, f.position + 10), 0)}
        />
      )}
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('customFields.deleteTitle')}
        message={t('customFields.deleteMessage', { label: deleting?.label ?? '' })}
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          notifications.show({ color: 'green', message: t('customFields.deleted') });
        }}
      />
    </>
  );
}

/** /admin/custom-fields: definitions of the custom fields of people and organisations. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [entity, setEntity] = useState<CustomFieldEntity>('person');
  if (!can('admin.custom_fields')) return <ForbiddenPage />;

  return (
    <>
      <PageHeader title={t('customFields.title')} description={t('customFields.description')} />
      <Tabs value={entity} onChange={(value) => setEntity((value as CustomFieldEntity) ?? 'person')}>
        <Tabs.List mb="md">
          <Tabs.Tab value="person">{t('customFields.entityPerson')}</Tabs.Tab>
          <Tabs.Tab value="organisation">{t('customFields.entityOrganisation')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="person">{entity === 'person' && <FieldTable entity="person" />}</Tabs.Panel>
        <Tabs.Panel value="organisation">
          {entity === 'organisation' && <FieldTable entity="organisation" />}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
