import { Badge, Group, Text } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor, LinkButton } from '../../components/router-link';
import type { Role } from './roles-api';
import { useRoles } from './use-roles';

export function RoleListPage() {
  const { t } = useTranslation();
  const list = useRoles();

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        description={t('roles.description')}
        actions={
          <LinkButton to="/admin/roles/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('roles.create')}
          </LinkButton>
        }
      />
      <CursorDataTable<Role>
        list={list}
        label={t('roles.title')}
        noRecordsText={t('roles.empty')}
        columns={[
          {
            accessor: 'name',
            title: t('fields.name'),
            render: (role) => (
              <Group gap={6} wrap="nowrap">
                <LinkAnchor to="/admin/roles/$roleId" params={{ roleId: role.id }} fw={500}>
                  {role.name}
                </LinkAnchor>
                {role.builtIn && (
                  <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />}>
                    {t('roles.builtIn')}
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            accessor: 'code',
            title: t('fields.code'),
            render: (role) => <Text ff="monospace">{role.code}</Text>,
          },
          {
            accessor: 'permissions',
            title: t('roles.permissions'),
            render: (role) => t('roles.permissionCount', { count: role.permissions.length }),
          },
        ]}
      />
    </>
  );
}
