import { Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ContactFilter } from '@parterre/contract/contact-lists';
import { IconBookmark, IconCheck, IconDeviceFloppy, IconPencil, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { ErrorAlert } from '../../components/error-alert';
import type { SavedView } from './contacts-api';
import { useCreateSavedView, useDeleteSavedView, useSavedViews, useUpdateSavedView } from './use-contacts';

export interface ViewDefinition {
  filter?: ContactFilter;
  sort?: string;
  columns?: string[];
}

interface SavedViewsMenuProps {
  currentId: string | undefined;
  definition: ViewDefinition;
  onPick: (view: SavedView) => void;
  /** The current view was deleted. */
  onDeleted: () => void;
}

type Dialog = 'create' | 'rename' | 'delete' | null;

/** The user's saved views of the people list: pick, save the current list, update, rename, delete. */
export function SavedViewsMenu({ currentId, definition, onPick, onDeleted }: SavedViewsMenuProps) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [name, setName] = useState('');
  const current = views.data?.find((view) => view.id === currentId);

  const open = (which: Dialog) => {
    create.reset();
    update.reset();
    setName(which === 'rename' && current ? current.name : '');
    setDialog(which);
  };

  const submitName = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    if (dialog === 'rename' && current) {
      update.mutate({ view: current, patch: { name: name.trim() } }, { onSuccess: () => setDialog(null) });
    } else {
      create.mutate(
        { name: name.trim(), entity: 'person', definition },
        {
          onSuccess: (view) => {
            setDialog(null);
            onPick(view);
            notifications.show({ color: 'green', message: t('contacts.views.saved', { name: view.name }) });
          },
        },
      );
    }
  };

  const saveDefinition = () => {
    if (!current) return;
    update.mutate(
      { view: current, patch: { definition } },
      {
        onSuccess: (view) =>
          notifications.show({ color: 'green', message: t('contacts.views.updated', { name: view.name }) }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  };

  return (
    <>
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden />}>
            {current
              ? t('contacts.views.buttonWithName', { name: current.name })
              : t('contacts.views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown maw={320}>
          <Menu.Label>{t('contacts.views.mine')}</Menu.Label>
          {views.data?.length === 0 && <Menu.Item disabled>{t('contacts.views.none')}</Menu.Item>}
          {views.data?.map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onPick(view)}
              leftSection={
                view.id === currentId ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14 }} />
              }
              aria-current={view.id === currentId ? 'true' : undefined}
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => open('create')}>
            {t('contacts.views.saveAs')}
          </Menu.Item>
          {current && (
            <>
              <Menu.Item leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={saveDefinition}>
                {t('contacts.views.update', { name: current.name })}
              </Menu.Item>
              <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => open('rename')}>
                {t('contacts.views.rename', { name: current.name })}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => open('delete')}
              >
                {t('contacts.views.delete', { name: current.name })}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={dialog === 'create' || dialog === 'rename'}
        onClose={() => setDialog(null)}
        title={dialog === 'rename' ? t('contacts.views.renameTitle') : t('contacts.views.saveTitle')}
        centered
      >
        <form onSubmit={submitName}>
          <Stack>
            <TextInput
              label={t('contacts.views.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={200}
              required
              data-autofocus
            />
            <ErrorAlert error={create.error ?? update.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmDeleteModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={t('contacts.views.deleteTitle')}
        message={t('contacts.views.deleteMessage', { name: current?.name ?? '' })}
        onConfirm={async () => {
          if (!current) return;
          await remove.mutateAsync(current.id);
          onDeleted();
        }}
      />
    </>
  );
}
