import { ActionIcon, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDateTime, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { RecordPicker } from '../contact-record/record-picker';
import { fullName } from '../contacts/contact-cells';
import { MembersTable } from './members-table';
import { BackToSegments } from './segment-page';
import { useChangeListMembers, useList, useListMembers, useSegment } from './use-segments';

const route = getRouteApi('/app/segments/lists/$listId');

/** « Figée à partir de Spectateurs parisiens », linked; the segment may have been deleted since. */
function SourceSegment({ id }: { id: string }) {
  const { t } = useTranslation();
  const segment = useSegment(id);
  return (
    <Text size="sm" mb="md">
      {segment.data ? (
        <>
          {t('segments.lists.frozenFrom')}{' '}
          <LinkAnchor to="/segments/$segmentId" params={{ segmentId: id }} underline="always">
            {segment.data.name}
          </LinkAnchor>
        </>
      ) : (
        t('segments.lists.frozenFromDeleted')
      )}
    </Text>
  );
}

/** A static list: its people, with adding (by search) and removing one by one. */
export function ListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { listId } = route.useParams();
  const list = useList(listId);
  const members = useListMembers(listId);
  const change = useChangeListMembers(listId);
  const [personId, setPersonId] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const writable = can('segments.write');

  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return null;
  const { data } = list;

  const add = async () => {
    if (!personId) return;
    const result = await change.mutateAsync({ add: [personId] });
    notifications.show({
      color: 'green',
      message: result.added ? t('segments.lists.added') : t('segments.lists.alreadyIn'),
    });
    setPersonId(null);
    setPickerKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <>
            {data.description && <>{data.description} · </>}
            {t('segments.count.people', {
              count: data.memberCount,
              formatted: formatNumber(data.memberCount),
            })}
            {' · '}
            {t('segments.lists.updated', { date: formatDateTime(data.updatedAt) })}
          </>
        }
        back={<BackToSegments lists />}
      />
      {data.sourceSegmentId && <SourceSegment id={data.sourceSegmentId} />}
      {writable && (
        <Paper withBorder p="md" radius="sm" mb="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void add().catch(() => undefined);
            }}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <div style={{ flex: '1 1 18rem' }}>
                <RecordPicker
                  key={pickerKey}
                  kind="person"
                  label={t('segments.lists.addPerson')}
                  value={personId}
                  onChange={setPersonId}
                />
              </div>
              <Button
                type="submit"
                leftSection={<IconUserPlus size={16} aria-hidden />}
                disabled={!personId}
                loading={change.isPending}
              >
                {t('segments.lists.add')}
              </Button>
            </Group>
          </form>
          <ErrorAlert error={change.error} />
        </Paper>
      )}
      <MembersTable
        list={members}
        label={t('segments.page.membersOf', { name: data.name })}
        action={
          writable
            ? {
                accessor: 'actions',
                title: <span className="visually-hidden">{t('common.actions')}</span>,
                textAlign: 'right',
                render: (person) => (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('segments.lists.removeNamed', { name: fullName(person) })}
                    onClick={() =>
                      void change
                        .mutateAsync({ remove: [person.id] })
                        .then(() =>
                          notifications.show({ color: 'green', message: t('segments.lists.removed') }),
                        )
                        .catch(() => undefined)
                    }
                  >
                    <IconUserMinus size={18} aria-hidden />
                  </ActionIcon>
                ),
              }
            : undefined
        }
      />
    </>
  );
}
