import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import type { TrashKind } from './trash-api';
import { useTrashActions } from './use-trash';

/** Shown on a record that is in the trash, with a way to restore it. */
export function TrashedNotice({ kind, id, deletedAt }: { kind: TrashKind; id: string; deletedAt: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { restore } = useTrashActions(kind);
  return (
    <Alert color="orange" mb="md" role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('trash.inTrash', { date: formatDateTime(deletedAt) })}</Text>
        {can('contacts.delete') && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRestore size={14} aria-hidden />}
            loading={restore.isPending}
            onClick={() =>
              restore.mutate(id, {
                onSuccess: () => notifications.show({ color: 'green', message: t('trash.restoredRecord') }),
              })
            }
          >
            {t('trash.restore')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={restore.error} />
    </Alert>
  );
}
