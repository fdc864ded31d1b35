import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { i18n } from '../../app/i18n';

interface UndoMergeMessageProps {
  text: string;
  /** Undoes the merge; the notification is replaced by the outcome. */
  onUndo: () => Promise<unknown>;
  notificationId: string;
}

function UndoMergeMessage({ text, onUndo, notificationId }: UndoMergeMessageProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undo = async () => {
    setPending(true);
    setError(null);
    try {
      await onUndo();
      notifications.hide(notificationId);
      notifications.show({ color: 'green', message: t('duplicates.reviewPage.unmerged') });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setPending(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">{text}</Text>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconArrowBackUp size={14} aria-hidden />}
        loading={pending}
        onClick={() => void undo()}
      >
        {t('duplicates.reviewPage.unmerge')}
      </Button>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/**
 * "Fiches fusionnées" with an "Annuler la fusion" button. Notifications render outside the query and
 * router providers, so the undo is a plain function closed over them; it stays until dismissed.
 */
export function showUndoMergeNotification(text: string, onUndo: () => Promise<unknown>): void {
  const id = `merge-${Date.now()}`;
  notifications.show({
    id,
    color: 'green',
    title: i18n.t('duplicates.reviewPage.merged'),
    autoClose: false,
    message: <UndoMergeMessage text={text} onUndo={onUndo} notificationId={id} />,
  });
}
