import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useAddSegmentToList, useAllLists } from './use-segments';

interface AddToListModalProps {
  opened: boolean;
  onClose: () => void;
  segmentId: string;
  /** Today's size of the segment, when known. */
  count: number | undefined;
}

/** Adds every person of the segment, as of now, to a list chosen among the existing ones. */
export function AddToListModal({ opened, onClose, segmentId, count }: AddToListModalProps) {
  const { t } = useTranslation();
  const lists = useAllLists(opened);
  const add = useAddSegmentToList(segmentId);
  const [listId, setListId] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setListId(null);
      add.reset();
    }
  }, [opened, add.reset]);

  const submit = async () => {
    if (!listId) return;
    const result = await add.mutateAsync(listId);
    notifications.show({
      color: 'green',
      message: t('segments.addToList.done', {
        count: result.added,
        already: result.members - result.added,
        total: result.memberCount,
      }),
    });
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('segments.addToList.title')} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit().catch(() => undefined);
        }}
      >
        <Stack>
          <Text size="sm">{t('segments.addToList.help')}</Text>
          <Select
            label={t('segments.addToList.list')}
            data={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            value={listId}
            onChange={setListId}
            searchable
            data-autofocus
            nothingFoundMessage={t('segments.lists.empty')}
          />
          <ErrorAlert error={lists.error ?? add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!listId} loading={add.isPending}>
              {count === undefined
                ? t('segments.addToList.submit')
                : t('segments.addToList.submitCount', { count })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
