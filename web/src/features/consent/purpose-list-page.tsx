import { ActionIcon, Badge, Button, Group, type MantineTheme, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconHistory, IconPencil, IconPlus } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { useAuth } from '../../app/auth';
import { ForbiddenPage } from '../../app/status-pages';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import type { Purpose } from './consent-api';
import { purposeName } from './consent-labels';
import { PurposeFormModal } from './purpose-form-modal';
import { PurposeWordingsDrawer } from './purpose-wordings-drawer';
import { usePurposes, useUpdatePurpose } from './use-consent';

/** /privacy/purposes: the purposes (finalités), their legal basis, channels and versioned wording. */
export function PurposeListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const allowed = can('purposes.manage');
  const [showArchived, setShowArchived] = useState(true);
  const purposes = usePurposes(showArchived, allowed);
  const update = useUpdatePurpose();
  const [editing, setEditing] = useState<Purpose | 'new' | null>(null);
  const [history, setHistory] = useState<Purpose | null>(null);
  const [archiving, setArchiving] = useState<Purpose | null>(null);
  if (!allowed) return <ForbiddenPage />;
  const records = purposes.data ?? [];
  const wide = (theme: MantineTheme) => `(min-width: ${theme.breakpoints.sm})`;

  const setArchived = async (purpose: Purpose, archived: boolean) => {
    await update.mutateAsync({ id: purpose.id, version: purpose.version, patch: { archived } });
    notifications.show({
      color: 'green',
      message: archived ? t('consent.purposes.archivedDone') : t('consent.purposes.unarchivedDone'),
    });
  };

  return (
    <>
      <PageHeader
        title={t('consent.purposes.title')}
        description={t('consent.purposes.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('consent.purposes.add')}
          </Button>
        }
      />
      <Switch
        mb="sm"
        label={t('consent.purposes.showArchived')}
        checked={showArchived}
        onChange={(event) => setShowArchived(event.currentTarget.checked)}
      />
      {purposes.isError ? (
        <ErrorAlert error={purposes.error} onRetry={() => void purposes.refetch()} />
      ) : (
        <DataTable<Purpose>
          aria-label={t('consent.purposes.tableLabel')}
          withTableBorder
          borderRadius="sm"
          striped
          minHeight={records.length ? undefined : 140}
          fetching={purposes.isLoading}
          records={records}
          noRecordsText={t('consent.purposes.empty')}
          columns={[
            {
              accessor: 'name',
              title: t('consent.purposes.name'),
              render: (p) => (
                <div>
                  <Text size="sm" fw={500}>
                    {purposeName(p)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <code>{p.code}</code>
                  </Text>
                  {/* On a phone the other columns are folded under the name. */}
                  <Text size="xs" hiddenFrom="sm" mt={4}>
                    {[
                      t(`consent.legalBasis.${p.legalBasis}`),
                      p.channels.map((c) => t(`consent.channel.${c}`)).join(', '),
                      t('consent.purposes.versionShort', { version: p.currentWording.version }),
                      p.archived ? t('consent.purposes.archived') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </div>
              ),
            },
            {
              accessor: 'legalBasis',
              visibleMediaQuery: wide,
              title: t('consent.purposes.legalBasis'),
              render: (p) => t(`consent.legalBasis.${p.legalBasis}`),
            },
            {
              accessor: 'channels',
              visibleMediaQuery: wide,
              title: t('consent.purposes.channels'),
              render: (p) => p.channels.map((c) => t(`consent.channel.${c}`)).join(', '),
            },
            {
              accessor: 'currentWording',
              visibleMediaQuery: wide,
              title: t('consent.purposes.wordingVersion'),
              render: (p) => t('consent.purposes.versionShort', { version: p.currentWording.version }),
            },
            {
              accessor: 'archived',
              visibleMediaQuery: wide,
              title: t('consent.purposes.state'),
              render: (p) =>
                p.archived ? (
                  <Badge color="gray" variant="light" tt="none">
                    {t('consent.purposes.archived')}
                  </Badge>
                ) : (
                  <Badge color="green" variant="light" tt="none">
                    {t('consent.purposes.active')}
                  </Badge>
                ),
            },
            {
              accessor: 'actions',
              title: t('common.actions'),
              textAlign: 'right',
              render: (p) => {
                const name = purposeName(p);
                return (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('consent.purposes.edit', { name })}
                      onClick={() => setEditing(p)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('consent.purposes.history', { name })}
                      onClick={() => setHistory(p)}
                    >
                      <IconHistory size={16} aria-hidden />
                    </ActionIcon>
                    {p.archived ? (
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('consent.purposes.unarchive', { name })}
                        loading={update.isPending && update.variables?.id === p.id}
                        onClick={() =>
                          void setArchived(p, false).catch((error: unknown) =>
                            notifications.show({ color: 'red', message: errorMessage(error) }),
                          )
                        }
                      >
                        <IconArchiveOff size={16} aria-hidden />
                      </ActionIcon>
                    ) : (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('consent.purposes.archive', { name })}
                        onClick={() => setArchiving(p)}
                      >
                        <IconArchive size={16} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                );
              },
            },
          ]}
        />
      )}
      {editing && (
        <PurposeFormModal
          opened
          onClose={() => setEditing(null)}
          purpose={editing === 'new' ? null : editing}
        />
      )}
      <PurposeWordingsDrawer purpose={history} onClose={() => setHistory(null)} />
      <ConfirmDeleteModal
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        title={t('consent.purposes.archiveTitle')}
        message={t('consent.purposes.archiveMessage', { name: purposeName(archiving ?? undefined) })}
        confirmLabel={t('consent.purposes.archiveConfirm')}
        onConfirm={async () => {
          if (archiving) await setArchived(archiving, true);
        }}
      />
    </>
  );
}
