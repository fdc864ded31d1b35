import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconPencil } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { LinkButton } from '../../components/router-link';
import type { Organisation } from './organisations-api';
import { useDeleteOrganisation } from './use-organisations';

/** Modifier and, in a menu, trash and permanent deletion. */
export function OrganisationActions({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const remove = useDeleteOrganisation();
  const [confirm, setConfirm] = useState<'trash' | 'purge' | null>(null);
  const { name } = organisation;
  const canDelete = can('contacts.delete') && !organisation.deletedAt;
  const canPurge = can('admin.contacts_purge');

  const destroy = async () => {
    await remove.mutateAsync({ id: organisation.id, permanent: confirm === 'purge' });
    notifications.show({
      color: 'green',
      message:
        confirm === 'purge' ? t('organisations.purged', { name }) : t('organisations.trashed', { name }),
    });
    void navigate({ to: confirm === 'purge' ? '/' : '/contacts/trash' });
  };

  return (
    <>
      {can('contacts.write') && (
        <LinkButton
          to="/organisations/$organisationId/edit"
          params={{ organisationId: organisation.id }}
          leftSection={<IconPencil size={16} aria-hidden />}
        >
          {t('contactRecord.edit')}
        </LinkButton>
      )}
      {(canDelete || canPurge) && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
              {t('contactRecord.moreActions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {canDelete && (
              <Menu.Item color="red" onClick={() => setConfirm('trash')}>
                {t('contactRecord.delete')}
              </Menu.Item>
            )}
            {canPurge && (
              <Menu.Item color="red" onClick={() => setConfirm('purge')}>
                {t('contactRecord.purge')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      <ConfirmDeleteModal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'purge' ? t('organisations.purgeTitle') : t('organisations.deleteTitle')}
        message={
          confirm === 'purge'
            ? t('organisations.purgeMessage', { name })
            : t('organisations.deleteMessage', { name })
        }
        confirmLabel={confirm === 'purge' ? t('contactRecord.purge') : t('contactRecord.delete')}
        onConfirm={destroy}
      />
    </>
  );
}
