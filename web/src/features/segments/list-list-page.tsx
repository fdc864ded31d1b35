import { ActionIcon, Badge, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDateTime, formatNumber } from '../../app/format';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { ListFormModal } from './list-form-modal';
import { AudienceTabs } from './segment-list-page';
import type { StaticList } from './segments-api';
import { useCreateList, useDeleteList, useLists } from './use-segments';

/** Static lists: hand-picked people or a segment frozen at a date. */
export function ListListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useLists();
  const create = useCreateList();
  const remove = useDeleteList();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<StaticList | null>(null);
  const writable = can('segments.write');

  return (
    <>
      <PageHeader
        title={t('segments.title')}
        description={t('segments.description')}
        actions={
          writable && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('segments.lists.create')}
            </Button>
          )
        }
      />
      <AudienceTabs active="lists" />
      <CursorDataTable<StaticList>
        list={list}
        label={t('segments.tabs.lists')}
        noRecordsText={t('segments.lists.empty')}
        columns={[
          {
            accessor: 'name',
            title: t('segments.list.name'),
            render: (l) => (
              <Stack gap={2}>
                <LinkAnchor to="/segments/lists/$listId" params={{ listId: l.id }} fw={500}>
                  {l.name}
                </LinkAnchor>
                {l.description && (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {l.description}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            accessor: 'memberCount',
            title: t('segments.list.count'),
            render: (l) => (
              <Text span fw={500} style={{ whiteSpace: 'nowrap' }}>
                {t('segments.count.people', { count: l.memberCount, formatted: formatNumber(l.memberCount) })}
              </Text>
            ),
          },
          {
            accessor: 'type',
            title: t('segments.list.type'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (l) => (
              <Badge variant="light" color="gray" tt="none">
                {l.sourceSegmentId ? t('segments.lists.frozen') : t('segments.lists.static')}
              </Badge>
            ),
          },
          {
            accessor: 'updatedAt',
            title: t('segments.list.updatedAt'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (l) => formatDateTime(l.updatedAt),
          },
          {
            accessor: 'actions',
            title: <span className="visually-hidden">{t('common.actions')}</span>,
            textAlign: 'right',
            hidden: !writable,
            render: (l) => (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('segments.lists.deleteNamed', { name: l.name })}
                onClick={() => setDeleting(l)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            ),
          },
        ]}
      />
      <ListFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('segments.lists.createTitle')}
        submitLabel={t('common.create')}
        onSubmit={async (input) => {
          const created = await create.mutateAsync(input);
          notifications.show({ color: 'green', message: t('segments.lists.created') });
          await navigate({ to: '/segments/lists/$listId', params: { listId: created.id } });
        }}
      />
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('segments.lists.deleteTitle')}
        message={t('segments.lists.deleteConfirm', { name: deleting?.name ?? '' })}
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          notifications.show({ color: 'green', message: t('segments.lists.deleted') });
        }}
      />
    </>
  );
}
