import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconPencil } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { useAuth } from '../../app/auth';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { LinkButton } from '../../components/router-link';
import { exportPersonVCard, type Person } from './contact-record-api';
import { saveBlob } from './download';
import { personTitle } from './person-name';
import { useDeletePerson } from './use-contact-record';

/** Modifier, Exporter la vCard and, in a menu, import, trash and permanent deletion. */
export function PersonActions({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const remove = useDeletePerson();
  const [confirm, setConfirm] = useState<'trash' | 'purge' | null>(null);
  const [exporting, setExporting] = useState(false);
  const name = personTitle(person);
  const canImport = can('contacts.write');
  const canTrash = can('contacts.delete') && !person.deletedAt;
  const canPurge = can('admin.contacts_purge');

  const exportVCard = async () => {
    setExporting(true);
    try {
      const { blob, fileName } = await exportPersonVCard(person.id);
      saveBlob(blob, fileName ?? `${name || 'contact'}.vcf`);
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  };

  const destroy = async () => {
    await remove.mutateAsync({ id: person.id, permanent: confirm === 'purge' });
    notifications.show({
      color: 'green',
      message:
        confirm === 'purge' ? t('contactRecord.purged', { name }) : t('contactRecord.trashed', { name }),
    });
    void navigate({ to: confirm === 'purge' || !can('contacts.delete') ? '/' : '/contacts/trash' });
  };

  return (
    <>
      {can('contacts.write') && (
        <LinkButton
          to="/contacts/$personId/edit"
          params={{ personId: person.id }}
          leftSection={<IconPencil size={16} aria-hidden />}
        >
          {t('contactRecord.edit')}
        </LinkButton>
      )}
      {can('contacts.export') && (
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={exporting}
          onClick={() => void exportVCard()}
        >
          {t('contactRecord.exportVCard')}
        </Button>
      )}
      {(canImport || canTrash || canPurge) && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
              {t('contactRecord.moreActions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {canImport && (
              <Menu.Item onClick={() => void navigate({ to: '/contacts/import-vcard' })}>
                {t('contactRecord.importVCard')}
              </Menu.Item>
            )}
            {canTrash && (
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
        title={confirm === 'purge' ? t('contactRecord.purgeTitle') : t('contactRecord.deleteTitle')}
        message={
          confirm === 'purge'
            ? t('contactRecord.purgeMessage', { name })
            : t('contactRecord.deleteMessage', { name })
        }
        confirmLabel={confirm === 'purge' ? t('contactRecord.purge') : t('contactRecord.delete')}
        onConfirm={destroy}
      />
    </>
  );
}
