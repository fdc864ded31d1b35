import { Button, Group, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDate, formatDateTime } from '../../app/format';
import { ForbiddenPage } from '../../app/status-pages';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { UserName } from '../contact-record/user-name';
import type { TrashItem, TrashKind } from './trash-api';
import { useTrash, useTrashActions } from './use-trash';

function ItemLink({ kind, item }: { kind: TrashKind; item: TrashItem }) {
  return kind === 'person' ? (
    <LinkAnchor to="/contacts/$personId" params={{ personId: item.id }}>
      {item.name}
    </LinkAnchor>
  ) : (
    <LinkAnchor to="/organisations/$organisationId" params={{ organisationId: item.id }}>
      {item.name}
    </LinkAnchor>
  );
}

function TrashTable({ kind }: { kind: TrashKind }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useTrash(kind);
  const { restore, purge } = useTrashActions(kind);
  const [purging, setPurging] = useState<TrashItem | null>(null);

  const doRestore = (item: TrashItem) =>
    restore.mutate(item.id, {
      onSuccess: () =>
        notifications.show({ color: 'green', message: t('trash.restored', { name: item.name }) }),
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });

  return (
    <>
      <CursorDataTable<TrashItem>
        list={list}
        label={kind === 'person' ? t('trash.people') : t('trash.organisations')}
        noRecordsText={t('trash.empty')}
        columns={[
          {
            accessor: 'name',
            title: t('trash.name'),
            render: (item) => <ItemLink kind={kind} item={item} />,
          },
          {
            accessor: 'deletedAt',
            title: t('trash.deleted'),
            render: (item) => (
              <Text size="sm">
                {formatDateTime(item.deletedAt)} <UserName id={item.deletedBy} />
              </Text>
            ),
          },
          { accessor: 'purgeAt', title: t('trash.purgeAt'), render: (item) => formatDate(item.purgeAt) },
          {
            accessor: 'actions',
            title: t('common.actions'),
            textAlign: 'right',
            render: (item) => (
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRestore size={14} aria-hidden />}
                  loading={restore.isPending && restore.variables === item.id}
                  onClick={() => doRestore(item)}
                  aria-label={t('trash.restoreNamed', { name: item.name })}
                >
                  {t('trash.restore')}
                </Button>
                {can('admin.contacts_purge') && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setPurging(item)}
                    aria-label={t('trash.purgeNamed', { name: item.name })}
                  >
                    {t('trash.purge')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
      <ConfirmDeleteModal
        opened={purging !== null}
        onClose={() => setPurging(null)}
        title={t('trash.purgeTitle')}
        message={t('trash.purgeMessage', { name: purging?.name ?? '' })}
        confirmLabel={t('trash.purge')}
        onConfirm={() => (purging ? purge.mutateAsync(purging.id) : Promise.resolve())}
      />
    </>
  );
}

/** /contacts/trash: people and organisations deleted in the last 30 days. */
export function TrashPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [kind, setKind] = useState<TrashKind>('person');
  if (!can('contacts.delete')) return <ForbiddenPage />;
  return (
    <>
      <PageHeader title={t('trash.title')} description={t('trash.description')} />
      <Tabs value={kind} onChange={(value) => setKind((value as TrashKind) ?? 'person')}>
        <Tabs.List mb="md">
          <Tabs.Tab value="person">{t('trash.people')}</Tabs.Tab>
          <Tabs.Tab value="organisation">{t('trash.organisations')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="person">{kind === 'person' && <TrashTable kind="person" />}</Tabs.Panel>
        <Tabs.Panel value="organisation">
          {kind === 'organisation' && <TrashTable kind="organisation" />}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
