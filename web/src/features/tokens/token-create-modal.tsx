import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { UserPicker } from '../users/user-picker';
import { TokenSecret } from './token-secret';
import { useCreateToken } from './use-tokens';

export interface ScopeOption {
  value: string;
  label: string;
  group?: string;
}

interface TokenCreateModalProps {
  opened: boolean;
  onClose: () => void;
  scopes: ScopeOption[];
  /** Lets an administrator create the token for another user. */
  allowOtherUser?: boolean;
}

const expiryDays = ['30', '90', '365', 'never'] as const;

function expiryDate(choice: string): string | undefined {
  if (choice === 'never') return undefined;
  return new Date(Date.now() + Number(choice) * 86_400_000).toISOString();
}

/** Ungrouped options first, then one group per permission group. */
function groupOptions(scopes: ScopeOption[]) {
  const plain: { value: string; label: string }[] = [];
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const scope of scopes) {
    const item = { value: scope.value, label: scope.label };
    if (!scope.group) plain.push(item);
    else groups.set(scope.group, [...(groups.get(scope.group) ?? []), item]);
  }
  return [...plain, ...[...groups.entries()].map(([group, items]) => ({ group, items }))];
}

export function TokenCreateModal({ opened, onClose, scopes, allowOtherUser }: TokenCreateModalProps) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [secret, setSecret] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', scopes: [] as string[], expiry: '90', userId: null as string | null },
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      scopes: (value) => (value.length ? null : t('tokens.scopesRequired')),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on each opening
  useEffect(() => {
    if (!opened) return;
    form.reset();
    setSecret(null);
    setFormError(null);
    create.reset();
  }, [opened]);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      {
        name: values.name.trim(),
        scopes: values.scopes,
        expiresAt: expiryDate(values.expiry),
        userId: values.userId ?? undefined,
      },
      {
        onSuccess: (created) => {
          setSecret(created.secret);
          notifications.show({ color: 'green', message: t('tokens.created') });
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={secret ? t('tokens.createdTitle') : t('tokens.createTitle')}
      size="lg"
      centered
      // The secret must not vanish on a stray click or Escape.
      closeOnClickOutside={!secret}
      closeOnEscape={!secret}
    >
      {secret ? (
        <TokenSecret secret={secret} onDone={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError && <ErrorAlert error={formError} />}
            <TextInput
              label={t('fields.name')}
              description={t('tokens.nameHelp')}
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            {allowOtherUser && (
              <UserPicker
                label={t('tokens.owner')}
                description={t('tokens.ownerHelp')}
                clearable
                value={form.values.userId}
                onChange={(userId) => form.setFieldValue('userId', userId)}
              />
            )}
            <MultiSelect
              label={t('tokens.scopes')}
              description={t('tokens.scopesHelp')}
              data={groupOptions(scopes)}
              searchable
              required
              hidePickedOptions
              {...form.getInputProps('scopes')}
            />
            <Select
              label={t('tokens.expiry')}
              data={expiryDays.map((value) => ({ value, label: t(`tokens.expiryOptions.${value}`) }))}
              allowDeselect={false}
              {...form.getInputProps('expiry')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
