import { Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { minPasswordLength } from '../auth/password-rules';
import { useChangePassword } from './use-account';

export function PasswordTab() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('validation.required')),
      newPassword: (value) =>
        value.length < minPasswordLength ? t('password.tooShort', { count: minPasswordLength }) : null,
      confirm: (value, values) => (value !== values.newPassword ? t('password.mismatch') : null),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('account.passwordChanged') });
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <Paper withBorder p="md" maw={520}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && <ErrorAlert error={formError} />}
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('password.rule', { count: minPasswordLength })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('fields.passwordConfirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
