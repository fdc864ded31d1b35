import { ActionIcon, Badge, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconFilter, IconList, IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { useAuth } from '../../app/auth';
import { formatDateTime, formatNumber } from '../../app/format';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor, LinkButton } from '../../components/router-link';
import type { Segment } from './segments-api';
import { useCreateSegment, useDeleteSegment, useSegmentCount, useSegments } from './use-segments';

/** « Segments » and « Listes », the two tabs of the audiences page. */
export function AudienceTabs({ active }: { active: 'segments' | 'lists' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      mb="lg"
      onChange={(value) => void navigate({ to: value === 'lists' ? '/segments/lists' : '/segments' })}
    >
      <Tabs.List>
        <Tabs.Tab value="segments" leftSection={<IconFilter size={16} aria-hidden />}>
          {t('segments.tabs.segments')}
        </Tabs.Tab>
        <Tabs.Tab value="lists" leftSection={<IconList size={16} aria-hidden />}>
          {t('segments.tabs.lists')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}

/** Today's count of a saved segment, asked for each row (segments are evaluated when used). */
function SegmentCount({ id }: { id: string }) {
  const { t } = useTranslation();
  const count = useSegmentCount(id);
  if (count.isPending) return <Loader size="xs" aria-label={t('segments.count.updating')} />;
  if (count.isError) return <Text c="dimmed">—</Text>;
  return (
    <Text span fw={500} style={{ whiteSpace: 'nowrap' }}>
      {t('segments.count.people', { count: count.data.count, formatted: formatNumber(count.data.count) })}
    </Text>
  );
}

export function SegmentListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useSegments();
  const remove = useDeleteSegment();
  const create = useCreateSegment();
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const writable = can('segments.write');

  const duplicate = async (segment: Segment) => {
    try {
      const { id } = await create.mutateAsync({
        name: t('segments.list.copyName', { name: segment.name }).slice(0, 200),
        description: segment.description,
        criteria: segment.criteria,
      });
      notifications.show({ color: 'green', message: t('segments.list.duplicated') });
      await navigate({ to: '/segments/$segmentId', params: { segmentId: id } });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    }
  };

  return (
    <>
      <PageHeader
        title={t('segments.title')}
        description={t('segments.description')}
        actions={
          writable && (
            <LinkButton to="/segments/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('segments.list.create')}
            </LinkButton>
          )
        }
      />
      <AudienceTabs active="segments" />
      <CursorDataTable<Segment>
        list={list}
        label={t('segments.tabs.segments')}
        noRecordsText={t('segments.list.empty')}
        columns={[
          {
            accessor: 'name',
            title: t('segments.list.name'),
            render: (s) => (
              <Stack gap={2}>
                <LinkAnchor to="/segments/$segmentId" params={{ segmentId: s.id }} fw={500}>
                  {s.name}
                </LinkAnchor>
                {s.description && (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {s.description}
                  </Text>
                )}
              </Stack>
            ),
          },
          { accessor: 'count', title: t('segments.list.count'), render: (s) => <SegmentCount id={s.id} /> },
          {
            accessor: 'type',
            title: t('segments.list.type'),
            visibleMediaQuery: '(min-width: 48em)',
            render: () => (
              <Badge variant="light" tt="none">
                {t('segments.list.dynamic')}
              </Badge>
            ),
          },
          {
            accessor: 'updatedAt',
            title: t('segments.list.updatedAt'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (s) => formatDateTime(s.updatedAt),
          },
          {
            accessor: 'actions',
            title: <span className="visually-hidden">{t('common.actions')}</span>,
            textAlign: 'right',
            hidden: !writable,
            render: (s) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('segments.list.duplicateNamed', { name: s.name })}
                  loading={create.isPending && create.variables?.criteria === s.criteria}
                  onClick={() => void duplicate(s)}
                >
                  <IconCopy size={18} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('segments.list.deleteNamed', { name: s.name })}
                  onClick={() => setDeleting(s)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ),
          },
        ]}
      />
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('segments.list.deleteTitle')}
        message={t('segments.list.deleteConfirm', { name: deleting?.name ?? '' })}
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          notifications.show({ color: 'green', message: t('segments.list.deleted') });
        }}
      />
    </>
  );
}
