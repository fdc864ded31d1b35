import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { minPasswordLength, newPasswordValidators } from './password-rules';
import { PublicLayout } from './public-layout';
import { useConfirmPasswordReset } from './use-auth';

export function PasswordResetConfirmPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: newPasswordValidators(t),
  });

  const submit = form.onSubmit((values) => {
    if (!token) return;
    setFormError(null);
    confirm.mutate(
      { token, password: values.password },
      { onError: (error) => setFormError(applyProblemToForm(form, error)) },
    );
  });

  return (
    <PublicLayout title={t('passwordReset.confirmTitle')}>
      {!token ? (
        <ErrorAlert error={t('passwordReset.missingToken')} />
      ) : confirm.isSuccess ? (
        <Alert color="green" role="status" icon={<IconCircleCheck size={20} aria-hidden />}>
          {t('passwordReset.done')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError && <ErrorAlert error={formError} />}
            <PasswordInput
              label={t('fields.newPassword')}
              description={t('password.rule', { count: minPasswordLength })}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('fields.passwordConfirm')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t('passwordReset.confirmSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" ta="center">
        {confirm.isSuccess ? t('passwordReset.goToLogin') : t('passwordReset.backToLogin')}
      </Anchor>
    </PublicLayout>
  );
}
