import { Button, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFilter, IconListDetails, IconSnowflake, IconUsers } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDate, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { AddToListModal } from './add-to-list-modal';
import { ListFormModal } from './list-form-modal';
import { MembersTable } from './members-table';
import { SegmentEditor } from './segment-editor';
import { useSegment, useSegmentCount, useSegmentMembers, useSnapshotSegment } from './use-segments';

const route = getRouteApi('/app/segments/$segmentId');

export function BackToSegments({ lists = false }: { lists?: boolean }) {
  const { t } = useTranslation();
  return (
    <LinkAnchor to={lists ? '/segments/lists' : '/segments'} size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
      {lists ? t('segments.lists.back') : t('segments.back')}
    </LinkAnchor>
  );
}

export function SegmentCreatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('segments.editor.newTitle')} back={<BackToSegments />} />
      <SegmentEditor />
    </>
  );
}

/** A saved segment: its criteria (editable, with the live count) and the people it holds today. */
export function SegmentPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { segmentId } = route.useParams();
  const segment = useSegment(segmentId);
  const count = useSegmentCount(segmentId);
  const members = useSegmentMembers(segmentId);
  const snapshot = useSnapshotSegment(segmentId);
  const [tab, setTab] = useState<string | null>('criteria');
  const [freezing, setFreezing] = useState(false);
  const [adding, setAdding] = useState(false);

  if (segment.isError) return <ErrorAlert error={segment.error} onRetry={() => void segment.refetch()} />;
  if (!segment.data) return null;

  const total = count.data?.count;
  return (
    <>
      <PageHeader
        title={segment.data.name}
        description={segment.data.description ?? undefined}
        back={<BackToSegments />}
        actions={
          can('segments.write') && (
            <>
              <Button
                variant="default"
                leftSection={<IconSnowflake size={16} aria-hidden />}
                onClick={() => setFreezing(true)}
              >
                {t('segments.snapshot.action')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconListDetails size={16} aria-hidden />}
                onClick={() => setAdding(true)}
              >
                {t('segments.addToList.action')}
              </Button>
            </>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="criteria" leftSection={<IconFilter size={16} aria-hidden />}>
            {t('segments.page.criteria')}
          </Tabs.Tab>
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} aria-hidden />}>
            {total === undefined
              ? t('segments.page.members')
              : t('segments.page.membersCount', { count: total, formatted: formatNumber(total) })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="criteria">
          <SegmentEditor key={segment.data.id} segment={segment.data} />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersTable list={members} label={t('segments.page.membersOf', { name: segment.data.name })} />
        </Tabs.Panel>
      </Tabs>
      <AddToListModal opened={adding} onClose={() => setAdding(false)} segmentId={segmentId} count={total} />
      <ListFormModal
        opened={freezing}
        onClose={() => setFreezing(false)}
        title={t('segments.snapshot.title')}
        submitLabel={t('segments.snapshot.submit')}
        initialName={t('segments.snapshot.defaultName', {
          name: segment.data.name,
          date: formatDate(new Date().toISOString()),
        }).slice(0, 200)}
        onSubmit={async (input) => {
          const list = await snapshot.mutateAsync(input);
          notifications.show({
            color: 'green',
            message: t('segments.snapshot.done', { count: list.memberCount }),
          });
          await navigate({ to: '/segments/lists/$listId', params: { listId: list.id } });
        }}
      />
    </>
  );
}
