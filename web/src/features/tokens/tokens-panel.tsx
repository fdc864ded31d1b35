import { Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { CursorDataTable } from '../../components/data-table';
import { LinkAnchor } from '../../components/router-link';
import { useUser } from '../users/use-users';
import { type ScopeOption, TokenCreateModal } from './token-create-modal';
import { TokenStateBadge } from './token-state-badge';
import { type ApiToken, tokenState } from './tokens-api';
import { useRevokeToken, useTokens } from './use-tokens';

function OwnerName({ userId }: { userId: string }) {
  const user = useUser(userId);
  return (
    <LinkAnchor to="/admin/users/$userId" params={{ userId }} size="sm">
      {user.data?.name ?? '…'}
    </LinkAnchor>
  );
}

interface TokensPanelProps {
  /** Restrict to one user's tokens; omitted on the administration page (every token). */
  userId?: string;
  scopes: ScopeOption[];
  /** Administration mode: owner column and creating tokens for other users. */
  admin?: boolean;
}

/** List of API tokens with creation (secret shown once) and revocation. */
export function TokensPanel({ userId, scopes: permissionScopes, admin }: TokensPanelProps) {
  const { t } = useTranslation();
  const scopes = [{ value: '*', label: t('tokens.allScopes') }, ...permissionScopes];
  const list = useTokens(userId);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const scopeLabels = new Map(scopes.map((s) => [s.value, s.label]));

  const columns: DataTableColumn<ApiToken>[] = [
    {
      accessor: 'name',
      title: t('fields.name'),
      render: (token) => (
        <div>
          <Text size="sm" fw={500}>
            {token.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {token.prefix}…
          </Text>
        </div>
      ),
    },
    ...(admin
      ? [
          {
            accessor: 'userId',
            title: t('tokens.owner'),
            visibleMediaQuery: '(min-width: 36em)',
            render: (token: ApiToken) => <OwnerName userId={token.userId} />,
          },
        ]
      : []),
    {
      accessor: 'scopes',
      title: t('tokens.scopes'),
      visibleMediaQuery: '(min-width: 48em)',
      render: (token) => (
        <Tooltip label={token.scopes.map((s) => scopeLabels.get(s) ?? s).join(', ')} multiline w={320}>
          <Text size="sm" tabIndex={0} style={{ cursor: 'help' }}>
            {t('tokens.scopeCount', { count: token.scopes.length })}
          </Text>
        </Tooltip>
      ),
    },
    {
      accessor: 'lastUsedAt',
      title: t('tokens.lastUsed'),
      visibleMediaQuery: '(min-width: 62em)',
      render: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.neverUsed')),
    },
    {
      accessor: 'expiresAt',
      title: t('tokens.expires'),
      visibleMediaQuery: '(min-width: 62em)',
      render: (token) => (token.expiresAt ? formatDate(token.expiresAt) : t('tokens.noExpiry')),
    },
    {
      accessor: 'state',
      title: t('fields.status'),
      noWrap: true,
      render: (token) => <TokenStateBadge state={tokenState(token)} />,
    },
    {
      accessor: 'actions',
      title: t('common.actions'),
      textAlign: 'right',
      render: (token) =>
        tokenState(token) === 'active' && (
          <Button
            size="xs"
            variant="light"
            color="red"
            aria-label={t('tokens.revokeNamed', { name: token.name })}
            onClick={() => setRevoking(token)}
          >
            {t('tokens.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify={admin ? 'flex-end' : 'space-between'}>
        {!admin && (
          <Text size="sm" c="dimmed" maw={640}>
            {t('tokens.intro')}
          </Text>
        )}
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      </Group>
      <CursorDataTable<ApiToken>
        list={list}
        label={t('tokens.title')}
        noRecordsText={t('tokens.empty')}
        columns={columns}
      />
      <TokenCreateModal
        opened={creating}
        onClose={() => setCreating(false)}
        scopes={scopes}
        allowOtherUser={admin}
      />
      <ConfirmDeleteModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking.id);
          notifications.show({ color: 'green', icon: <IconKey size={16} />, message: t('tokens.revoked') });
        }}
      />
    </Stack>
  );
}
