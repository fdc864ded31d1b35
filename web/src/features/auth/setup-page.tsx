import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { minPasswordLength, newPasswordValidators } from './password-rules';
import { PublicLayout } from './public-layout';
import { useSetup } from './use-auth';

/** First run: creates the first administrator account. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetup();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    initialValues: { email: '', name: '', password: '', confirm: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t('validation.email')),
      name: (value) => (value.trim() ? null : t('validation.required')),
      ...newPasswordValidators(t),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    setup.mutate(
      { email: values.email.trim(), name: values.name.trim(), password: values.password },
      {
        onSuccess: () => void navigate({ to: '/' }),
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <PublicLayout title={t('setup.title')} description={t('setup.description')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && <ErrorAlert error={formError} />}
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
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
          <Button type="submit" loading={setup.isPending} fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
