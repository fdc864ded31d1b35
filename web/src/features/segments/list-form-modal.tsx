import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';

interface ListFormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  initialName?: string;
  /** Creates the list; the modal closes when it resolves and shows the error otherwise. */
  onSubmit: (input: { name: string; description: string | null }) => Promise<unknown>;
}

/** Name and description of a new static list (empty, or frozen from a segment). */
export function ListFormModal({
  opened,
  onClose,
  title,
  submitLabel,
  initialName,
  onSubmit,
}: ListFormModalProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName(initialName ?? '');
    setDescription('');
    setError(null);
    setNameError(null);
  }, [opened, initialName]);

  const submit = async () => {
    if (!name.trim()) {
      setNameError(t('segments.editor.nameRequired'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onSubmit({ name: name.trim(), description: description.trim() || null });
      onClose();
    } catch (cause) {
      setError(cause);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('segments.lists.name')}
            required
            data-autofocus
            value={name}
            error={nameError}
            maxLength={200}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(null);
            }}
          />
          <Textarea
            label={t('segments.editor.description')}
            value={description}
            autosize
            minRows={2}
            maxLength={2000}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
