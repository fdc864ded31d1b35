import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

interface ConfirmDeleteModalProps {
  opened: boolean;
  onClose: () => void;
  /** Performs the deletion; the modal closes when it resolves and shows the error otherwise. */
  onConfirm: () => Promise<unknown>;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
}

/** Asks for confirmation before a destructive action; focus starts on "Cancel". */
export function ConfirmDeleteModal({
  opened,
  onClose,
  onConfirm,
  title,
  message,
  confirmLabel,
}: ConfirmDeleteModalProps) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: onConfirm, onSuccess: () => onClose() });

  const close = () => {
    mutation.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack>
        <Text>{message}</Text>
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {confirmLabel ?? t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
