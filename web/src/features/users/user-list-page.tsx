import { Badge, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor, LinkButton } from '../../components/router-link';
import { useAllDepartments } from '../departments/use-departments';
import { useAllRoles } from '../roles/use-roles';
import { useUsers } from './use-users';
import { UserStatusBadge } from './user-status-badge';
import type { User } from './users-api';

function names(ids: string[], lookup: Map<string, string>): string {
  return ids.map((id) => lookup.get(id) ?? '…').join(', ') || '—';
}

export function UserListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useUsers(q);
  const roles = useAllRoles();
  const departments = useAllDepartments();
  const roleNames = new Map((roles.data ?? []).map((r) => [r.id, r.name]));
  const departmentNames = new Map((departments.data ?? []).map((d) => [d.id, d.name]));

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <LinkButton to="/admin/users/new" leftSection={<IconUserPlus size={16} aria-hidden />}>
            {t('users.create')}
          </LinkButton>
        }
      />
      <TextInput
        type="search"
        label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
        mb="md"
      />
      <CursorDataTable<User>
        list={list}
        label={t('users.title')}
        noRecordsText={q ? t('users.noMatch') : t('users.empty')}
        columns={[
          {
            accessor: 'name',
            title: t('fields.name'),
            render: (user) => (
              <div>
                <LinkAnchor to="/admin/users/$userId" params={{ userId: user.id }} fw={500}>
                  {user.name}
                </LinkAnchor>
                <Text size="xs" c="dimmed" hiddenFrom="md">
                  {user.email}
                </Text>
              </div>
            ),
          },
          { accessor: 'email', title: t('fields.email'), visibleMediaQuery: '(min-width: 62em)' },
          {
            accessor: 'status',
            title: t('fields.status'),
            noWrap: true,
            render: (user) => (
              <Group gap={4} wrap="nowrap">
                <UserStatusBadge status={user.status} />
                {user.totpEnabled && (
                  <Badge variant="outline" color="gray" title={t('users.totpEnabled')}>
                    2FA
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            accessor: 'roleIds',
            title: t('users.roles'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (user) => names(user.roleIds, roleNames),
          },
          {
            accessor: 'departmentIds',
            title: t('users.departments'),
            visibleMediaQuery: '(min-width: 75em)',
            render: (user) => names(user.departmentIds, departmentNames),
          },
          {
            accessor: 'lastLoginAt',
            title: t('users.lastLogin'),
            visibleMediaQuery: '(min-width: 62em)',
            render: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')),
          },
        ]}
      />
    </>
  );
}
